// Data sets: folders of IDX files, the data directory, the Keras validation split, the batch assembler,
// and the real MNIST and Fashion-MNIST (which must be present: ./workbench setup installs them).
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <numeric>

#include <zlib.h>

#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"
#include "mlpw/io/share_dir.h"

// Counts heap allocations, to check that BatchAssembler::gather makes none.
namespace {
std::atomic<long> g_allocations{0};
}
void* operator new(std::size_t size) {
    ++g_allocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

QByteArray be32(quint32 value) {
    const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    return QByteArray(bytes, 4);
}

// {count, rows, cols} images whose pixels are all `fill`
QByteArray imagesFile(int count, int rows, int cols, char fill = 0) {
    return be32(0x803) + be32(count) + be32(rows) + be32(cols) + QByteArray(count * rows * cols, fill);
}

QByteArray labelsFile(const QByteArray& labels) { return be32(0x801) + be32(quint32(labels.size())) + labels; }

void writeFile(const QString& path, const QByteArray& bytes, bool compress = false) {
    if (compress) {
        gzFile out = gzopen(QFile::encodeName(path).constData(), "wb");
        QVERIFY2(out, qPrintable(path));
        QCOMPARE(gzwrite(out, bytes.constData(), unsigned(bytes.size())), int(bytes.size()));
        QCOMPARE(gzclose(out), Z_OK);
        return;
    }
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Writes the four standard files into `folder`; `gzipped` lists which of them get .gz.
void writeFolder(const QString& folder, const QByteArray& trainLabels, const QByteArray& testLabels,
                 const QStringList& gzipped = {}, int testRows = 2) {
    QVERIFY(QDir().mkpath(folder));
    const auto put = [&](const QString& name, const QByteArray& bytes) {
        const bool gz = gzipped.contains(name);
        writeFile(folder + "/" + name + (gz ? ".gz" : ""), bytes, gz);
    };
    put("train-images-idx3-ubyte", imagesFile(int(trainLabels.size()), 2, 3, 7));
    put("train-labels-idx1-ubyte", labelsFile(trainLabels));
    put("t10k-images-idx3-ubyte", imagesFile(int(testLabels.size()), testRows, 3, 9));
    put("t10k-labels-idx1-ubyte", labelsFile(testLabels));
}

QString message(const std::exception& e) { return QString::fromUtf8(e.what()); }

// Sets or unsets an environment variable for one scope, restoring the old value.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const QByteArray* value) : m_name(name), m_had(qEnvironmentVariableIsSet(name)) {
        m_old = qgetenv(name);
        if (value) qputenv(name, *value);
        else qunsetenv(name);
    }
    ~ScopedEnv() {
        if (m_had) qputenv(m_name, m_old);
        else qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    bool m_had;
    QByteArray m_old;
};

const QString kSetupHint = "run ./workbench setup";

}  // namespace

class tst_Dataset : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void loadFolder_data();
    void loadFolder();
    void folderErrors_data();
    void folderErrors();
    void derivedClassNames_data();
    void derivedClassNames();
    void defaultDataDir();
    void mnistMissing();

    void split_data();
    void split();
    void splitInvalid_data();
    void splitInvalid();

    void assembler_data();
    void assembler();
    void assemblerFromStatistics();
    void assemblerConstantImages();
    void gatherDoesNotAllocate();

    void realMnist();
    void realFashionMnist();

private:
    QTemporaryDir m_dir;
};

