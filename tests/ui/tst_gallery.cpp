// The gallery on a small trained model: its predictions agree with the run's own last validation (confusion
// counts per filter, the most confident mistake first), the order and the cell filter (which brings the tab
// forward), the tooltip's probability vector, the CSV of the filtered list and the exported page; a run without
// validation shown on the test set.
#include <QComboBox>
#include <QDomDocument>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "idx_fixture.h"
#include "inspect/gallery_view.h"
#include "inspect/prediction_service.h"
#include "mlpw/io/csv.h"
#include "run/dataset_cache.h"
#include "run/run_store.h"

using Kind = GalleryFilter::Kind;

class TestGallery : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    mlpw::RunRecord m_record;
    RunStore m_runs;
    DatasetCache m_cache;
    PredictionService* m_service = nullptr;
    QTabWidget m_tabs;
    GalleryView* m_gallery = nullptr;

    const mlpw::EpochValidation& lastValidation() const { return m_record.validation.back(); }
    int64_t confusion(int t, int p) const { return lastValidation().confusion.at(t, p); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        fixture::writeFolder(m_dir.path());
        m_record = fixture::trainedRun(m_dir.path());
        QVERIFY(!lastValidation().misclassified.empty());  // the fixture's noisy labels make mistakes
        m_service = new PredictionService(&m_runs, &m_cache, this);
        m_tabs.addTab(new QWidget, QStringLiteral("Curves"));
        m_gallery = new GalleryView(m_service);
        m_tabs.addTab(m_gallery, QStringLiteral("Gallery"));
        QSignalSpy ready(m_service, &PredictionService::ready);
        m_runs.setCurrentIndex(m_runs.add(std::make_shared<const mlpw::RunRecord>(m_record), "trained"));
        QVERIFY(ready.wait(20000));
        QVERIFY(ready.last().at(0).value<std::shared_ptr<const SamplePredictions>>());
    }

    void predictsTheValidationSplit() {
        const SamplePredictions* p = m_gallery->model()->predictions();
        QVERIFY(p);
        QCOMPARE(p->samples(), m_record.data.validation_samples);
        QCOMPARE(p->indices.front(), uint32_t(m_record.data.train_samples));  // Keras: the last 25% of the images
        QCOMPARE(p->classes, fixture::kClasses);
        QCOMPARE(int(p->images.size()), p->samples());
        QCOMPARE(p->images.front().size(), QSize(fixture::kSide, fixture::kSide));
        for (int s = 0; s < p->samples(); ++s) {
            double sum = 0;
            for (int c = 0; c < p->classes; ++c) sum += p->probabilitiesOf(s)[c];
            QVERIFY2(std::abs(sum - 1.0) < 1e-5, qPrintable(QString::number(sum)));
        }
    }

    void filtersCountWhatTheConfusionMatrixCounts() {
        GalleryModel* model = m_gallery->model();
        m_gallery->setFilter({Kind::all});
        QCOMPARE(model->rowCount(), int(lastValidation().confusion.total()));
        m_gallery->setFilter({Kind::misclassified});
        int64_t wrong = 0;
        for (int t = 0; t < fixture::kClasses; ++t)
            for (int p = 0; p < fixture::kClasses; ++p) wrong += t == p ? 0 : confusion(t, p);
        QCOMPARE(model->rowCount(), int(wrong));
        for (int c = 0; c < fixture::kClasses; ++c) {
            int64_t row = 0, column = 0;
            for (int o = 0; o < fixture::kClasses; ++o) row += confusion(c, o), column += confusion(o, c);
            m_gallery->setFilter({Kind::trueClass, c, 0});
            QCOMPARE(model->rowCount(), int(row));
            for (int r = 0; r < model->rowCount(); ++r)
                QCOMPARE(model->data(model->index(r), GalleryModel::LabelRole).toInt(), c);
            m_gallery->setFilter({Kind::predictedClass, 0, c});
            QCOMPARE(model->rowCount(), int(column));
        }
    }

    void mostConfidentMistakeComesFirst() {
        GalleryModel* model = m_gallery->model();
        m_gallery->setFilter({Kind::misclassified});
        model->setOrder(GalleryOrder::mostConfident);
        const mlpw::Misclassified& worst = lastValidation().misclassified.front();  // the Trainer's own list
        const QModelIndex first = model->index(0);
        QCOMPARE(model->data(first, GalleryModel::IndexRole).toUInt(), worst.index);
        QCOMPARE(model->data(first, GalleryModel::LabelRole).toInt(), int(worst.label));
        QCOMPARE(model->data(first, GalleryModel::PredictedRole).toInt(), int(worst.predicted));
        QVERIFY(std::abs(model->data(first, GalleryModel::ConfidenceRole).toFloat() - worst.confidence) < 1e-6f);
        for (int r = 1; r < model->rowCount(); ++r)
            QVERIFY(model->data(model->index(r - 1), GalleryModel::ConfidenceRole).toFloat() >=
                    model->data(model->index(r), GalleryModel::ConfidenceRole).toFloat());
        model->setOrder(GalleryOrder::leastConfident);
        QCOMPARE(model->data(model->index(model->rowCount() - 1), GalleryModel::IndexRole).toUInt(), worst.index);
        model->setOrder(GalleryOrder::index);
        for (int r = 1; r < model->rowCount(); ++r)
            QVERIFY(model->data(model->index(r - 1), GalleryModel::IndexRole).toUInt() <
                    model->data(model->index(r), GalleryModel::IndexRole).toUInt());
        model->setOrder(GalleryOrder::mostConfident);
    }

    void confusionCellFilterBringsTheGalleryForward() {
        const mlpw::Misclassified& worst = lastValidation().misclassified.front();
        m_tabs.setCurrentIndex(0);
        m_gallery->showConfusionCell(worst.label, worst.predicted);
        QCOMPARE(m_tabs.currentWidget(), m_gallery);
        QCOMPARE(m_gallery->model()->filter(), (GalleryFilter{Kind::cell, worst.label, worst.predicted}));
        QCOMPARE(m_gallery->model()->rowCount(), int(confusion(worst.label, worst.predicted)));
        QCOMPARE(m_gallery->model()->data(m_gallery->model()->index(0), GalleryModel::IndexRole).toUInt(), worst.index);
        QVERIFY2(m_gallery->statusText().contains(
                     QStringLiteral("true %1 predicted as %2").arg(int(worst.label)).arg(int(worst.predicted))),
                 qPrintable(m_gallery->statusText()));
    }

    void tooltipShowsEveryProbability() {
        GalleryModel* model = m_gallery->model();
        const QString tip = model->data(model->index(0), Qt::ToolTipRole).toString();
        const int s = model->sampleAt(0);
        const float* p = model->predictions()->probabilitiesOf(s);
        for (int c = 0; c < fixture::kClasses; ++c)
            QVERIFY2(tip.contains(QStringLiteral("%1%").arg(double(p[c]) * 100.0, 0, 'f', 2)), qPrintable(tip));
    }

    void csvHoldsTheFilteredList() {
        m_gallery->setFilter({Kind::misclassified});
        const QString path = m_dir.filePath(QStringLiteral("gallery.csv"));
        QCOMPARE(m_gallery->exportCsv(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), m_gallery->model()->rowCount() + 1);
        QCOMPARE(lines[0], QStringLiteral("index,true,predicted,confidence,p_0,p_1,p_2"));
        const auto fields = mlpw::csv_fields(lines[1].toStdString());
        QVERIFY(fields && fields->size() == 7);
        const mlpw::Misclassified& worst = lastValidation().misclassified.front();
        QCOMPARE(QString::fromStdString((*fields)[0]), QString::number(worst.index));
        QCOMPARE(QString::fromStdString((*fields)[2]), QString::number(worst.predicted));
        QCOMPARE(mlpw::csv_parse_float((*fields)[3]).value(),
                 m_gallery->model()->predictions()->confidence(m_gallery->model()->sampleAt(0)));
    }

    void exportsThePageOnScreen() {
        m_tabs.resize(900, 600);
        m_tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_tabs));
        m_gallery->setFilter({Kind::all});
        const auto [first, count] = m_gallery->visibleRows();
        QCOMPARE(first, 0);
        QVERIFY(count > 0 && count <= m_gallery->model()->rowCount());
        const QString png = m_dir.filePath(QStringLiteral("page.png"));
        QCOMPARE(m_gallery->exportPage(png), QString());
        QCOMPARE(QImage(png).size(), QSize(1600, 1000));
        const QString svg = m_dir.filePath(QStringLiteral("page.svg"));
        QCOMPARE(m_gallery->exportPage(svg), QString());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QDomDocument document;
        QVERIFY(document.setContent(&file));
        QCOMPARE(document.documentElement().firstChildElement(QStringLiteral("title")).text(),
                 QStringLiteral("Gallery of fixture run"));
        const QString text = document.toString();
        QVERIFY(text.contains(QStringLiteral("all samples")));
        QVERIFY(text.contains(QStringLiteral("true 2")));  // the tiles' labels
        m_tabs.hide();
    }

    void testSetAgreesWithTheRunsTestResult() {
        QSignalSpy ready(m_service, &PredictionService::ready);
        m_service->setSplit(SampleSplit::test);
        QVERIFY(ready.wait(20000));
        const SamplePredictions* p = m_gallery->model()->predictions();
        QVERIFY(p && p->split == SampleSplit::test);
        QCOMPARE(p->samples(), fixture::kTest);
        mlpw::ConfusionMatrix confusion(fixture::kClasses);
        for (int s = 0; s < p->samples(); ++s) confusion.add(p->labels[size_t(s)], p->predicted[size_t(s)]);
        QCOMPARE(confusion, m_record.test.confusion);  // the Trainer's evaluate_test_set
        m_service->setSplit(SampleSplit::validation);
        QVERIFY(ready.wait(20000));
        QCOMPARE(m_gallery->model()->predictions()->samples(), m_record.data.validation_samples);
    }

    // validation_split 0: the run's evaluation is the test set, so the gallery shows it and says so; the next
    // run with validation is shown on its validation split again.
    void aRunWithoutValidationShowsTheTestSet() {
        const mlpw::RunRecord all = fixture::trainedRun(m_dir.path(), 0.0f);
        QVERIFY(!all.validates());
        auto* split = m_gallery->findChild<QComboBox*>(QStringLiteral("gallerySplit"));
        QVERIFY(split);
        QCOMPARE(split->currentText(), QStringLiteral("Validation split"));
        QSignalSpy ready(m_service, &PredictionService::ready);
        const int trained = m_runs.currentIndex();
        m_runs.setCurrentIndex(m_runs.add(std::make_shared<const mlpw::RunRecord>(all), "all"));
        QVERIFY(ready.wait(20000));
        const SamplePredictions* p = m_gallery->model()->predictions();
        QVERIFY(p && p->split == SampleSplit::test);
        QCOMPARE(p->samples(), fixture::kTest);
        QCOMPARE(p->images.front().size(), QSize(fixture::kSide, fixture::kSide));
        mlpw::ConfusionMatrix confusion(fixture::kClasses);
        for (int s = 0; s < p->samples(); ++s) confusion.add(p->labels[size_t(s)], p->predicted[size_t(s)]);
        QCOMPARE(confusion, all.test.confusion);
        const QString status = m_gallery->statusText();
        QVERIFY2(status.contains(QStringLiteral("fixture run: 120 test images")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("no validation split (validation_split 0): the test set is its "
                                                "evaluation")),
                 qPrintable(status));
        QCOMPARE(split->currentText(), QStringLiteral("Test set"));
        const auto* items = qobject_cast<QStandardItemModel*>(split->model());
        QVERIFY(items && !items->item(0)->isEnabled());
        QVERIFY(items->item(0)->toolTip().contains(QStringLiteral("validation_split 0")));

        m_runs.setCurrentIndex(trained);
        QVERIFY(ready.wait(20000));
        p = m_gallery->model()->predictions();
        QVERIFY(p && p->split == SampleSplit::validation);
        QCOMPARE(p->samples(), m_record.data.validation_samples);
        QVERIFY2(m_gallery->statusText().contains(QStringLiteral(" validation images")),
                 qPrintable(m_gallery->statusText()));
        QVERIFY(!m_gallery->statusText().contains(QStringLiteral("validation_split 0")));
        QCOMPARE(split->currentText(), QStringLiteral("Validation split"));
        QVERIFY(items->item(0)->isEnabled());
    }

    void liveRunIsNotPredicted() {
        QSignalSpy ready(m_service, &PredictionService::ready);
        m_runs.beginRun();
        m_runs.update(std::make_shared<const mlpw::RunRecord>(m_record));
        QVERIFY(!ready.isEmpty());
        QVERIFY(!ready.last().at(0).value<std::shared_ptr<const SamplePredictions>>());
        QVERIFY(!m_gallery->model()->predictions());
        m_runs.endRun();  // the run is final: predicted again
        QVERIFY(ready.wait(20000));
        QVERIFY(m_gallery->model()->predictions());
    }
};

QTEST_MAIN(TestGallery)
#include "tst_gallery.moc"
