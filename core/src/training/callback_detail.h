#pragma once
// Shared pieces of the Keras callbacks (callbacks.cpp, early_stopping.cpp, model_checkpoint.cpp).
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "mlpw/experiment/float_text.h"
#include "mlpw/training/callbacks.h"

namespace mlpw::detail {

// printf-style formatting into a std::string.
std::string format(const char* pattern, ...) __attribute__((format(printf, 1, 2)));

// The monitored value of an epoch, or nullopt. The first miss logs Keras' warning, built by `warning` from
// the monitor and the available metrics ("loss,accuracy", in Keras' order); later misses are silent.
class MonitoredValue {
public:
    using Warning = std::string (*)(const std::string& monitor, const std::string& available);
    MonitoredValue(std::string monitor, Warning warning) : m_monitor(std::move(monitor)), m_warning(warning) {}
    std::optional<double> get(const EpochLogs& logs, CallbackContext& context);
    void reset() { m_warned = false; }
    const std::string& monitor() const { return m_monitor; }

private:
    std::string m_monitor;
    Warning m_warning;
    bool m_warned = false;
};
// "Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: loss,accuracy"
std::string early_stopping_warning(const std::string& monitor, const std::string& available);

std::unique_ptr<Callback> make_early_stopping(const EarlyStoppingSpec& spec);
std::unique_ptr<Callback> make_threshold_early_stopping(const ThresholdEarlyStoppingSpec& spec);
std::unique_ptr<Callback> make_model_checkpoint(const ModelCheckpointSpec& spec);
std::unique_ptr<Callback> make_reduce_lr_on_plateau(const ReduceLROnPlateauSpec& spec);
std::unique_ptr<Callback> make_learning_rate_scheduler(const LearningRateSchedulerSpec& spec);

// Keras' {epoch}/{metric} file names, the subset of Python's str.format a checkpoint path uses:
// {epoch} -> 2 digits ("03", as {epoch:02d}), {epoch:03d}, {val_loss:.4f}, {val_loss} (Python's repr),
// {{ and }} for braces. Anything else is kept as written.
std::string checkpoint_path(const std::string& pattern, int epoch, const EpochLogs& logs);

}  // namespace mlpw::detail