void tst_Dataset::loadFolder_data() {
    QTest::addColumn<QStringList>("gzipped");
    QTest::newRow("plain") << QStringList{};
    QTest::newRow("gzip") << QStringList{"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                                         "t10k-labels-idx1-ubyte"};
    QTest::newRow("mixed") << QStringList{"train-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
}

void tst_Dataset::loadFolder() {
    QFETCH(QStringList, gzipped);
    const QString folder = m_dir.filePath(QTest::currentDataTag());
    writeFolder(folder, QByteArray("\x00\x01\x02\x01", 4), QByteArray("\x02\x00", 2), gzipped);

    const mlpw::Dataset data = mlpw::load_idx_folder(folder.toStdString(), "three", {"a", "b", "c"});
    QCOMPARE(data.name, std::string("three"));
    QCOMPARE(data.num_classes(), 3);
    QCOMPARE(data.train.count, 4);
    QCOMPARE(data.test.count, 2);
    QCOMPARE(data.train.rows, 2);
    QCOMPARE(data.train.cols, 3);
    QCOMPARE(int(data.train.labels[3]), 1);
    QCOMPARE(int(data.test.labels[0]), 2);
    QCOMPARE(int(data.train.image(3)[5]), 7);
    QCOMPARE(int(data.test.image(1)[0]), 9);
}

void tst_Dataset::folderErrors_data() {
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("badFile");  // relative to the folder; "" = the folder itself
    QTest::addColumn<QStringList>("keyWords");

    QTest::newRow("no folder") << "no folder"
                               << "" << QStringList{"no such folder", "train-images-idx3-ubyte"};
    QTest::newRow("missing test labels") << "missing test labels"
                                         << "" << QStringList{"missing t10k-labels-idx1-ubyte[.gz]"};
    QTest::newRow("test images of another size")
        << "test shape"
        << "t10k-images-idx3-ubyte" << QStringList{"images are 3x3, expected 2x3", "train-images-idx3-ubyte"};
    QTest::newRow("label beyond the classes")
        << "label 3"
        << "train-labels-idx1-ubyte" << QStringList{"label 3 at index 1 is out of range (expected < 3)"};
}

void tst_Dataset::folderErrors() {
    QFETCH(QString, problem);
    QFETCH(QString, badFile);
    QFETCH(QStringList, keyWords);
    const QString folder = m_dir.filePath(QString(QTest::currentDataTag()).replace(' ', '_'));
    if (problem == "missing test labels") {
        writeFolder(folder, QByteArray(2, 1), QByteArray(2, 1));
        QVERIFY(QFile::remove(folder + "/t10k-labels-idx1-ubyte"));
    } else if (problem == "test shape") {
        writeFolder(folder, QByteArray(2, 1), QByteArray(2, 1), {}, 3);
    } else if (problem == "label 3") {
        writeFolder(folder, QByteArray("\x01\x03", 2), QByteArray(2, 1));
    }
    try {
        mlpw::load_idx_folder(folder.toStdString(), "x", {"a", "b", "c"});
        QFAIL("expected mlpw::DatasetError");
    } catch (const mlpw::DatasetError& e) {
        const QString expectedStart = (badFile.isEmpty() ? folder : folder + "/" + badFile) + ": ";
        QVERIFY2(message(e).startsWith(expectedStart), qPrintable(message(e)));
        for (const QString& word : keyWords)
            QVERIFY2(message(e).contains(word), qPrintable("missing \"" + word + "\" in: " + message(e)));
    }
}

void tst_Dataset::derivedClassNames_data() {
    QTest::addColumn<QByteArray>("trainLabels");
    QTest::addColumn<QByteArray>("testLabels");
    QTest::addColumn<int>("classes");  // 0: a DatasetError about the test labels is expected

    QTest::newRow("all zero: still two classes") << QByteArray(3, 0) << QByteArray(1, 1) << 2;
    QTest::newRow("largest 3") << QByteArray("\x00\x03\x01", 3) << QByteArray("\x02", 1) << 4;
    QTest::newRow("largest 9") << QByteArray("\x09", 1) << QByteArray("\x00", 1) << 10;
    QTest::newRow("test label beyond training") << QByteArray("\x00\x02", 2) << QByteArray("\x01\x05", 2) << 0;
}

// load_dataset(folder): class names "0".."N-1", N = largest training label + 1, at least 2.
void tst_Dataset::derivedClassNames() {
    QFETCH(QByteArray, trainLabels);
    QFETCH(QByteArray, testLabels);
    QFETCH(int, classes);
    const QString folder = m_dir.filePath(QString(QTest::currentDataTag()).replace(' ', '_').remove(':'));
    writeFolder(folder, trainLabels, testLabels);
    try {
        const mlpw::Dataset data = mlpw::load_dataset(folder.toStdString());
        QVERIFY2(classes > 0, "expected a DatasetError");
        QCOMPARE(data.name, folder.toStdString());
        QCOMPARE(data.num_classes(), classes);
        for (int i = 0; i < classes; ++i) QCOMPARE(data.class_names[i], std::to_string(i));
    } catch (const mlpw::DatasetError& e) {
        QVERIFY2(classes == 0, qPrintable(message(e)));
        QVERIFY2(message(e).startsWith(folder +
                                       "/t10k-labels-idx1-ubyte: label 5 at index 1 is out of range "
                                       "(expected < 3)"),
                 qPrintable(message(e)));
    }
}

void tst_Dataset::defaultDataDir() {
    const QByteArray elsewhere = "/somewhere/else";
    {
        ScopedEnv env("MLPW_DATA_DIR", &elsewhere);
        QCOMPARE(mlpw::default_data_dir(), std::string("/somewhere/else"));
    }
    // Unset or empty: the build tree's share/mlp-workbench/data beside the executable, a link to the checkout's
    // data folder (no path compiled into the binary).
    const std::string beside = mlpw::share_dir() + "/data";
    QCOMPARE(mlpw::share_dir(), QDir::cleanPath(MLPW_BINARY_DIR "/share/mlp-workbench").toStdString());
    QCOMPARE(QFileInfo(QString::fromStdString(beside)).canonicalFilePath(),
             QFileInfo(MLPW_SOURCE_DIR "/data").canonicalFilePath());
    {
        ScopedEnv env("MLPW_DATA_DIR", nullptr);
        QCOMPARE(mlpw::default_data_dir(), beside);
    }
    const QByteArray empty;
    ScopedEnv env("MLPW_DATA_DIR", &empty);
    QCOMPARE(mlpw::default_data_dir(), beside);
}

void tst_Dataset::mnistMissing() {
    const QByteArray emptyDir = QFile::encodeName(m_dir.filePath("no-data"));
    QVERIFY(QDir().mkpath(m_dir.filePath("no-data")));
    ScopedEnv env("MLPW_DATA_DIR", &emptyDir);
    try {
        mlpw::load_dataset("mnist");
        QFAIL("expected mlpw::DatasetError");
    } catch (const mlpw::DatasetError& e) {
        QVERIFY2(message(e).startsWith(QString::fromUtf8(emptyDir) + "/mnist: no such folder"), qPrintable(message(e)));
        QVERIFY2(message(e).contains(kSetupHint), qPrintable(message(e)));
    }
    try {
        mlpw::load_dataset("no-such-source");
        QFAIL("expected mlpw::DatasetError");
    } catch (const mlpw::DatasetError& e) {
        QVERIFY2(message(e).contains("\"no-such-source\": no such folder"), qPrintable(message(e)));
        QVERIFY2(message(e).contains("fashion_mnist"), qPrintable(message(e)));
    }
}

void tst_Dataset::split_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<float>("fraction");
    QTest::addColumn<int>("trainCount");  // Keras: int(count * (1 - fraction)), computed in Python

    QTest::newRow("MNIST, 0.25") << 60000 << 0.25f << 45000;
    QTest::newRow("MNIST, none held out") << 60000 << 0.0f << 60000;
    // 0.1f is 0.100000001...; Keras sees the JSON's 0.1 (int(60000 * 0.9) = 54000, not 53999).
    QTest::newRow("MNIST, 0.1") << 60000 << 0.1f << 54000;
    QTest::newRow("MNIST, 0.2") << 60000 << 0.2f << 48000;
    QTest::newRow("MNIST, 0.3") << 60000 << 0.3f << 42000;
    QTest::newRow("100, 0.15") << 100 << 0.15f << 85;
    QTest::newRow("10, 0.33: rounds down") << 10 << 0.33f << 6;
    QTest::newRow("7, 0.5") << 7 << 0.5f << 3;
    QTest::newRow("empty, none held out") << 0 << 0.0f << 0;
}

void tst_Dataset::split() {
    QFETCH(int, count);
    QFETCH(float, fraction);
    QFETCH(int, trainCount);
    const mlpw::SplitIndices split = mlpw::split_for_validation(count, fraction);
    QCOMPARE(int(split.train.size()), trainCount);
    QCOMPARE(int(split.validation.size()), count - trainCount);
    // The last part is held out, in order, before any shuffling.
    for (int i = 0; i < trainCount; ++i) QCOMPARE(split.train[i], uint32_t(i));
    for (int i = 0; i < count - trainCount; ++i) QCOMPARE(split.validation[i], uint32_t(trainCount + i));
}

void tst_Dataset::splitInvalid_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<float>("fraction");
    QTest::newRow("negative") << 100 << -0.1f;
    QTest::newRow("one") << 100 << 1.0f;
    QTest::newRow("above one") << 100 << 1.5f;
    QTest::newRow("NaN") << 100 << std::nanf("");
    QTest::newRow("no validation image left") << 100 << 1e-20f;
    QTest::newRow("no training image left") << 3 << 0.9f;
}

