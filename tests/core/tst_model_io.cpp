// Model files: a bit-exact round trip (weights, metadata, the rebuilt network's predictions), atomic writes,
// and malformed files of every kind (each must fail with a ModelFileError naming the path and the problem).
#include <QTemporaryDir>
#include <QtTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include <signal.h>
#include <sys/resource.h>
#include <zlib.h>

#include "mlpw/errors.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/io/model_io.h"
#include "mlpw/nn/rng.h"

namespace {

constexpr double kValDataLoss = 0.0625;  // epoch e stores kValDataLoss * e
constexpr double kLr = 0.00390625;       // and lr kLr * e

using namespace mlpw;

constexpr int kRows = 4;  // forward() rows in the prediction check

// 784-16-10 with dropout and batch normalisation: every kind of tensor a model file holds.
ModelSpec smallModel() {
    ModelSpec model;
    LayerSpec dense;
    dense.units = 16;
    dense.activation = ActivationFn::relu;
    LayerSpec dropout;
    dropout.type = LayerType::dropout;
    dropout.rate = 0.2f;
    LayerSpec norm;
    norm.type = LayerType::batch_normalization;
    LayerSpec head;
    head.units = 10;
    head.activation = ActivationFn::softmax;
    model.layers = {dense, dropout, norm, head};
    return model;
}

// Random values in every tensor (positive variances), so a round trip that mixed tensors up would show.
ModelState scrambled(ModelState state) {
    Rng rng(99);
    for (auto& tensor : state) {
        const bool variance = tensor.name.ends_with("moving_variance");
        for (float& v : tensor.values) v = variance ? rng.uniform(0.5f, 1.5f) : rng.uniform(-0.5f, 0.5f);
    }
    return state;
}

ModelFile modelFile(const ModelState& weights) {
    ModelFile file;
    file.experiment.name = "round trip";
    file.experiment.description = "a model file test, with \"quotes\" and ünïcode";
    file.experiment.model = smallModel();
    file.experiment.training.seed = 7;
    file.experiment.callbacks.early_stopping.push_back({});
    file.weights = weights;
    file.normalization_mean = 0.1307f;
    file.normalization_stddev = 0.3081f;
    for (int c = 0; c < 10; ++c) file.class_names.push_back(c == 3 ? "T-shirt/top" : std::to_string(c));
    for (int e = 1; e <= 3; ++e) {
        EpochMetrics m;
        m.epoch = e;
        m.epochs = 3;
        m.loss = 1.0 / 3 / e;
        m.accuracy = 0.9 + e * 0.01;
        m.has_validation = e != 2;
        m.val_loss = e == 3 ? std::numeric_limits<double>::infinity() : 0.123456789012345678;
        m.val_accuracy = std::numeric_limits<double>::quiet_NaN();
        m.val_data_loss = kValDataLoss * e;
        m.lr = kLr * e;
        m.train_seconds = 1e-300;
        m.seconds = 12.5;
        m.samples_per_s = 45000.0 / 7;
        m.batches = 1407;
        file.history.push_back(m);
    }
    file.written_by = "MLP Workbench test" + std::string(1234 - 18, '.');  // a length no other number has
    return file;
}

// Payload token of a double: its IEEE-754 bits as a decimal integer.
QByteArray bitsToken(double value) { return QByteArray::number(qulonglong(std::bit_cast<uint64_t>(value))); }

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool sameBits(const ModelState& a, const ModelState& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].shape != b[i].shape || a[i].values.size() != b[i].values.size() ||
            std::memcmp(a[i].values.data(), b[i].values.data(), a[i].values.size() * sizeof(float)) != 0)
            return false;
    return true;
}

// Probabilities {kRows, 10} of a fixed input.
std::vector<float> predict(Network& network) {
    Rng rng(5);
    float* input = network.input();
    for (int i = 0; i < kRows * network.input_features(); ++i) input[i] = rng.uniform();
    const float* p = network.forward(kRows, Pass::inference);
    return std::vector<float>(p, p + kRows * network.num_classes());
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// A header and payload with the right length and checksum for `payload`.
QByteArray sealed(const QByteArray& payload, int version = 1) {
    const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(payload.constData()), uInt(payload.size()));
    return QByteArray("MLPW-MODEL ") + QByteArray::number(version) + " " + QByteArray::number(payload.size()) + " " +
        QByteArray::number(qulonglong(crc), 16).rightJustified(8, '0') + "\n" + payload;
}

