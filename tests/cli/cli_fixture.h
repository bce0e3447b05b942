#pragma once
// Test helper for the suites that run build/bin/mlpw: the process runner and a tiny IDX data folder with an
// experiment on it (4x4 images of `classes` classes, the pixels p with p % classes == c bright for class c;
// 200 training images, 50 test images), JSON and file helpers.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace cli_fixture {

inline const QString kBinary = QStringLiteral(MLPW_BINARY_DIR "/bin/mlpw");

struct Result {
    int code = -1;
    QString out, err;
    QString text() const { return QString("exit %1\nstdout:\n%2\nstderr:\n%3").arg(code).arg(out, err); }
};

// Runs `program` (mlpw by default) in `workingDir` with stdin from `input` (a file) when given.
inline Result run(const QStringList& args, const QString& program = kBinary, const QString& workingDir = {},
                  const QString& input = {}, int timeoutMs = 300000) {
    QProcess process;
    if (!workingDir.isEmpty()) process.setWorkingDirectory(workingDir);
    if (!input.isEmpty()) process.setStandardInputFile(input);
    process.start(program, args);
    Result r;
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        r.err = "did not finish: " + process.errorString();
        return r;
    }
    r.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

inline QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(file.write(bytes), bytes.size());
}

// train-/t10k- images (side x side) and labels (IDX, big-endian header) in `folder`.
inline void writeTinyData(const QString& folder, int classes = 3, int side = 4) {
    QVERIFY(QDir().mkpath(folder));
    const auto be32 = [](quint32 v) {
        const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        return QByteArray(bytes, 4);
    };
    for (const auto& [prefix, count] : {std::pair{QString("train"), 200}, std::pair{QString("t10k"), 50}}) {
        QByteArray images = be32(0x803) + be32(count) + be32(side) + be32(side), labels = be32(0x801) + be32(count);
        quint32 state = quint32(count);
        for (int i = 0; i < count; ++i) {
            const int label = (i * 7) % classes;
            labels.append(char(label));
            for (int p = 0; p < side * side; ++p) {
                state = state * 1103515245u + 12345u;
                images.append(char((p % classes == label ? 170 : 0) + int((state >> 16) % 70)));
            }
        }
        writeFile(folder + "/" + prefix + "-images-idx3-ubyte", images);
        writeFile(folder + "/" + prefix + "-labels-idx1-ubyte", labels);
    }
}

// 16 -> Dense(8, relu) -> Dense(3, softmax), Adam 0.01, batch 16, one thread, on the folder `data`.
inline QJsonObject tinyExperiment(const QString& data, int epochs) {
    const QJsonArray layers = {QJsonObject{{"type", "flatten"}},
                               QJsonObject{{"type", "dense"}, {"units", 8}, {"activation", "relu"}},
                               QJsonObject{{"type", "dense"}, {"units", 3}, {"activation", "softmax"}}};
    return {{"name", "tiny"},
            {"data", QJsonObject{{"source", data}, {"validation_split", 0.25}}},
            {"model", QJsonObject{{"layers", layers}}},
            {"optimizer", QJsonObject{{"type", "adam"}, {"learning_rate", 0.01}}},
            {"training", QJsonObject{{"epochs", epochs}, {"batch_size", 16}, {"seed", 1}, {"threads", 1}}}};
}

inline void writeJson(const QString& path, const QJsonObject& object) {
    writeFile(path, QJsonDocument(object).toJson());
}

inline QJsonObject readJson(const QString& path) { return QJsonDocument::fromJson(readAll(path)).object(); }

inline QStringList readLines(const QString& path) {
    return QString::fromUtf8(readAll(path)).split('\n', Qt::SkipEmptyParts);
}

}  // namespace cli_fixture
