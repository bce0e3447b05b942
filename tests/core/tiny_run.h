#pragma once
// Test helper: a tiny learnable data set and experiment, trained for real in a few milliseconds.
// 3 classes of 3x3 images: the row numbered by the class is bright (+140), the rest noise 0..89.
#include <atomic>

#include "mlpw/nn/rng.h"
#include "mlpw/training/trainer.h"

namespace tiny_run {

inline mlpw::ImageSet images(int count, uint64_t seed) {
    mlpw::ImageSet set;
    set.count = count;
    set.rows = set.cols = 3;
    mlpw::Rng rng(seed);
    for (int i = 0; i < count; ++i) {
        const auto label = static_cast<uint8_t>(rng.below(3));
        set.labels.push_back(label);
        for (int p = 0; p < 9; ++p)
            set.pixels.push_back(static_cast<uint8_t>(rng.below(90) + (p / 3 == label ? 140 : 0)));
    }
    return set;
}

// 160 training images (120 train + 40 validation with the default split), 40 test images.
inline mlpw::Dataset data() {
    mlpw::Dataset d;
    d.name = "tiny";
    d.class_names = {"a", "b", "c"};
    d.train = images(160, 1);
    d.test = images(40, 2);
    return d;
}

// Dense(5, relu) -> Dense(3, softmax), Adam, batch 16, one thread.
inline mlpw::ExperimentSpec spec(int epochs, uint64_t seed = 5) {
    using namespace mlpw;
    ExperimentSpec s;
    s.name = "tiny";
    s.data.source = "tiny";
    LayerSpec hidden;
    hidden.type = LayerType::dense;
    hidden.units = 5;
    hidden.activation = ActivationFn::relu;
    LayerSpec out = hidden;
    out.units = 3;
    out.activation = ActivationFn::softmax;
    s.model.layers = {hidden, out};
    s.optimizer = defaults_for(OptimizerType::adam);
    s.training.epochs = epochs;
    s.training.batch_size = 16;
    s.training.seed = seed;
    s.training.threads = 1;
    return s;
}

// Trains the experiment on data() and evaluates the test set.
inline mlpw::RunRecord train(const mlpw::ExperimentSpec& experiment) {
    const mlpw::Dataset d = data();
    mlpw::Trainer trainer(experiment, d);
    const std::atomic<bool> stop{false};
    trainer.run({}, stop);
    trainer.evaluate_test_set();
    return trainer.record();
}

}  // namespace tiny_run
