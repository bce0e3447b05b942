// The Inspect tab as a view of the RunStore: its views follow the live run's newest epoch until the slider is
// moved; and every picture of the inspect views and the curves exports as a PNG of the asked size and an SVG
// carrying its title and the class names.
#include <QDomDocument>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include "charts/training_charts.h"
#include "export/figure_export.h"
#include "inspect/confusion_matrix_view.h"
#include "inspect/epoch_slider.h"
#include "inspect/first_layer_weights_view.h"
#include "inspect/inspect_view.h"
#include "inspect/sample_digits_panel.h"
#include "inspect_fixture.h"
#include "run/run_store.h"

namespace {

QString svgText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QDomDocument svg;
    if (!svg.setContent(&file)) return QStringLiteral("(not XML)");
    return svg.documentElement().firstChildElement(QStringLiteral("title")).text() + "\n" + svg.toString();
}

}  // namespace

class TestInspectView : public QObject {
    Q_OBJECT
private slots:
    void followsTheLiveRunUntilTheSliderMoves() {
        RunStore runs;
        InspectView view(&runs);
        runs.beginRun();
        runs.update(inspect_fixture::snapshot(1));
        QCOMPARE(view.slider()->epoch(), 1);
        QCOMPARE(view.confusion()->picture().matrix, inspect_fixture::matrix(1));
        runs.update(inspect_fixture::snapshot(2));
        QCOMPARE(view.slider()->epoch(), 2);
        QCOMPARE(view.confusion()->picture().matrix, inspect_fixture::matrix(2));
        QCOMPARE(view.samples()->picture().wrongCount(), 0);

        view.slider()->slider()->setValue(1);  // the person looks back
        QCOMPARE(view.confusion()->picture().matrix, inspect_fixture::matrix(1));
        QCOMPARE(view.samples()->picture().wrongCount(), 2);
        QVERIFY(view.weights()->picture().title.contains(QStringLiteral("epoch 1")));
        runs.update(inspect_fixture::snapshot(3));
        QCOMPARE(view.slider()->epochs(), 3);
        QCOMPARE(view.slider()->epoch(), 1);  // stays
        QCOMPARE(view.confusion()->picture().matrix, inspect_fixture::matrix(1));
        runs.endRun();
    }

    // An opened model file: history and weights, no per-epoch validation. The tab says so and offers the test
    // set's evaluation; once the run has a test result, the matrix is the test set's and the gallery is not fed.
    void aModelFileSaysWhatItLacks() {
        RunStore runs;
        InspectView view(&runs);
        QVERIFY(view.noticeText().isEmpty());
        runs.add(inspect_fixture::snapshot(2), QStringLiteral("trained"));
        QVERIFY(view.noticeText().isEmpty());  // a trained run has its validation matrices
        auto opened = std::make_shared<mlpw::RunRecord>(inspect_fixture::record());
        for (auto& v : opened->validation) v = mlpw::EpochValidation();
        opened->final_weights = {inspect_fixture::kernel()};
        runs.add(opened, QStringLiteral("model"));
        runs.setCurrentIndex(1);
        QVERIFY2(view.noticeText().contains(QStringLiteral("no per-epoch validation")), qPrintable(view.noticeText()));
        QVERIFY(!view.evaluateButton()->isHidden());
        QCOMPARE(view.confusion()->picture().size(), 0);
        QSignalSpy asked(&view, &InspectView::evaluateRequested);
        view.evaluateButton()->click();
        QCOMPARE(asked.size(), 1);

        auto tested = std::make_shared<mlpw::RunRecord>(*opened);
        tested->test.samples = 30;
        tested->test.confusion = inspect_fixture::matrix(2);
        runs.replaceRun(1, tested);
        QCOMPARE(view.confusion()->picture().matrix, inspect_fixture::matrix(2));
        QVERIFY(view.confusion()->picture().test);
        QVERIFY(view.confusion()->picture().title.contains(QStringLiteral("Test confusion matrix")));
        QVERIFY(view.noticeText().contains(QStringLiteral("the test set's")));
        QVERIFY(view.evaluateButton()->isHidden());
        QSignalSpy cells(view.confusion(), &ConfusionMatrixView::cellActivated);
        view.confusion()->resize(400, 300);
        QTest::mouseClick(view.confusion(), Qt::LeftButton, {}, view.confusion()->cellRect(0, 1).center().toPoint());
        QCOMPARE(cells.size(), 0);  // the gallery shows validation images: test cells do not open it
    }

    void figuresExport_data() {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("texts");
        QTest::newRow("confusion matrix")
            << "confusion"
            << "Validation confusion matrix, epoch 2 of 2" << QStringList{"cat", "dog", "bird", "precision", "recall"};
        QTest::newRow("sample digits") << "samples"
                                       << "Validation samples, epoch 2: 4 of 4 right"
                                       << QStringList{"cat", "dog", "bird"};
        QTest::newRow("first layer weights")
            << "weights"
            << "First layer weights (dense/kernel, 3 units), epoch 2" << QStringList{"weight", "+1"};
        QTest::newRow("curves") << "curves"
                                << "Loss and accuracy" << QStringList{"Loss", "Accuracy", "epoch"};
        QTest::newRow("twin axis") << "twin"
                                   << "Accuracy and validation loss" << QStringList{"val_loss", "accuracy", "epoch"};
    }
    void figuresExport() {
        QFETCH(QString, which);
        QFETCH(QString, title);
        QFETCH(QStringList, texts);
        RunStore runs;
        InspectView view(&runs);
        TrainingCharts charts;
        QObject::connect(&runs, &RunStore::currentChanged, &charts, &TrainingCharts::showRecord);
        runs.beginRun();
        runs.update(inspect_fixture::snapshot(2));
        const Figure figure = which == "confusion" ? view.confusion()->figure()
            : which == "samples"                   ? view.samples()->figure()
            : which == "weights"                   ? view.weights()->figure()
            : which == "curves"                    ? charts.curvesFigure()
                                                   : charts.twinAxisFigure();
        QCOMPARE(figure.title, title);
        QTemporaryDir dir;
        const QString png = dir.filePath(which + ".png"), svg = dir.filePath(which + ".svg");
        QCOMPARE(export_figure(figure, png), QString());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1600, 1000));
        int drawn = 0;  // of every 4th pixel of every 4th row, those that are not background
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4) drawn += image.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY2(drawn > 1000, qPrintable(QString::number(drawn)));
        QCOMPARE(export_figure(figure, svg), QString());
        const QString text = svgText(svg);
        QVERIFY2(text.startsWith(title + "\n"), qPrintable(text.left(200)));
        for (const QString& t : texts) QVERIFY2(text.contains(t), qPrintable(t));
    }

    void confusionCsvHasEveryEpoch() {
        ConfusionMatrixView view;
        view.setRecord(inspect_fixture::snapshot(2));
        const std::string csv = view.csv();
        QCOMPARE(QString::fromStdString(csv).split('\n', Qt::SkipEmptyParts).size(), 1 + 2 * 3);
        QVERIFY(csv.find("1,bird,1,1,9\n") != std::string::npos);  // epoch 2 (0-based 1), bird row
    }
};

QTEST_MAIN(TestInspectView)
#include "tst_inspect_view.moc"
