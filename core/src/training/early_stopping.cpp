// Keras' EarlyStopping, and ThresholdEarlyStopping (EarlyStopping that starts once a metric reaches a value).
//
// The rule follows tf.keras 2.13-2.15's EarlyStopping.on_epoch_end line by line (Keras 3 has the same rule):
//   best starts at +inf (min) / -inf (max); `baseline` does not seed it.
//   an epoch before start_from_epoch is ignored;
//   wait += 1; if current - min_delta beats best (min_delta signed by the mode, strict < / >):
//       best = current, snapshot the weights, and wait = 0 only when current also beats the baseline; done;
//   otherwise stop when wait >= patience, never at the first epoch. So patience 0 and 1 both stop at the first
//   epoch without improvement, and a run that keeps improving never stops even short of the baseline.
// restore_best_weights: as tf.keras 2, the best weights are restored only when this callback stops the run
// (Keras 3 also restores when the run completes; we keep the weights of the last epoch then). The log lines
// are Keras' with verbose=1, in its order: the restore line at the stopping epoch, the stop line at train end.
// One deliberate difference: the first epoch considered counts as the best epoch even when its value is NaN
// (tf.keras 2 reported epoch 1 then; Keras 3 fixed it the same way).
#include <cmath>
#include <limits>

#include "training/callback_detail.h"

namespace mlpw::detail {

namespace {

class EarlyStoppingRule {
public:
    EarlyStoppingRule(float min_delta, int patience, bool maximize, std::optional<double> baseline, bool restore,
                      int start_from_epoch)
        : m_min_delta(std::fabs(as_written(min_delta)) * (maximize ? 1.0 : -1.0)), m_patience(patience),
          m_maximize(maximize), m_baseline(baseline), m_restore(restore), m_start_from_epoch(start_from_epoch) {
        reset();
    }

    void reset() {
        m_wait = 0;
        m_stopped_epoch = 0;
        m_best = m_maximize ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        m_best_weights.reset();
        m_best_epoch = 0;
        m_restored.reset();
    }

    // Epochs before `epoch` (0-based, as Keras counts) are ignored.
    void start_from(int epoch) { m_start_from_epoch = epoch; }

    // `epoch` is 1-based; below, k is Keras' 0-based epoch.
    void on_value(int epoch, double current, CallbackContext& context) {
        const int k = epoch - 1;
        if (k < m_start_from_epoch || m_stopped_epoch > 0) return;
        const bool improved = improves(current, m_best);
        if (m_restore && (improved || !m_best_weights)) {  // the first epoch is the best until one beats it
            m_best_weights = context.weights();
            m_best_epoch = k;
        }
        ++m_wait;
        if (improved) {
            m_best = current;
            m_best_epoch = k;
            if (!m_baseline || improves(current, *m_baseline)) m_wait = 0;
            return;
        }
        if (m_wait >= m_patience && k > 0) {
            m_stopped_epoch = k;
            context.stop_training(stop_line());
            if (m_restore && m_best_weights) {
                context.log("Restoring model weights from the end of the best epoch: " +
                            std::to_string(m_best_epoch + 1) + ".");
                context.set_weights(*m_best_weights);
                m_restored = m_best_epoch + 1;
            }
        }
    }

    void on_train_end(CallbackContext& context) {
        if (m_stopped_epoch > 0) context.log(stop_line());
        m_best_weights.reset();  // the snapshot is a full copy of the model: free it with the run
    }

    std::optional<int> restored_epoch() const { return m_restored; }

private:
    bool improves(double current, double reference) const {
        return m_maximize ? current - m_min_delta > reference : current - m_min_delta < reference;
    }
    std::string stop_line() const { return "Epoch " + std::to_string(m_stopped_epoch + 1) + ": early stopping"; }

    double m_min_delta;  // Keras' self.min_delta: positive for max, negative for min
    int m_patience;
    bool m_maximize;
    std::optional<double> m_baseline;
    bool m_restore;
    int m_start_from_epoch;

    int m_wait = 0;
    int m_stopped_epoch = 0;  // 0-based; 0 = not stopped (Keras never stops at the first epoch)
    double m_best = 0.0;
    std::optional<ModelState> m_best_weights;
    int m_best_epoch = 0;  // 0-based
    std::optional<int> m_restored;
};

class EarlyStopping final : public Callback {
public:
    explicit EarlyStopping(const EarlyStoppingSpec& spec)
        : m_monitored(spec.monitor, &early_stopping_warning),
          m_rule(spec.min_delta, spec.patience, monitor_is_maximized(spec.monitor, spec.mode),
                 spec.has_baseline ? std::optional<double>(as_written(spec.baseline)) : std::nullopt,
                 spec.restore_best_weights, spec.start_from_epoch) {}

    void on_train_begin(CallbackContext&) override {
        m_monitored.reset();
        m_rule.reset();
    }
    void on_epoch_end(int epoch, const EpochLogs& logs, CallbackContext& context) override {
        if (const auto current = m_monitored.get(logs, context)) m_rule.on_value(epoch, *current, context);
    }
    void on_train_end(CallbackContext& context) override { m_rule.on_train_end(context); }
    std::optional<int> restored_epoch() const override { return m_rule.restored_epoch(); }

private:
    MonitoredValue m_monitored;
    EarlyStoppingRule m_rule;
};

// Inactive until the metric reaches the threshold (>= when maximised, <= when minimised); from that epoch on,
// EarlyStopping whose first epoch is that one:
// "Epoch 9: val_accuracy reached the threshold 0.95; early stopping now active".
class ThresholdEarlyStopping final : public Callback {
public:
    explicit ThresholdEarlyStopping(const ThresholdEarlyStoppingSpec& spec)
        : m_spec(spec), m_threshold(as_written(spec.threshold)),
          m_maximize(monitor_is_maximized(spec.monitor, spec.mode)), m_monitored(spec.monitor, &early_stopping_warning),
          m_rule(spec.min_delta, spec.patience, m_maximize, std::nullopt, spec.restore_best_weights, 0) {}

    void on_train_begin(CallbackContext&) override {
        m_monitored.reset();
        m_rule.reset();
        m_active = false;
    }
    void on_epoch_end(int epoch, const EpochLogs& logs, CallbackContext& context) override {
        const auto current = m_monitored.get(logs, context);
        if (!current) return;
        if (!m_active) {
            if (!(m_maximize ? *current >= m_threshold : *current <= m_threshold)) return;
            m_active = true;
            m_rule.start_from(epoch - 1);
            context.log("Epoch " + std::to_string(epoch) + ": " + m_spec.monitor + " reached the threshold " +
                        shortest_text(m_spec.threshold) + "; early stopping now active");
        }
        m_rule.on_value(epoch, *current, context);
    }
    void on_train_end(CallbackContext& context) override { m_rule.on_train_end(context); }
    std::optional<int> restored_epoch() const override { return m_rule.restored_epoch(); }

private:
    ThresholdEarlyStoppingSpec m_spec;
    double m_threshold;
    bool m_maximize;
    MonitoredValue m_monitored;
    EarlyStoppingRule m_rule;
    bool m_active = false;
};

}  // namespace

std::unique_ptr<Callback> make_early_stopping(const EarlyStoppingSpec& spec) {
    return std::make_unique<EarlyStopping>(spec);
}

std::unique_ptr<Callback> make_threshold_early_stopping(const ThresholdEarlyStoppingSpec& spec) {
    return std::make_unique<ThresholdEarlyStopping>(spec);
}

}  // namespace mlpw::detail