void tst_Dataset::splitInvalid() {
    QFETCH(int, count);
    QFETCH(float, fraction);
    try {
        mlpw::split_for_validation(count, fraction);
        QFAIL("expected mlpw::SpecError");
    } catch (const mlpw::SpecError& e) {
        QVERIFY2(message(e).startsWith("data.validation_split: "), qPrintable(message(e)));
    }
}

void tst_Dataset::assembler_data() {
    QTest::addColumn<int>("normalization");
    QTest::addColumn<QList<uint32_t>>("trainIndices");
    QTest::addColumn<QList<float>>("expected");  // gather of images {2, 0}
    QTest::addColumn<float>("mean");
    QTest::addColumn<float>("stddev");

    // Images of 2 pixels: {0, 255}, {51, 102}, {153, 204}; x / 255 = {0, 1}, {0.2, 0.4}, {0.6, 0.8}.
    QTest::newRow("none") << int(mlpw::Normalization::none) << QList<uint32_t>{0, 1} << QList<float>{153, 204, 0, 255}
                          << 0.0f << 1.0f;
    QTest::newRow("scale") << int(mlpw::Normalization::scale) << QList<uint32_t>{0, 1}
                           << QList<float>{0.6f, 0.8f, 0.0f, 1.0f} << 0.0f << 1.0f;
    // Training part {1}: mean 0.3, stddev 0.1.
    QTest::newRow("standardize, one image") << int(mlpw::Normalization::standardize) << QList<uint32_t>{1}
                                            << QList<float>{3.0f, 5.0f, -3.0f, 7.0f} << 0.3f << 0.1f;
    // Training part {0, 1}: {0, 1, 0.2, 0.4}, mean 0.4, variance (0.16 + 0.36 + 0.04 + 0) / 4 = 0.14.
    const float sd = std::sqrt(0.14f);
    QTest::newRow("standardize, two images") << int(mlpw::Normalization::standardize) << QList<uint32_t>{0, 1}
                                             << QList<float>{0.2f / sd, 0.4f / sd, -0.4f / sd, 0.6f / sd} << 0.4f << sd;
}

