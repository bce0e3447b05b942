// The data view: its counts per class equal the labels of the IDX files the test writes (training part,
// Keras' validation part, test set), its pixel range, mean images and samples are those of the files, it follows
// the experiment's data set, and it exports as PNG (1600x1000) and SVG (title, legend, class names).
// Fashion-MNIST once, end to end (its class names, 60,000 + 10,000 images).
#include <QDomDocument>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "editor/experiment_editor.h"
#include "idx_fixture.h"
#include "inspect/data_view.h"
#include "run/dataset_cache.h"

namespace {

std::vector<int> countsOf(const std::vector<uint8_t>& labels, size_t from, size_t to) {
    std::vector<int> counts(fixture::kClasses, 0);
    for (size_t i = from; i < to; ++i) ++counts[labels[i]];
    return counts;
}

}  // namespace

class TestDataView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fixture::Labels m_labels;
    DatasetCache m_cache;

    // The overview of `spec`'s data set, as the view shows it.
    std::shared_ptr<const DataOverview> shown(DataView& view, const mlpw::DataSpec& spec) {
        QSignalSpy changed(&view, &DataView::overviewChanged);
        view.showData(spec);
        if (changed.isEmpty() && !changed.wait(30000)) return nullptr;
        return view.overview();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_labels = fixture::writeFolder(m_dir.path());
        QCOMPARE(int(m_labels.train.size()), fixture::kTrain);
    }

    void countsEqualTheLabelFiles() {
        ExperimentEditor editor(&m_cache);
        DataView view(&m_cache, &editor);
        const auto overview = shown(view, fixture::experiment(m_dir.path()).data);
        QVERIFY2(overview, qPrintable(view.statusText()));
        const mlpw::DatasetStatistics& s = overview->statistics;
        const size_t trainPart = size_t(fixture::kTrain * 3 / 4);  // validation_split 0.25: the last quarter
        QCOMPARE(s.train_counts, countsOf(m_labels.train, 0, trainPart));
        QCOMPARE(s.validation_counts, countsOf(m_labels.train, trainPart, m_labels.train.size()));
        QCOMPARE(s.test_counts, countsOf(m_labels.test, 0, m_labels.test.size()));
        QCOMPARE(s.rows, fixture::kSide);
        QCOMPARE(overview->classNames, (QStringList{"0", "1", "2"}));

        // Pixel range, mean images and samples against the files as loaded.
        const mlpw::Dataset data = mlpw::load_dataset(m_dir.path().toStdString());
        const auto [lo, hi] = std::minmax_element(data.train.pixels.begin(), data.train.pixels.end());
        QCOMPARE(s.min_pixel, std::min(*lo, *std::min_element(data.test.pixels.begin(), data.test.pixels.end())));
        QCOMPARE(s.max_pixel, std::max(*hi, *std::max_element(data.test.pixels.begin(), data.test.pixels.end())));
        const int pixel = 2 * fixture::kSide + 3;  // row 2: class 1's band
        for (int c = 0; c < fixture::kClasses; ++c) {
            double sum = 0;
            for (size_t i = 0; i < trainPart; ++i)
                if (data.train.labels[i] == c) sum += data.train.image(int(i))[pixel];
            const float mean = s.mean_images[size_t(c) * 64 + pixel];
            QVERIFY2(std::abs(mean - sum / s.train_counts[size_t(c)]) < 1e-3, qPrintable(QString::number(mean)));
            QCOMPARE(int(overview->samples[size_t(c)].size()), kSamplesPerClass);
            for (uint32_t i : s.samples[size_t(c)]) {
                QVERIFY(i < trainPart);
                QCOMPARE(int(data.train.labels[i]), c);
            }
            QCOMPARE(overview->meanImages[size_t(c)].pixelColor(3, 2).red(), int(std::lround(mean)));
        }
        QVERIFY(view.statusText().contains(m_dir.path()));
    }

    void followsTheSplit() {
        ExperimentEditor editor(&m_cache);
        DataView view(&m_cache, &editor);
        mlpw::DataSpec spec = fixture::experiment(m_dir.path()).data;
        spec.validation_split = 0.5f;
        const auto overview = shown(view, spec);
        QVERIFY(overview);
        QCOMPARE(overview->statistics.validation_samples(), fixture::kTrain / 2);
        spec.validation_split = 1.5f;  // refused by split_for_validation: the view says so
        QVERIFY(!shown(view, spec));
        QVERIFY2(view.statusText().contains(QStringLiteral("Cannot show")), qPrintable(view.statusText()));
        spec.source = m_dir.filePath(QStringLiteral("missing")).toStdString();
        QVERIFY(!shown(view, spec));
        QVERIFY2(view.statusText().contains(QStringLiteral("missing")), qPrintable(view.statusText()));
    }

    void exportsPngAndSvg() {
        ExperimentEditor editor(&m_cache);
        DataView view(&m_cache, &editor);
        QVERIFY(shown(view, fixture::experiment(m_dir.path()).data));
        const QString png = m_dir.filePath(QStringLiteral("data.png"));
        QCOMPARE(view.exportPicture(png), QString());
        QCOMPARE(QImage(png).size(), QSize(1600, 1000));
        const QString svg = m_dir.filePath(QStringLiteral("data.svg"));
        QCOMPARE(view.exportPicture(svg), QString());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QDomDocument document;
        QVERIFY(document.setContent(&file));
        QCOMPARE(document.documentElement().firstChildElement(QStringLiteral("title")).text(),
                 QStringLiteral("Data set %1").arg(m_dir.path()));
        const QString text = document.toString();
        for (const char* label : {"Images per class", "training part", "validation part", "test set", "mean image"})
            QVERIFY2(text.contains(QLatin1String(label)), label);
    }

    void fashionMnist() {
        if (!QFile::exists(QStringLiteral("/usr/share/datasets/fashion-mnist")))
            QSKIP("Fashion-MNIST is not installed (./workbench setup)");
        ExperimentEditor editor(&m_cache);
        DataView view(&m_cache, &editor);
        mlpw::DataSpec spec;
        spec.source = "fashion_mnist";
        const auto overview = shown(view, spec);
        QVERIFY2(overview, qPrintable(view.statusText()));
        QCOMPARE(overview->classNames.size(), 10);
        QCOMPARE(overview->classNames.last(), QStringLiteral("Ankle boot"));
        QCOMPARE(overview->statistics.train_samples() + overview->statistics.validation_samples(), 60000);
        QCOMPARE(overview->statistics.validation_samples(), 15000);
        QCOMPARE(overview->statistics.test_samples(), 10000);
        QCOMPARE(overview->statistics.test_counts, std::vector<int>(10, 1000));
        QCOMPARE(overview->statistics.max_pixel, uint8_t(255));
    }
};

QTEST_MAIN(TestDataView)
#include "tst_data_view.moc"
