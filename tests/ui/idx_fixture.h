#pragma once
// A small learnable IDX folder for the inspection suites and a run trained on it.
// Class c of kClasses draws a bright band at rows 2c..2c+1 of an 8x8 image over noise; one training label in
// ten is replaced by another class, so a trained model makes mistakes, some of them confident.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstdint>
#include <vector>

#include "mlpw/experiment/experiment.h"
#include "mlpw/training/trainer.h"

namespace fixture {

constexpr int kClasses = 3, kSide = 8, kTrain = 400, kTest = 120;

inline QByteArray be32(quint32 v) {
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    return QByteArray(b, 4);
}

// Writes <folder>/<prefix>-images-idx3-ubyte and -labels-idx1-ubyte; returns the labels written.
inline std::vector<uint8_t> writeSet(const QString& folder, const char* prefix, int count, quint32 seed,
                                     bool noisyLabels) {
    quint32 state = seed;
    auto next = [&state] { return state = state * 1664525u + 1013904223u; };
    QByteArray images = be32(0x803) + be32(quint32(count)) + be32(kSide) + be32(kSide);
    QByteArray labels = be32(0x801) + be32(quint32(count));
    std::vector<uint8_t> written;
    for (int i = 0; i < count; ++i) {
        const int c = int(next() >> 16) % kClasses;
        for (int p = 0; p < kSide * kSide; ++p) {
            const bool band = p / kSide == 2 * c || p / kSide == 2 * c + 1;
            images.append(char(uint8_t((band ? 150 : 0) + (next() >> 24) % 100)));
        }
        int label = c;
        if (noisyLabels && (next() >> 16) % 10 == 0) label = (c + 1 + int(next() >> 20) % (kClasses - 1)) % kClasses;
        labels.append(char(label));
        written.push_back(uint8_t(label));
    }
    for (const auto& [name, bytes] : {std::pair{QStringLiteral("-images-idx3-ubyte"), images},
                                      std::pair{QStringLiteral("-labels-idx1-ubyte"), labels}}) {
        QFile file(folder + QLatin1Char('/') + QLatin1String(prefix) + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return {};
    }
    return written;
}

struct Labels {
    std::vector<uint8_t> train, test;
};

inline Labels writeFolder(const QString& folder) {
    QDir().mkpath(folder);
    return {writeSet(folder, "train", kTrain, 7, true), writeSet(folder, "t10k", kTest, 11, false)};
}

// 64-16-3 on the folder, three epochs, one thread: deterministic.
inline mlpw::ExperimentSpec experiment(const QString& folder) {
    mlpw::ExperimentSpec spec;
    spec.name = "fixture run";
    spec.data.source = folder.toStdString();
    spec.data.validation_split = 0.25f;
    mlpw::LayerSpec hidden;
    hidden.units = 16;
    hidden.activation = mlpw::ActivationFn::relu;
    mlpw::LayerSpec head;
    head.units = kClasses;
    head.activation = mlpw::ActivationFn::softmax;
    spec.model.layers = {hidden, head};
    spec.training.epochs = 3;
    spec.training.batch_size = 16;
    spec.training.threads = 1;
    return spec;
}

// The record of a run of experiment(folder) with this validation_split, its test set evaluated (record.test).
inline mlpw::RunRecord trainedRun(const QString& folder, float validationSplit = 0.25f) {
    const mlpw::Dataset data = mlpw::load_dataset(folder.toStdString());
    mlpw::ExperimentSpec spec = experiment(folder);
    spec.data.validation_split = validationSplit;
    mlpw::Trainer trainer(spec, data);
    const std::atomic<bool> stop{false};
    trainer.run({}, stop);
    trainer.evaluate_test_set();
    return trainer.record();
}

}  // namespace fixture