void tst_Dataset::assembler() {
    QFETCH(int, normalization);
    QFETCH(QList<uint32_t>, trainIndices);
    QFETCH(QList<float>, expected);
    QFETCH(float, mean);
    QFETCH(float, stddev);

    mlpw::ImageSet set;
    set.count = 3;
    set.rows = 1;
    set.cols = 2;
    set.pixels = {0, 255, 51, 102, 153, 204};
    set.labels = {0, 1, 2};
    const std::vector<uint32_t> indices(trainIndices.begin(), trainIndices.end());
    const mlpw::BatchAssembler assembler(mlpw::Normalization(normalization), set, indices);
    QVERIFY(qAbs(assembler.mean() - mean) < 1e-6f);
    QVERIFY(qAbs(assembler.stddev() - stddev) < 1e-6f);

    const uint32_t batch[2] = {2, 0};
    float dst[5];
    dst[4] = 42.0f;  // must stay untouched
    assembler.gather(set, batch, 2, dst);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(qAbs(dst[i] - expected[i]) < 1e-5f * qMax(1.0f, qAbs(expected[i])),
                 qPrintable(QString("dst[%1] = %2, expected %3").arg(i).arg(dst[i]).arg(expected[i])));
    QCOMPARE(dst[4], 42.0f);
}

// A model saved with its training statistics is fed with the same normalisation.
void tst_Dataset::assemblerFromStatistics() {
    mlpw::ImageSet set;
    set.count = 1;
    set.rows = 1;
    set.cols = 3;
    set.pixels = {0, 255, 51};
    set.labels = {0};
    const mlpw::BatchAssembler assembler(mlpw::Normalization::standardize, 0.5f, 0.25f);
    QCOMPARE(assembler.mean(), 0.5f);
    QCOMPARE(assembler.stddev(), 0.25f);
    const uint32_t index = 0;
    float dst[3];
    assembler.gather(set, &index, 1, dst);
    QVERIFY(qAbs(dst[0] - -2.0f) < 1e-6f);  // (0 - 0.5) / 0.25
    QVERIFY(qAbs(dst[1] - 2.0f) < 1e-6f);   // (1 - 0.5) / 0.25
    QVERIFY(qAbs(dst[2] - -1.2f) < 1e-6f);  // (0.2 - 0.5) / 0.25
}

