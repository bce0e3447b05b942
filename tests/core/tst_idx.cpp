// load_idx: IDX image and label files, plain or gzip, and every way such a file can be wrong.
// The fixtures are written by the test into a temporary folder.
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <tuple>

#include <zlib.h>

#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"

namespace {

QByteArray be32(quint32 value) {
    const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    return QByteArray(bytes, 4);
}

// magic, then one big-endian uint32 per dimension
QByteArray idxHeader(quint32 magic, const QList<quint32>& dims) {
    QByteArray bytes = be32(magic);
    for (quint32 d : dims) bytes += be32(d);
    return bytes;
}

// {count, rows, cols}: pixel f of image i is (i * 37 + f * 11) mod 256, so 0 and 255 both occur.
QByteArray pixelsFor(int count, int rows, int cols) {
    QByteArray bytes(count * rows * cols, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        for (int f = 0; f < rows * cols; ++f) bytes[i * rows * cols + f] = char((i * 37 + f * 11) % 256);
    return bytes;
}

QByteArray imagesFile(int count, int rows, int cols) {
    return idxHeader(0x803, {quint32(count), quint32(rows), quint32(cols)}) + pixelsFor(count, rows, cols);
}

QByteArray labelsFile(const QByteArray& labels) { return idxHeader(0x801, {quint32(labels.size())}) + labels; }

QByteArray gzipped(const QByteArray& bytes, const QString& scratchPath) {
    gzFile out = gzopen(QFile::encodeName(scratchPath).constData(), "wb");
    if (!out) qFatal("cannot write %s", qPrintable(scratchPath));
    if (!bytes.isEmpty()) gzwrite(out, bytes.constData(), unsigned(bytes.size()));
    gzclose(out);
    QFile file(scratchPath);
    file.open(QIODevice::ReadOnly);
    const QByteArray compressed = file.readAll();
    file.remove();
    return compressed;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(file.write(bytes), bytes.size());
}

// A valid 3-image, 2x4 set with labels {7, 0, 9}.
const QByteArray kLabels("\x07\x00\x09", 3);
const QByteArray kImages = imagesFile(3, 2, 4);     // 16 + 24 = 40 bytes
const QByteArray kLabelFile = labelsFile(kLabels);  // 8 + 3 = 11 bytes

QByteArray garbage(int n) {
    QByteArray bytes(n, Qt::Uninitialized);
    quint32 x = 12345;
    for (int i = 0; i < n; ++i) {
        x = x * 1664525u + 1013904223u;
        bytes[i] = char(x >> 24);
    }
    return bytes;
}

}  // namespace

class tst_Idx : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void knownValues_data();
    void knownValues();
    void manyChunks_data();
    void manyChunks();
    void malformed_data();
    void malformed();
    void exactMessages();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void tst_Idx::knownValues_data() {
    QTest::addColumn<QString>("imagesName");
    QTest::addColumn<QString>("labelsName");
    QTest::addColumn<bool>("compress");

    QTest::newRow("plain") << "images"
                           << "labels" << false;
    QTest::newRow("gzip") << "images.gz"
                          << "labels.gz" << true;
    // Compression is recognised from the content, not the name.
    QTest::newRow("gzip without .gz") << "gz-images"
                                      << "gz-labels" << true;
    QTest::newRow("plain named .gz") << "plain-images.gz"
                                     << "plain-labels.gz" << false;
}

void tst_Idx::knownValues() {
    QFETCH(QString, imagesName);
    QFETCH(QString, labelsName);
    QFETCH(bool, compress);
    writeFile(path(imagesName), compress ? gzipped(kImages, path("scratch")) : kImages);
    writeFile(path(labelsName), compress ? gzipped(kLabelFile, path("scratch")) : kLabelFile);

    const mlpw::ImageSet set = mlpw::load_idx(path(imagesName).toStdString(), path(labelsName).toStdString(), 10);
    QCOMPARE(set.count, 3);
    QCOMPARE(set.rows, 2);
    QCOMPARE(set.cols, 4);
    QCOMPARE(set.features(), 8);
    const QByteArray expected = pixelsFor(3, 2, 4);
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(set.pixels.data()), qsizetype(set.pixels.size())), expected);
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(set.labels.data()), qsizetype(set.labels.size())), kLabels);
    QCOMPARE(set.image(2)[0], uint8_t(74));       // (2 * 37) % 256
    QCOMPARE(set.image(1)[5], uint8_t(37 + 55));  // (1 * 37 + 5 * 11) % 256
}