// The payload with its first whitespace-delimited token `token` replaced.
QByteArray withToken(QByteArray payload, const QByteArray& token, const QByteArray& replacement) {
    for (qsizetype at = payload.indexOf(token); at >= 0; at = payload.indexOf(token, at + 1)) {
        const bool startsToken = at == 0 || QChar(payload[at - 1]).isSpace();
        const qsizetype end = at + token.size();
        if (startsToken && (end == payload.size() || QChar(payload[end]).isSpace()))
            return payload.replace(at, token.size(), replacement);
    }
    qFatal("token %s not found in the payload", token.constData());
}

QStringList filesIn(const QString& folder) { return QDir(folder).entryList(QDir::Files | QDir::Hidden); }

}  // namespace

class TestModelIo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTrip();
    void readsHistoryLayout1();
    void readsHistoryLayout3_data();
    void readsHistoryLayout3();
    void keepsZeroAndNotRecordedRates();
    void overwriteKeepsNoTemp();
    void saveIntoMissingFolder();
    void failedWriteKeepsOldFile();
    void loadMissingFile();
    void corrupt_data();
    void corrupt();
    void wrongTensors_data();
    void wrongTensors();

private:
    QTemporaryDir m_dir;
    ModelState m_weights;
    QByteArray m_valid;      // a whole valid file
    qsizetype m_header = 0;  // its header size
};

void TestModelIo::initTestCase() {
    QVERIFY(m_dir.isValid());
    const auto problems = validate_experiment(modelFile({}).experiment);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().text().c_str());
    Network network(smallModel(), 784, 10, 7, {8});
    network.set_state(scrambled(network.state()));
    m_weights = network.state();
    const QString path = m_dir.filePath("valid.mlpw");
    save_model(modelFile(m_weights), path.toStdString());
    m_valid = readAll(path);
    m_header = m_valid.indexOf('\n') + 1;
    QVERIFY(m_valid.startsWith("MLPW-MODEL 1 "));
    QVERIFY(m_header > 0);
}

void TestModelIo::readsHistoryLayout1() {
    // Files written before val_data_loss and lr existed (EpochMetrics layout 1, whose val_loss was the
    // cross-entropy alone): turn the stored layout into 1 and drop the val_data_loss and lr values; the loader
    // then takes val_loss as the cross-entropy and lr as not recorded.
    QByteArray payload = m_valid.mid(m_header);
    const QByteArray layout4 = "\n3 0 4 1 3 1407 1 ";  // count, (tracking 0, layout 4), epoch 1 of 3, 1407 batches
    QCOMPARE(payload.count(layout4), 1);
    payload.replace(layout4, "\n3 0 1 1 3 1407 1 ");
    for (int e = 1; e <= 3; ++e) {
        for (const double last : {kLr * e, kValDataLoss * e}) {  // the last two values of epoch e
            const QByteArray token = " " + bitsToken(last);
            QCOMPARE(payload.count(token), 1);
            payload.replace(token, "");
        }
    }
    const QString path = m_dir.filePath("layout1.mlpw");
    writeAll(path, sealed(payload));
    const ModelFile loaded = load_model(path.toStdString());
    QCOMPARE(loaded.history.size(), size_t(3));
    for (const EpochMetrics& m : loaded.history) QVERIFY(sameBits(m.val_data_loss, m.val_loss));
    for (const EpochMetrics& m : loaded.history) QCOMPARE(m.lr, EpochMetrics::kLrNotRecorded);
    for (const EpochMetrics& m : loaded.history) QVERIFY(!m.has_lr());
    QCOMPARE(loaded.history[0].val_loss, 0.123456789012345678);
}

void TestModelIo::readsHistoryLayout3_data() {
    QTest::addColumn<double>("stored");    // epoch 1's lr as layout 3 stored it
    QTest::addColumn<double>("expected");  // as read
    QTest::newRow("0 was layout 3's not recorded") << 0.0 << EpochMetrics::kLrNotRecorded;
    QTest::newRow("a rate") << 0.0025 << 0.0025;
}

