#pragma once
// Runs for the compare suites, made by the tests: the core suites' tiny experiment trained for real (records a
// bundle can hold, tests/core/tiny_run.h), and records with a given history (known values for the statistics
// and replays).
#include <memory>
#include <vector>

#include "../core/tiny_run.h"
#include "run/training_types.h"

namespace fixtures {

inline mlpw::ExperimentSpec tinySpec(uint64_t seed = 5, int epochs = 2) { return tiny_run::spec(epochs, seed); }

inline RunSnapshot trained(const mlpw::ExperimentSpec& spec) {
    return std::make_shared<const mlpw::RunRecord>(tiny_run::train(spec));
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