// Every pixel equal: stddev 0 must not turn into inf or NaN; the features are centred.
void tst_Dataset::assemblerConstantImages() {
    mlpw::ImageSet set;
    set.count = 2;
    set.rows = 2;
    set.cols = 2;
    set.pixels.assign(8, 128);
    set.labels = {0, 1};
    const mlpw::BatchAssembler assembler(mlpw::Normalization::standardize, set, {0, 1});
    QCOMPARE(assembler.stddev(), 0.0f);
    const uint32_t batch[2] = {1, 0};
    float dst[8];
    assembler.gather(set, batch, 2, dst);
    for (float x : dst) QVERIFY2(std::isfinite(x) && qAbs(x) < 1e-6f, qPrintable(QString::number(x)));
}

void tst_Dataset::gatherDoesNotAllocate() {
    mlpw::ImageSet set;
    set.count = 64;
    set.rows = 28;
    set.cols = 28;
    set.pixels.assign(size_t(64) * 784, 200);
    set.labels.assign(64, 0);
    std::vector<uint32_t> indices(64);
    std::iota(indices.begin(), indices.end(), 0u);
    std::vector<float> dst(size_t(64) * 784);
    for (auto normalization :
         {mlpw::Normalization::none, mlpw::Normalization::scale, mlpw::Normalization::standardize}) {
        const mlpw::BatchAssembler assembler(normalization, set, indices);
        const long before = g_allocations.load();
        assembler.gather(set, indices.data(), 64, dst.data());
        QCOMPARE(g_allocations.load() - before, 0L);
    }
}

// The real data sets. Missing data is a failure, not a skip: ./workbench setup installs both.
void tst_Dataset::realMnist() {
    mlpw::Dataset data;
    try {
        data = mlpw::load_dataset("mnist");
    } catch (const mlpw::Error& e) {
        QFAIL(qPrintable("MNIST is not available (" + message(e) + "); run ./workbench setup"));
    }
    QCOMPARE(data.name, std::string("mnist"));
    QCOMPARE(data.train.count, 60000);
    QCOMPARE(data.test.count, 10000);
    QCOMPARE(data.train.rows, 28);
    QCOMPARE(data.train.cols, 28);
    QCOMPARE(data.test.rows, 28);
    QCOMPARE(data.test.cols, 28);
    QCOMPARE(data.num_classes(), 10);
    QCOMPARE(data.class_names.front(), std::string("0"));
    QCOMPARE(data.class_names.back(), std::string("9"));
    QCOMPARE(int(data.train.labels[0]), 5);
    QCOMPARE(int(data.test.labels[0]), 7);

    // The well-known label counts of the training and test sets.
    const QList<int> trainCounts{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    const QList<int> testCounts{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
    QList<int> train(10, 0), test(10, 0);
    for (uint8_t label : data.train.labels) ++train[label];
    for (uint8_t label : data.test.labels) ++test[label];
    QCOMPARE(std::accumulate(train.begin(), train.end(), 0), 60000);
    QCOMPARE(std::accumulate(test.begin(), test.end(), 0), 10000);
    QCOMPARE(train, trainCounts);
    QCOMPARE(test, testCounts);
}

void tst_Dataset::realFashionMnist() {
    mlpw::Dataset data;
    try {
        data = mlpw::load_dataset("fashion_mnist");
    } catch (const mlpw::Error& e) {
        QFAIL(qPrintable("Fashion-MNIST is not available (" + message(e) + "); run ./workbench setup"));
    }
    QCOMPARE(data.name, std::string("fashion_mnist"));
    QCOMPARE(data.train.count, 60000);
    QCOMPARE(data.test.count, 10000);
    QCOMPARE(data.train.rows, 28);
    QCOMPARE(data.train.cols, 28);
    const std::vector<std::string> names{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                         "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    QCOMPARE(data.class_names, names);
    QCOMPARE(int(data.train.labels[0]), 9);  // an ankle boot
    QList<int> train(10, 0);
    for (uint8_t label : data.train.labels) ++train[label];
    QCOMPARE(train, QList<int>(10, 6000));
}

QTEST_APPLESS_MAIN(tst_Dataset)
#include "tst_dataset.moc"
