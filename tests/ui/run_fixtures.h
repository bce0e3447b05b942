#pragma once
// Runs for the compare suites, made by the tests: a tiny experiment trained for real on 3x3 images of 3 classes
// (records a bundle can hold), and records with a given history (known values for the statistics and replays).
#include <atomic>
#include <memory>
#include <vector>

#include "mlpw/nn/rng.h"
#include "mlpw/training/trainer.h"
#include "run/training_types.h"

namespace fixtures {

// 3 classes of 3x3 images: the row numbered by the class is bright, the rest noise.
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

inline mlpw::Dataset tinyData() {
    mlpw::Dataset d;
    d.name = "tiny";
    d.class_names = {"zero", "one", "two"};
    d.train = images(120, 1);
    d.test = images(30, 2);
    return d;
}

inline mlpw::ExperimentSpec tinySpec(uint64_t seed = 5, int epochs = 2) {
    mlpw::ExperimentSpec s;
    s.name = "tiny";
    s.data.source = "tiny";
    mlpw::LayerSpec hidden;
    hidden.type = mlpw::LayerType::dense;
    hidden.units = 5;
    hidden.activation = mlpw::ActivationFn::relu;
    mlpw::LayerSpec out = hidden;
    out.units = 3;
    out.activation = mlpw::ActivationFn::softmax;
    s.model.layers = {hidden, out};
    s.optimizer = mlpw::defaults_for(mlpw::OptimizerType::adam);
    s.training.epochs = epochs;
    s.training.batch_size = 16;
    s.training.seed = seed;
    s.training.threads = 1;
    return s;
}

inline RunSnapshot trained(const mlpw::ExperimentSpec& spec) {
    static const mlpw::Dataset data = tinyData();
    mlpw::Trainer trainer(spec, data);
    const std::atomic<bool> stop{false};
    trainer.run({}, stop);
    trainer.evaluate_test_set();
    return std::make_shared<const mlpw::RunRecord>(trainer.record());
}

// A record of `spec` whose epochs have these val_accuracy values (val_loss = 1 - val_accuracy, the training
// metrics a little better); the best epoch by the Trainer's rule.
inline RunSnapshot recorded(const mlpw::ExperimentSpec& spec, const std::vector<double>& valAccuracy,
                            double testAccuracy = -1.0) {
    auto record = std::make_shared<mlpw::RunRecord>();
    record->experiment = spec;
    for (size_t e = 0; e < valAccuracy.size(); ++e) {
        mlpw::EpochMetrics m;
        m.epoch = int(e) + 1;
        m.epochs = int(valAccuracy.size());
        m.has_validation = true;
        m.val_accuracy = valAccuracy[e];
        m.val_loss = 1.0 - valAccuracy[e];
        m.accuracy = valAccuracy[e] + 0.01;
        m.loss = m.val_loss - 0.01;
        mlpw::EpochValidation none;  // (EpochValidation{} would copy-list-initialise the explicit ConfusionMatrix)
        record->add_epoch(m, none, mlpw::ModelState());
    }
    record->seconds = 1.5;
    if (testAccuracy >= 0) {
        record->test.samples = 100;
        record->test.accuracy = testAccuracy;
    }
    return record;
}

}  // namespace fixtures