void tst_Idx::manyChunks_data() {
    QTest::addColumn<bool>("compress");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
}

// More than the reader's 1 MiB chunk: 2000 images of 28x28 (1.5 MB).
void tst_Idx::manyChunks() {
    QFETCH(bool, compress);
    const int count = 2000;
    const QByteArray pixels = garbage(count * 28 * 28);
    const QByteArray images = idxHeader(0x803, {count, 28, 28}) + pixels;
    QByteArray labels(count, 0);
    for (int i = 0; i < count; ++i) labels[i] = char(i % 10);
    writeFile(path("big-images"), compress ? gzipped(images, path("scratch")) : images);
    writeFile(path("big-labels"), compress ? gzipped(labelsFile(labels), path("scratch")) : labelsFile(labels));

    const mlpw::ImageSet set = mlpw::load_idx(path("big-images").toStdString(), path("big-labels").toStdString(), 10);
    QCOMPARE(set.count, count);
    QVERIFY(std::equal(set.pixels.begin(), set.pixels.end(), pixels.begin(), pixels.end(),
                       [](uint8_t a, char b) { return a == uint8_t(b); }));
    QCOMPARE(int(set.labels[1999]), 9);
}

void tst_Idx::malformed_data() {
    // mode: how each file is written: "plain", "gzip", "missing" (not written), "folder" (a folder)
    QTest::addColumn<QByteArray>("images");
    QTest::addColumn<QString>("imagesMode");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<QString>("labelsMode");
    QTest::addColumn<int>("numClasses");
    QTest::addColumn<QString>("badFile");  // "images", "labels" or "both": whose path the message names
    QTest::addColumn<QStringList>("keyWords");

    const QByteArray body = kImages.mid(16);  // the 24 pixel bytes
    QTest::newRow("empty images") << QByteArray() << "plain" << kLabelFile << "plain" << 10 << "images"
                                  << QStringList{"empty file", "0 bytes", "IDX image file"};
    QTest::newRow("empty labels") << kImages << "plain" << QByteArray() << "plain" << 10 << "labels"
                                  << QStringList{"empty file", "IDX label file"};
    QTest::newRow("empty gzip") << kImages << "plain" << QByteArray() << "gzip" << 10 << "labels"
                                << QStringList{"empty file (0 bytes once decompressed)"};
    QTest::newRow("bad magic") << idxHeader(0x12345678, {3, 2, 4}) + body << "plain" << kLabelFile << "plain" << 10
                               << "images" << QStringList{"bad magic number 0x12345678", "starts with 0x00000803"};
    QTest::newRow("bad label magic") << kImages << "plain" << labelsFile(kLabels).replace(0, 2, "PK") << "plain" << 10
                                     << "labels"
                                     << QStringList{"bad magic number 0x504B0801", "label file starts with 0x00000801"};
    QTest::newRow("float elements") << idxHeader(0x0D03, {3, 2, 4}) + body << "plain" << kLabelFile << "plain" << 10
                                    << "images"
                                    << QStringList{"element type 0x0D (float)", "expected 0x08 (unsigned byte)"};
    QTest::newRow("labels given as images") << kLabelFile << "plain" << kLabelFile << "plain" << 10 << "images"
                                            << QStringList{"wrong rank", "1 dimension,", "expected 3", "label file"};
    QTest::newRow("images of rank 2") << idxHeader(0x802, {3, 8}) + body << "plain" << kLabelFile << "plain" << 10
                                      << "images" << QStringList{"wrong rank", "2 dimensions", "expected 3"};
    QTest::newRow("images given as labels") << kImages << "plain" << kImages << "plain" << 10 << "labels"
                                            << QStringList{"wrong rank", "expected 1", "image file"};
    QTest::newRow("truncated magic") << kImages.left(2) << "plain" << kLabelFile << "plain" << 10 << "images"
                                     << QStringList{"truncated header", "file has 2 bytes", "16 bytes"};
    QTest::newRow("truncated header") << kImages.left(12) << "plain" << kLabelFile << "plain" << 10 << "images"
                                      << QStringList{"truncated header", "file has 12 bytes", "16 bytes"};
    QTest::newRow("truncated label header") << kImages << "plain" << kLabelFile.left(6) << "plain" << 10 << "labels"
                                            << QStringList{"truncated header", "file has 6 bytes", "8 bytes"};
    QTest::newRow("truncated pixels") << kImages.left(35) << "plain" << kLabelFile << "plain" << 10 << "images"
                                      << QStringList{
                                             "truncated: header says 3 images of 2x4 (40 bytes), file has 35 bytes"};
    QTest::newRow("truncated labels") << kImages << "plain" << kLabelFile.left(10) << "plain" << 10 << "labels"
                                      << QStringList{"truncated: header says 3 labels (11 bytes), file has 10 bytes"};
    QTest::newRow("truncated pixels, gzip")
        << kImages.left(35) << "gzip" << kLabelFile << "plain" << 10 << "images"
        << QStringList{"truncated: header says 3 images of 2x4 (40 bytes)", "35 bytes once decompressed"};
    QTest::newRow("trailing pixels") << kImages + "abc"
                                     << "plain" << kLabelFile << "plain" << 10 << "images"
                                     << QStringList{"trailing data", "(40 bytes)", "file has 43 bytes"};
    QTest::newRow("trailing labels") << kImages << "plain" << kLabelFile + garbage(5000) << "plain" << 10 << "labels"
                                     << QStringList{"trailing data", "3 labels (11 bytes)", "file has 5011 bytes"};
    QTest::newRow("trailing, gzip") << kImages + "\n"
                                    << "gzip" << kLabelFile << "gzip" << 10 << "images"
                                    << QStringList{"trailing data", "41 bytes once decompressed"};
    QTest::newRow("zero rows") << idxHeader(0x803, {3, 0, 4}) << "plain" << kLabelFile << "plain" << 10 << "images"
                               << QStringList{"header says 3 images of 0x4", "non-zero"};
    QTest::newRow("zero labels") << kImages << "plain" << labelsFile(QByteArray()) << "plain" << 10 << "labels"
                                 << QStringList{"header says 0 labels", "non-zero"};
    QTest::newRow("huge header") << idxHeader(0x803, {0xFFFFFFFF, 28, 28}) + body << "plain" << kLabelFile << "plain"
                                 << 10 << "images"
                                 << QStringList{"4294967295 images of 28x28", "expected at most 2147483647 images"};
    QTest::newRow("count mismatch") << kImages << "plain" << labelsFile("\x01\x02") << "plain" << 10 << "both"
                                    << QStringList{"has 3 images", "has 2 labels", "one label per image"};
    QTest::newRow("label out of range") << kImages << "plain" << labelsFile(QByteArray("\x01\x0c\x02", 3)) << "plain"
                                        << 10 << "labels"
                                        << QStringList{"label 12 at index 1 is out of range (expected < 10)"};
    QTest::newRow("label equals classes") << kImages << "plain" << kLabelFile << "plain" << 9 << "labels"
                                          << QStringList{"label 9 at index 2", "expected < 9"};
    QTest::newRow("gzip garbage") << QByteArray("\x1f\x8b", 2) + garbage(200) << "plain" << kLabelFile << "plain" << 10
                                  << "images" << QStringList{"corrupt gzip data"};
    QTest::newRow("gzip header only") << QByteArray("\x1f\x8b\x08\x00", 4) << "plain" << kLabelFile << "plain" << 10
                                      << "images" << QStringList{"corrupt gzip data"};
    QTest::newRow("missing images") << kImages << "missing" << kLabelFile << "plain" << 10 << "images"
                                    << QStringList{"file not found"};
    QTest::newRow("missing labels") << kImages << "plain" << kLabelFile << "missing" << 10 << "labels"
                                    << QStringList{"file not found"};
    QTest::newRow("folder as images") << kImages << "folder" << kLabelFile << "plain" << 10 << "images"
                                      << QStringList{"is a folder"};
}

