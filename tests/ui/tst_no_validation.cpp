// A run with validation_split 0 in the window: its evaluation is the test set, evaluated once after training.
// The curves have no val tracks and mark the lowest training loss (not a "best" epoch), the fit's last line names
// the test set, the confusion view shows the test set's matrix, the inspect tab's notice and the sample digits
// panel say why there is nothing per epoch and where the test images are, and the runs table chooses no epoch. A tiny fixture run trained for real, with
// and without validation.
#include <QDomDocument>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "charts/training_charts.h"
#include "compare/runs_table_model.h"
#include "export/figure_export.h"
#include "inspect/confusion_picture.h"
#include "inspect/inspect_view.h"
#include "inspect/sample_digits_panel.h"
#include "mlpw/report/keras_format.h"
#include "run/keras_log.h"
#include "run/run_store.h"
#include "run_fixtures.h"

namespace {

RunSnapshot tinyRun(float validationSplit) {
    mlpw::ExperimentSpec spec = fixtures::tinySpec(5, 2);
    spec.data.validation_split = validationSplit;
    return fixtures::trained(spec);
}

// The text of a figure exported as SVG (its legend and axis titles).
QString svgText(const Figure& figure) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.svg"));
    if (!export_figure(figure, path).isEmpty()) return QStringLiteral("(not written)");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QDomDocument svg;
    if (!svg.setContent(&file)) return QStringLiteral("(not XML)");
    return svg.toString();
}

}  // namespace

class TestNoValidation : public QObject {
    Q_OBJECT
private slots:
    void curvesHaveNoValTracks_data() {
        QTest::addColumn<float>("split");
        QTest::addColumn<bool>("val");
        QTest::newRow("validation_split 0.25") << 0.25f << true;
        QTest::newRow("validation_split 0") << 0.0f << false;
    }
    void curvesHaveNoValTracks() {
        QFETCH(float, split);
        QFETCH(bool, val);
        const RunSnapshot run = tinyRun(split);
        QCOMPARE(run->validates(), val);
        QCOMPARE(run->history.front().has_validation, val);
        TrainingCharts charts;
        charts.resize(800, 500);
        charts.showRecord(run);
        charts.refresh();
        const QString text = svgText(charts.curvesFigure());
        QVERIFY2(text.contains(QStringLiteral(">train<")), qPrintable(text.left(2000)));
        QCOMPARE(text.contains(QStringLiteral(">val<")), val);
        QCOMPARE(text.contains(QStringLiteral("best ")), val);
        QCOMPARE(text.contains(QStringLiteral("lowest loss ")), !val);
        QCOMPARE(svgText(charts.twinAxisFigure()).contains(QStringLiteral(">val_accuracy<")), val);
    }

    void finishedLineNamesTheTestSet() {
        for (const float split : {0.25f, 0.0f}) {
            const RunSnapshot run = tinyRun(split);
            RunOutcome outcome;
            outcome.epochs_run = run->epochs_run();
            outcome.best_epoch = run->best_epoch;
            outcome.record = run;
            const QString line = keras_log::outcome(outcome);
            QCOMPARE(line.contains(QStringLiteral("best epoch")), split > 0);
            QCOMPARE(line.contains(QStringLiteral("no validation (validation_split 0)")), split == 0);
            QCOMPARE(line.contains(QStringLiteral("test set, evaluated once after training: accuracy ")), split == 0);
        }
    }

    void confusionViewShowsTheTestSet() {
        const RunSnapshot run = tinyRun(0.0f);
        QVERIFY(run->test.samples > 0);
        const ConfusionPicture picture = confusion_picture(*run, 1, false);
        QVERIFY2(picture.title.startsWith(QStringLiteral("Test set confusion matrix")), qPrintable(picture.title));
        QCOMPARE(picture.matrix, run->test.confusion);
        // Before the test set is evaluated: an empty picture that says when its matrix comes.
        auto untested = std::make_shared<mlpw::RunRecord>(*run);
        untested->test = mlpw::EvaluationResult();
        const ConfusionPicture empty = confusion_picture(*untested, 1, false);
        QCOMPARE(empty.size(), 0);
        QVERIFY(empty.empty.contains(QStringLiteral("validation_split 0")));
        // With validation: the epoch's validation matrix, as before.
        const RunSnapshot validated = tinyRun(0.25f);
        QCOMPARE(confusion_picture(*validated, 2, false).matrix, validated->validation[1].confusion);
    }

