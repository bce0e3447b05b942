#pragma once
// Keras-style training callbacks. After each epoch the Trainer hands every callback the epoch's logs;
// a callback may stop training, snapshot and restore weights, save the model and write log lines.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mlpw/experiment/callback_spec.h"
#include "mlpw/nn/network.h"
#include "mlpw/training/metrics.h"

namespace mlpw {

// "loss", "accuracy", and with validation "val_loss", "val_accuracy".
using EpochLogs = std::map<std::string, double>;
// The logs the Trainer hands the callbacks at the end of an epoch.
EpochLogs epoch_logs(const EpochMetrics& metrics);

// What a callback may do to the run. Implemented by the Trainer.
class CallbackContext {
public:
    virtual ~CallbackContext() = default;
    virtual void stop_training(const std::string& reason) = 0;
    virtual ModelState weights() const = 0;
    virtual void set_weights(const ModelState& state) = 0;
    virtual void log(const std::string& line) = 0;  // shown in the training log as Keras prints it
    // Writes the current model (weights + experiment + history so far) to path, atomically.
    virtual void save_model(const std::string& path) = 0;
    // The optimiser's rate for the next step (Keras' optimizer.learning_rate) and setting it.
    virtual double learning_rate() const = 0;
    virtual void set_learning_rate(double rate) = 0;
};

// A subclass provides on_epoch_end; the other hooks are optional. Epochs are 1-based here; log lines use
// Keras' wording ("Epoch 7: early stopping", "Restoring model weights from the end of the best epoch: 4.").
class Callback {
public:
    virtual ~Callback() = default;
    virtual void on_train_begin(CallbackContext&) {}
    virtual void on_epoch_begin(int /*epoch*/, CallbackContext&) {}
    virtual void on_epoch_end(int epoch, const EpochLogs& logs, CallbackContext& context) = 0;
    virtual void on_train_end(CallbackContext&) {}
    // The epoch whose weights the run ends with when this callback restored them (else nullopt).
    virtual std::optional<int> restored_epoch() const { return std::nullopt; }
};

// One callback per spec, in the order: early_stopping, early_stopping_threshold, stop_at, model_checkpoint,
// reduce_lr_on_plateau, learning_rate_scheduler.
std::vector<std::unique_ptr<Callback>> make_callbacks(const CallbackSpecs& specs);

// The callbacks of one run, driven as Keras' fit() drives them: every callback sees every epoch, in
// make_callbacks' order. The Trainer and the what-if replay (early_stopping_replay.h) both drive them through
// this, so a replay of a recorded history stops where the run would have. Whether to stop is the context's
// (CallbackContext::stop_training was called during epoch_end).
class CallbackRun {
public:
    explicit CallbackRun(const CallbackSpecs& specs) : m_callbacks(make_callbacks(specs)) {}
    void begin(CallbackContext& context);
    void epoch_begin(int epoch, CallbackContext& context);
    void epoch_end(const EpochMetrics& metrics, CallbackContext& context);
    // on_train_end of each; the epoch whose weights a callback restored (the last such callback), else nullopt.
    std::optional<int> end(CallbackContext& context);

private:
    std::vector<std::unique_ptr<Callback>> m_callbacks;
};

// Keras' mode "auto": min for losses, max for accuracies (monitor names containing "acc").
bool monitor_is_maximized(const std::string& monitor, const std::string& mode);

}  // namespace mlpw
