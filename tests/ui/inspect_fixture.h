#pragma once
// A hand-made RunRecord for the inspect views' suites: 3 classes ("cat", "dog", "bird"), 2x2 images, 2 epochs
// with known confusion matrices, a panel of 4 images with known probabilities, a 3-unit first layer.
#include <memory>

#include "mlpw/training/run_record.h"
#include "run/training_types.h"

namespace inspect_fixture {

// Epoch 1: rows (true) cat {5, 3, 2}, dog {0, 8, 2}, bird {1, 1, 8}; epoch 2 adds 1 to each diagonal cell.
inline mlpw::ConfusionMatrix matrix(int epoch) {
    mlpw::ConfusionMatrix m(3);
    m.counts = {5, 3, 2, 0, 8, 2, 1, 1, 8};
    if (epoch == 2)
        for (int c = 0; c < 3; ++c) m.counts[size_t(c * 4)] += 1;
    return m;
}

// Kernel {3 units, 4 inputs}: unit u's weight of input i is (u - 1) * (i + 1) / 4 (unit 0 negative, 1 zero, 2
// positive); the largest |w| is 1.
inline mlpw::NamedTensor kernel() {
    mlpw::NamedTensor k{"dense/kernel", {3, 4}, {}};
    for (int u = 0; u < 3; ++u)
        for (int i = 0; i < 4; ++i) k.values.push_back(float(u - 1) * float(i + 1) / 4.0f);
    return k;
}

inline mlpw::RunRecord record(int epochs = 2) {
    mlpw::RunRecord r;
    r.data.name = "pets";
    r.data.class_names = {"cat", "dog", "bird"};
    r.data.image_rows = r.data.image_cols = 2;
    r.sample_panel.rows = r.sample_panel.cols = 2;
    r.sample_panel.indices = {10, 11, 20, 30};
    r.sample_panel.labels = {0, 0, 1, 2};
    r.sample_panel.pixels = {0, 255, 0, 255, 10, 20, 30, 40, 255, 255, 0, 0, 1, 2, 3, 4};
    for (int e = 1; e <= epochs; ++e) {
        mlpw::EpochMetrics m;
        m.epoch = e;
        m.epochs = epochs;
        m.has_validation = true;
        m.val_loss = 1.0 / e;
        // Epoch 1: image 0 right (cat 0.7), 1 wrong (dog 0.6), 2 right (dog 0.9), 3 wrong (cat 0.5).
        // Epoch 2: all right.
        std::vector<float> p = e == 1
            ? std::vector<float>{0.7f, 0.2f, 0.1f, 0.3f, 0.6f, 0.1f, 0.05f, 0.9f, 0.05f, 0.5f, 0.2f, 0.3f}
            : std::vector<float>{0.8f, 0.1f, 0.1f, 0.6f, 0.3f, 0.1f, 0.0f, 1.0f, 0.0f, 0.1f, 0.1f, 0.8f};
        mlpw::ModelState weights = {kernel()};
        weights[0].values[0] *= float(e);  // epoch 2: unit 0's first weight doubled, the largest |w| still 1
        r.add_epoch(m, {matrix(e), {}, p}, weights);
    }
    return r;
}

inline RunSnapshot snapshot(int epochs = 2) { return std::make_shared<const mlpw::RunRecord>(record(epochs)); }

}  // namespace inspect_fixture