void TestModelIo::readsHistoryLayout3() {
    // Layout 3 wrote lr last, with 0 for "not recorded": the layout number turned to 3, epoch 1's rate replaced.
    QFETCH(double, stored);
    QFETCH(double, expected);
    QByteArray payload = m_valid.mid(m_header);
    const QByteArray layout4 = "\n3 0 4 1 3 1407 1 ";
    QCOMPARE(payload.count(layout4), 1);
    payload.replace(layout4, "\n3 0 3 1 3 1407 1 ");
    payload = withToken(payload, bitsToken(kLr), bitsToken(stored));
    const QString path = m_dir.filePath("layout3.mlpw");
    writeAll(path, sealed(payload));
    const ModelFile loaded = load_model(path.toStdString());
    QCOMPARE(loaded.history.size(), size_t(3));
    QCOMPARE(loaded.history[0].lr, expected);
    QCOMPARE(loaded.history[1].lr, kLr * 2);
}

void TestModelIo::keepsZeroAndNotRecordedRates() {
    // Layout 4: a rate of 0 (the end of a cosine decay) stays 0, a missing one stays missing.
    ModelFile file = modelFile(m_weights);
    file.history[0].lr = 0.0;
    file.history[1].lr = EpochMetrics::kLrNotRecorded;
    const std::string path = m_dir.filePath("rates.mlpw").toStdString();
    save_model(file, path);
    const ModelFile loaded = load_model(path);
    QCOMPARE(loaded.history[0].lr, 0.0);
    QVERIFY(loaded.history[0].has_lr());
    QCOMPARE(loaded.history[1].lr, EpochMetrics::kLrNotRecorded);
    QVERIFY(!loaded.history[1].has_lr());
    QCOMPARE(loaded.history[2].lr, kLr * 3);
}

void TestModelIo::roundTrip() {
    Network original(smallModel(), 784, 10, 7, {8});
    original.set_state(m_weights);
    const ModelFile saved = modelFile(original.state());
    const std::string path = m_dir.filePath("round.mlpw").toStdString();
    save_model(saved, path);
    const ModelFile loaded = load_model(path);

    QVERIFY(loaded.experiment == saved.experiment);
    QVERIFY(sameBits(loaded.weights, saved.weights));
    QCOMPARE(loaded.image_rows, 28);
    QCOMPARE(loaded.image_cols, 28);
    QVERIFY(sameBits(loaded.normalization_mean, saved.normalization_mean));
    QVERIFY(sameBits(loaded.normalization_stddev, saved.normalization_stddev));
    QCOMPARE(loaded.class_names, saved.class_names);
    QCOMPARE(loaded.written_by, saved.written_by);
    QCOMPARE(loaded.history.size(), saved.history.size());
    for (size_t i = 0; i < saved.history.size(); ++i) {
        const EpochMetrics& a = loaded.history[i];
        const EpochMetrics& b = saved.history[i];
        QCOMPARE(a.epoch, b.epoch);
        QCOMPARE(a.epochs, b.epochs);
        QCOMPARE(a.batches, b.batches);
        QCOMPARE(a.has_validation, b.has_validation);
        for (auto field : {&EpochMetrics::loss, &EpochMetrics::accuracy, &EpochMetrics::val_loss,
                           &EpochMetrics::val_accuracy, &EpochMetrics::train_seconds, &EpochMetrics::seconds,
                           &EpochMetrics::samples_per_s, &EpochMetrics::val_data_loss})
            QVERIFY(sameBits(a.*field, b.*field));
    }

    // The rebuilt network predicts exactly what the original did.
    Network rebuilt = make_network(loaded, 8);
    QVERIFY(sameBits(rebuilt.state(), original.state()));
    const std::vector<float> expected = predict(original);
    const std::vector<float> actual = predict(rebuilt);
    QVERIFY(std::memcmp(expected.data(), actual.data(), expected.size() * sizeof(float)) == 0);
}

void TestModelIo::overwriteKeepsNoTemp() {
    QTemporaryDir dir;
    const QString path = dir.filePath("model.mlpw");
    save_model(modelFile(m_weights), path.toStdString());
    ModelFile second = modelFile(m_weights);
    second.written_by = "second";
    save_model(second, path.toStdString());
    QCOMPARE(filesIn(dir.path()), QStringList{"model.mlpw"});
    QCOMPARE(load_model(path.toStdString()).written_by, std::string("second"));
}