void tst_Idx::malformed() {
    QFETCH(QByteArray, images);
    QFETCH(QString, imagesMode);
    QFETCH(QByteArray, labels);
    QFETCH(QString, labelsMode);
    QFETCH(int, numClasses);
    QFETCH(QString, badFile);
    QFETCH(QStringList, keyWords);

    const QString row = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_').replace(',', '_');
    const QString imagesPath = path(row + "-images-idx3-ubyte");
    const QString labelsPath = path(row + "-labels-idx1-ubyte");
    for (const auto& [filePath, bytes, mode] :
         {std::tuple{imagesPath, images, imagesMode}, std::tuple{labelsPath, labels, labelsMode}}) {
        if (mode == "plain") writeFile(filePath, bytes);
        else if (mode == "gzip") writeFile(filePath, gzipped(bytes, path("scratch")));
        else if (mode == "folder") QVERIFY(QDir().mkpath(filePath));
    }

    try {
        mlpw::load_idx(imagesPath.toStdString(), labelsPath.toStdString(), numClasses);
        QFAIL("expected mlpw::DatasetError");
    } catch (const mlpw::DatasetError& e) {
        const QString message = QString::fromUtf8(e.what());
        if (badFile == "both") {
            QVERIFY2(message.startsWith(imagesPath + ": "), qPrintable(message));
            QVERIFY2(message.contains(labelsPath), qPrintable(message));
        } else {
            const QString named = badFile == "images" ? imagesPath : labelsPath;
            QVERIFY2(message.startsWith(named + ": "), qPrintable(message));
        }
        for (const QString& word : keyWords)
            QVERIFY2(message.contains(word), qPrintable("missing \"" + word + "\" in: " + message));
    }
}

