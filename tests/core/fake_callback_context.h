#pragma once
// Test helper for the callback suites: a CallbackContext that records what the callbacks do (stop, restore,
// log, save, set the rate) instead of training, and an EarlyStoppingSpec in one call.
#include <QStringList>

#include "mlpw/training/callbacks.h"

namespace fake_callbacks {

// weights() returns a state tagged with the current epoch, so a restore says which epoch it brought back.
class FakeContext final : public mlpw::CallbackContext {
public:
    int epoch = 0;
    int stopped_at = 0;
    QStringList stop_reasons;
    int restored_tag = 0;
    QStringList lines;
    QStringList saves;  // "epoch:path"
    double rate = 1.0;  // the optimiser's learning rate, as the rate callbacks set it

    void stop_training(const std::string& reason) override {
        if (!stopped_at) stopped_at = epoch;
        stop_reasons << QString::fromStdString(reason);
    }
    mlpw::ModelState weights() const override { return {mlpw::NamedTensor{"tag", {1}, {float(epoch)}}}; }
    void set_weights(const mlpw::ModelState& state) override { restored_tag = int(state.at(0).values.at(0)); }
    void log(const std::string& line) override { lines << QString::fromStdString(line); }
    void save_model(const std::string& path) override {
        saves << QString::number(epoch) + ":" + QString::fromStdString(path);
    }
    double learning_rate() const override { return rate; }
    void set_learning_rate(double r) override { rate = r; }
};

inline mlpw::EarlyStoppingSpec early(const std::string& monitor, int patience, float min_delta = 0.0f,
                                     bool restore = false) {
    mlpw::EarlyStoppingSpec s;
    s.monitor = monitor;
    s.patience = patience;
    s.min_delta = min_delta;
    s.restore_best_weights = restore;
    return s;
}

}  // namespace fake_callbacks