void TestModelIo::saveIntoMissingFolder() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("missing/model.mlpw").toStdString();
    try {
        save_model(modelFile(m_weights), path);
        QFAIL("no exception");
    } catch (const ModelFileError& e) {
        const QString message = e.what();
        QVERIFY2(message.startsWith(QString::fromStdString(path) + ":"), qPrintable(message));
        QVERIFY2(message.contains("No such file or directory"), qPrintable(message));
    }
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

// A write that fails half-way (the file size limit: EFBIG) removes its temp file and leaves the old model.
void TestModelIo::failedWriteKeepsOldFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("model.mlpw");
    writeAll(path, m_valid);
    rlimit old{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 4096;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    QString message;
    try {
        ModelFile other = modelFile(m_weights);
        other.written_by = "other";
        save_model(other, path.toStdString());
    } catch (const ModelFileError& e) {
        message = e.what();
    }
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, oldHandler);
    QVERIFY2(message.startsWith(path + ": ") && message.contains("File too large"), qPrintable(message));
    QCOMPARE(filesIn(dir.path()), QStringList{"model.mlpw"});
    QCOMPARE(readAll(path), m_valid);
}

void TestModelIo::loadMissingFile() {
    const std::string path = m_dir.filePath("nothing-here.mlpw").toStdString();
    QVERIFY_THROWS_EXCEPTION(ModelFileError, load_model(path));
    try {
        load_model(path);
    } catch (const ModelFileError& e) {
        QCOMPARE(QString(e.what()),
                 QString::fromStdString(path) + ": cannot open the model file (No such file or directory)");
    }
}

void TestModelIo::corrupt_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected");  // all must be in the message

    const QByteArray payload = m_valid.mid(m_header);
    const QByteArray header = m_valid.left(m_header);
    const QString size = QString::number(payload.size());
    QByteArray random(3000, '\0');
    Rng rng(1);
    for (char& c : random) c = char(rng.below(256));
    QByteArray flipped = m_valid;
    flipped[m_header + payload.size() / 2] = char(flipped[m_header + payload.size() / 2] ^ 0x20);

    QTest::newRow("empty") << QByteArray() << QStringList{"empty file"};
    QTest::newRow("random bytes") << random << QStringList{"not an MLP Workbench model file (it starts with \""};
    QTest::newRow("PNG")
        << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
        << QStringList{R"(not an MLP Workbench model file (it starts with "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))"};
    QTest::newRow("JSON") << QByteArray("{\n  \"name\": \"mlp\"\n}\n")
                          << QStringList{
                                 R"(not an MLP Workbench model file (it starts with "{\n  \"name\": \"mlp...")"};
    QTest::newRow("magic cut short") << QByteArray("MLPW-MO")
                                     << QStringList{"truncated (the file ends inside its header)"};
    QTest::newRow("header cut short") << header.left(header.size() - 5) << QStringList{"truncated"};
    QTest::newRow("header only") << header
                                 << QStringList{"truncated (expected " + size + " bytes of model data, found 0)"};
    QTest::newRow("half the payload") << m_valid.left(m_header + payload.size() / 2)
                                      << QStringList{"truncated (expected " + size + " bytes of model data, found " +
                                                     QString::number(payload.size() / 2) + ")"};
    QTest::newRow("all but one byte") << m_valid.chopped(1)
                                      << QStringList{"truncated (expected " + size + " bytes of model data, found " +
                                                     QString::number(payload.size() - 1) + ")"};
    QTest::newRow("one byte too many") << m_valid + "x"
                                       << QStringList{"corrupt (expected " + size + " bytes of model data, found " +
                                                      QString::number(payload.size() + 1) + ")"};
    QTest::newRow("flipped byte") << flipped << QStringList{"corrupt (checksum mismatch)"};
    QTest::newRow("future format")
        << QByteArray(m_valid).replace(0, 13, "MLPW-MODEL 3 ")
        << QStringList{"written by a newer MLP Workbench (model format 3, this build reads up to 1)"};
    QTest::newRow("format 0") << sealed(payload, 0) << QStringList{"corrupt (malformed header"};
    QTest::newRow("malformed header") << QByteArray("MLPW-MODEL 1 many bytes\n")
                                      << QStringList{"corrupt (malformed header"};
    QTest::newRow("long header line") << QByteArray("MLPW-MODEL ") + QByteArray(200, '1')
                                      << QStringList{"corrupt (the header line is longer than 128 bytes)"};
    // Valid length and checksum around a bad payload: the archive and the guards must catch it.
    QTest::newRow("sealed garbage") << sealed(random) << QStringList{"corrupt ("};
    QTest::newRow("sealed half archive") << sealed(payload.left(payload.size() / 2)) << QStringList{"corrupt ("};
    QTest::newRow("sealed empty payload") << sealed(QByteArray()) << QStringList{"corrupt ("};
    QTest::newRow("huge string length") << sealed(withToken(payload, "1234", "99999999999"))
                                        << QStringList{"corrupt (written_by length 99999999999 does not fit in"};
    QTest::newRow("huge value count")
        << sealed(withToken(payload, "12544", "99999999999"))
        << QStringList{"corrupt (tensor \"dense/kernel\": value count 99999999999 does not fit in"};
    QTest::newRow("values do not fill the shape")
        << sealed(withToken(payload, "784", "785"))
        << QStringList{"corrupt (tensor \"dense/kernel\": 12544 values for a shape of 12560)"};
    QTest::newRow("dimension beyond int")
        << sealed(withToken(payload, "784", "4000000000")) << QStringList{"corrupt ("};
    QTest::newRow("negative dimension") << sealed(withToken(payload, "784", "-784"))
                                        << QStringList{"corrupt (tensor \"dense/kernel\": negative dimension -784)"};
    // Found by tests/fuzz/fuzz_model: Boost read this length unchecked (length_error, or that many bytes).
    QTest::newRow("archive signature length")
        << sealed(withToken(payload, "22", "999999999"))
        << QStringList{"corrupt (the payload does not start with the archive signature"};
    QTest::newRow("archive signature length negative")
        << sealed(withToken(payload, "22", "-2"))
        << QStringList{"corrupt (the payload does not start with the archive signature"};
    QTest::newRow("image size 0") << sealed(withToken(payload, "28", "0"))
                                  << QStringList{"corrupt (image size 0x28, expected 1 to 4096 pixels a side)"};
}