// The two message forms quoted in the design notes, in full; then damaged gzip streams.
void tst_Idx::exactMessages() {
    const QString images = path("train-images-idx3-ubyte");
    const QString labels = path("train-labels-idx1-ubyte");
    writeFile(images, idxHeader(0x803, {60000, 28, 28}) + garbage(1000 - 16));
    writeFile(labels, labelsFile(QByteArray("\x01\x02\x03\x0c", 4)));
    try {
        mlpw::load_idx(images.toStdString(), labels.toStdString(), 10);
        QFAIL("expected mlpw::DatasetError");
    } catch (const mlpw::DatasetError& e) {
        QCOMPARE(QString::fromUtf8(e.what()),
                 images + ": truncated: header says 60000 images of 28x28 (47040016 bytes), file has 1000 bytes");
    }
    writeFile(images, imagesFile(4, 28, 28));
    try {
        mlpw::load_idx(images.toStdString(), labels.toStdString(), 10);
        QFAIL("expected mlpw::DatasetError");
    } catch (const mlpw::DatasetError& e) {
        QCOMPARE(QString::fromUtf8(e.what()), labels + ": label 12 at index 3 is out of range (expected < 10)");
    }

    // Damaged gzip: cut in half, or a flipped CRC at the end.
    const QByteArray good = gzipped(imagesFile(50, 28, 28), path("scratch"));
    writeFile(labels, labelsFile(QByteArray(50, 1)));
    for (const QByteArray& damaged :
         {good.left(good.size() / 2), QByteArray(good).replace(good.size() - 8, 4, "CRC!")}) {
        writeFile(images, damaged);
        try {
            mlpw::load_idx(images.toStdString(), labels.toStdString(), 10);
            QFAIL("expected mlpw::DatasetError");
        } catch (const mlpw::DatasetError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith(images + ": corrupt gzip data"), qPrintable(message));
            QVERIFY2(message.count(images) == 1, qPrintable(message));
        }
    }
}

QTEST_APPLESS_MAIN(tst_Idx)
#include "tst_idx.moc"