    void inspectNoticeNamesTheSplit() {
        RunStore store;
        InspectView view(&store);
        store.add(tinyRun(0.25f), QStringLiteral("split"));
        QVERIFY(view.noticeText().isEmpty());
        store.setCurrentIndex(store.add(tinyRun(0.0f), QStringLiteral("all")));
        const QString notice = view.noticeText();
        QVERIFY2(notice.startsWith(QStringLiteral("This run has no validation split (validation_split 0)")),
                 qPrintable(notice));
        QVERIFY(notice.contains(QStringLiteral("The matrix is the test set's")));
        QVERIFY(!notice.contains(QStringLiteral("model file")));
        QVERIFY(view.evaluateButton()->isHidden());  // evaluated already
    }

    void sampleDigitsSayWhatTheyShow() {
        const RunSnapshot run = tinyRun(0.0f);
        SampleDigitsPanel panel;
        panel.setRecord(run);
        panel.setEpoch(run->epochs_run());
        const SampleDigitsPicture& picture = panel.picture();
        QVERIFY(picture.digits.empty());
        QCOMPARE(picture.title, QStringLiteral("No validation samples (validation_split 0)"));
        QVERIFY2(picture.empty.contains(QStringLiteral("the Gallery tab shows those images")),
                 qPrintable(picture.empty));
        const QString accuracy = QString::fromStdString(mlpw::metric_value(run->test.accuracy));
        QVERIFY2(picture.empty.contains(QStringLiteral("Test set: accuracy %1 on 40 images.").arg(accuracy)),
                 qPrintable(picture.empty));
        const QString exported = svgText(panel.figure());
        QVERIFY(exported.contains(QStringLiteral("Gallery")));
        QVERIFY(!exported.contains(QStringLiteral("needs validation")));
        // Before the test set is evaluated: no test line.
        auto untested = std::make_shared<mlpw::RunRecord>(*run);
        untested->test = mlpw::EvaluationResult();
        panel.setRecord(untested);
        QVERIFY(!panel.picture().empty.contains(QStringLiteral("Test set:")));
        // With validation: the panel's digits, predicted at the epoch shown.
        const RunSnapshot validated = tinyRun(0.25f);
        panel.setRecord(validated);
        panel.setEpoch(2);
        QVERIFY(!panel.picture().digits.empty());
        QCOMPARE(panel.picture().digits.size(), size_t(validated->sample_panel.size()));
        QVERIFY(panel.picture().empty.isEmpty());
        QVERIFY2(panel.picture().title.startsWith(QStringLiteral("Validation samples, epoch 2: ")),
                 qPrintable(panel.picture().title));
    }

    void runsTableChoosesNoEpoch() {
        RunStore store;
        store.add(tinyRun(0.25f), QStringLiteral("split"));
        store.add(tinyRun(0.0f), QStringLiteral("all"));
        RunsTableModel model(&store);
        const auto cell = [&](int row, int column, int role) {
            return model.data(model.index(row, column), role).toString();
        };
        QCOMPARE(cell(0, RunsTableModel::best_epoch, Qt::DisplayRole), QString::number(store.at(0)->best_epoch));
        QCOMPARE(cell(1, RunsTableModel::best_epoch, Qt::DisplayRole), QStringLiteral("none (test set)"));
        QVERIFY(cell(1, RunsTableModel::val_accuracy, Qt::ToolTipRole).contains(QStringLiteral("validation_split 0")));
        QVERIFY(cell(0, RunsTableModel::val_accuracy, Qt::ToolTipRole).isEmpty());
        QVERIFY(cell(1, RunsTableModel::test_accuracy, Qt::DisplayRole) != QStringLiteral("-"));
    }
};

QTEST_MAIN(TestNoValidation)
#include "tst_no_validation.moc"