void TestModelIo::corrupt() {
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);
    const QString path = m_dir.filePath(QString("corrupt-%1.mlpw").arg(QTest::currentDataTag()).replace(' ', '-'));
    writeAll(path, bytes);
    QString message;
    try {
        load_model(path.toStdString());
    } catch (const ModelFileError& e) {
        message = QString::fromUtf8(e.what());
    }
    QVERIFY2(message.startsWith(path + ": "), qPrintable("message: " + message));
    for (const QString& part : expected) QVERIFY2(message.contains(part), qPrintable("message: " + message));
}

void TestModelIo::wrongTensors_data() {
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("transposed kernel") << 0 << "dense/kernel";
    QTest::newRow("renamed tensor") << 1 << "dense/bias";
    QTest::newRow("missing tensor") << 2 << "dense_1/bias";
    QTest::newRow("extra tensor") << 3 << "extra";
}

// A file whose tensors do not fit its model loads (it is intact), but make_network refuses it, naming the tensor.
void TestModelIo::wrongTensors() {
    QFETCH(int, change);
    QFETCH(QString, expected);
    ModelFile file = modelFile(m_weights);
    QCOMPARE(file.weights[0].name, std::string("dense/kernel"));
    switch (change) {
        case 0: file.weights[0].shape = {784, 16}; break;
        case 1: file.weights[1].name = "dense/offset"; break;
        case 2: file.weights.pop_back(); break;
        case 3: file.weights.push_back({"extra", {1}, {1.0f}}); break;
    }
    const std::string path = m_dir.filePath("wrong.mlpw").toStdString();
    save_model(file, path);
    const ModelFile loaded = load_model(path);
    QVERIFY(sameBits(loaded.weights, file.weights));
    try {
        make_network(loaded);
        QFAIL("no exception");
    } catch (const ModelFileError& e) {
        QVERIFY2(QString(e.what()).contains(expected), e.what());
    }
}

QTEST_GUILESS_MAIN(TestModelIo)
#include "tst_model_io.moc"
