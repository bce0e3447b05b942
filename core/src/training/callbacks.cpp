// The callback factory, the helpers the callbacks share, and StopAt.
// EarlyStopping and ThresholdEarlyStopping: early_stopping.cpp; ModelCheckpoint: model_checkpoint.cpp.
#include "mlpw/training/callbacks.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <vector>

#include "training/callback_detail.h"

namespace mlpw {

namespace detail {

std::string format(const char* pattern, ...) {
    va_list args;
    va_start(args, pattern);
    va_list copy;
    va_copy(copy, args);
    const int length = std::vsnprintf(nullptr, 0, pattern, copy);
    va_end(copy);
    std::string out(static_cast<size_t>(std::max(length, 0)), '\0');
    std::vsnprintf(out.data(), out.size() + 1, pattern, args);
    va_end(args);
    return out;
}

namespace {
// Keras' logs are in insertion order: loss, accuracy, then the validation metrics; others after, by name.
int keras_rank(const std::string& key) {
    static const char* const order[] = {"loss", "accuracy", "val_loss", "val_accuracy"};
    for (int i = 0; i < 4; ++i)
        if (key == order[i]) return i;
    return 4;
}
}  // namespace

std::optional<double> MonitoredValue::get(const EpochLogs& logs, CallbackContext& context) {
    if (const auto it = logs.find(m_monitor); it != logs.end()) return it->second;
    if (!m_warned) {
        std::vector<std::string> keys;
        for (const auto& [key, value] : logs) keys.push_back(key);
        std::stable_sort(keys.begin(), keys.end(),
                         [](const std::string& a, const std::string& b) { return keras_rank(a) < keras_rank(b); });
        std::string available;
        for (const auto& key : keys) available += (available.empty() ? "" : ",") + key;
        context.log(m_warning(m_monitor, available));
        m_warned = true;
    }
    return std::nullopt;
}

std::string early_stopping_warning(const std::string& monitor, const std::string& available) {
    return "Early stopping conditioned on metric `" + monitor +
        "` which is not available. Available metrics are: " + available;
}

}  // namespace detail

namespace {

// Stops the run at the first epoch whose metric is strictly beyond `value`:
// "Epoch 3: accuracy 0.8612 > 0.85, stopping".
class StopAt final : public Callback {
public:
    explicit StopAt(const StopAtSpec& spec)
        : m_spec(spec), m_value(as_written(spec.value)), m_maximize(monitor_is_maximized(spec.monitor, spec.mode)),
          m_monitored(spec.monitor, &warning) {}

    void on_train_begin(CallbackContext&) override { m_monitored.reset(); }

    void on_epoch_end(int epoch, const EpochLogs& logs, CallbackContext& context) override {
        const auto current = m_monitored.get(logs, context);
        if (!current || !(m_maximize ? *current > m_value : *current < m_value)) return;
        const std::string line = detail::format("Epoch %d: %s %.4f %s %s, stopping", epoch, m_spec.monitor.c_str(),
                                                *current, m_maximize ? ">" : "<", shortest_text(m_spec.value).c_str());
        context.log(line);
        context.stop_training(line);
    }

private:
    static std::string warning(const std::string& monitor, const std::string& available) {
        return "Stopping at a value conditioned on metric `" + monitor +
            "` which is not available. Available metrics are: " + available;
    }

    StopAtSpec m_spec;
    double m_value;
    bool m_maximize;
    detail::MonitoredValue m_monitored;
};

}  // namespace

bool monitor_is_maximized(const std::string& monitor, const std::string& mode) {
    if (mode == "max") return true;
    if (mode == "min") return false;
    // "auto": Keras' EarlyStopping maximises names ending in acc/accuracy/auc, ModelCheckpoint names containing
    // "acc"; both agree on loss, accuracy, val_loss and val_accuracy.
    const auto ends_with = [&](const char* suffix) {
        const std::string s(suffix);
        return monitor.size() >= s.size() && monitor.compare(monitor.size() - s.size(), s.size(), s) == 0;
    };
    return monitor.find("acc") != std::string::npos || ends_with("auc");
}

EpochLogs epoch_logs(const EpochMetrics& m) {
    EpochLogs logs{{"loss", m.loss}, {"accuracy", m.accuracy}};
    if (m.has_validation) {
        logs["val_loss"] = m.val_loss;
        logs["val_accuracy"] = m.val_accuracy;
    }
    return logs;
}

void CallbackRun::begin(CallbackContext& context) {
    for (auto& cb : m_callbacks) cb->on_train_begin(context);
}

void CallbackRun::epoch_begin(int epoch, CallbackContext& context) {
    for (auto& cb : m_callbacks) cb->on_epoch_begin(epoch, context);
}

void CallbackRun::epoch_end(const EpochMetrics& metrics, CallbackContext& context) {
    const EpochLogs logs = epoch_logs(metrics);
    for (auto& cb : m_callbacks) cb->on_epoch_end(metrics.epoch, logs, context);
}

std::optional<int> CallbackRun::end(CallbackContext& context) {
    std::optional<int> restored;
    for (auto& cb : m_callbacks) {
        cb->on_train_end(context);
        if (auto epoch = cb->restored_epoch()) restored = epoch;
    }
    return restored;
}

std::vector<std::unique_ptr<Callback>> make_callbacks(const CallbackSpecs& specs) {
    std::vector<std::unique_ptr<Callback>> callbacks;
    for (const auto& spec : specs.early_stopping) callbacks.push_back(detail::make_early_stopping(spec));
    for (const auto& spec : specs.early_stopping_threshold)
        callbacks.push_back(detail::make_threshold_early_stopping(spec));
    for (const auto& spec : specs.stop_at) callbacks.push_back(std::make_unique<StopAt>(spec));
    for (const auto& spec : specs.model_checkpoint) callbacks.push_back(detail::make_model_checkpoint(spec));
    for (const auto& spec : specs.reduce_lr_on_plateau) callbacks.push_back(detail::make_reduce_lr_on_plateau(spec));
    for (const auto& spec : specs.learning_rate_scheduler)
        callbacks.push_back(detail::make_learning_rate_scheduler(spec));
    return callbacks;
}

}  // namespace mlpw
