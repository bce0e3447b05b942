// Keras' ReduceLROnPlateau and LearningRateScheduler (tf.keras 2.15 keras/callbacks.py; Keras 3 has the same
// rules). Both log "lr" as Keras does: the Trainer records the rate in every epoch's EpochMetrics.
#include <cmath>
#include <limits>

#include "mlpw/experiment/rate_expression.h"
#include "training/callback_detail.h"

namespace mlpw::detail {
namespace {

// on_epoch_end, as Keras:
//   if in cooldown: cooldown_counter -= 1, wait = 0 (so the last cooldown epoch already counts towards patience)
//   if current beats best (min: current < best - min_delta; max: current > best + min_delta): best, wait = 0
//   elif not in cooldown: wait += 1; at wait >= patience, if lr > min_lr (as float32):
//       lr = max(lr * factor, min_lr), cooldown_counter = cooldown, wait = 0.
// The reduction line is Keras' verbose=1 one: "Epoch 7: ReduceLROnPlateau reducing learning rate to 1e-04."
class ReduceLROnPlateau final : public Callback {
public:
    explicit ReduceLROnPlateau(const ReduceLROnPlateauSpec& spec)
        : m_spec(spec), m_maximize(monitor_is_maximized(spec.monitor, spec.mode)),
          m_min_delta(as_written(spec.min_delta)), m_monitored(spec.monitor, &warning) {}

    void on_train_begin(CallbackContext&) override {
        m_best = m_maximize ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        m_wait = 0;
        m_cooldown_counter = 0;
        m_monitored.reset();
    }

    void on_epoch_end(int epoch, const EpochLogs& logs, CallbackContext& context) override {
        const auto current = m_monitored.get(logs, context);
        if (!current) return;
        if (m_cooldown_counter > 0) {
            --m_cooldown_counter;
            m_wait = 0;
        }
        if (m_maximize ? *current > m_best + m_min_delta : *current < m_best - m_min_delta) {
            m_best = *current;
            m_wait = 0;
            return;
        }
        if (m_cooldown_counter > 0 || ++m_wait < m_spec.patience) return;  // Keras asks in_cooldown() again
        const double old_lr = context.learning_rate();
        if (!(static_cast<float>(old_lr) > m_spec.min_lr)) return;
        const double new_lr = std::max(old_lr * as_written(m_spec.factor), as_written(m_spec.min_lr));
        context.set_learning_rate(new_lr);
        context.log(format("Epoch %d: ReduceLROnPlateau reducing learning rate to %s.", epoch,
                           shortest_text(static_cast<float>(new_lr)).c_str()));
        m_cooldown_counter = m_spec.cooldown;
        m_wait = 0;
    }

private:
    static std::string warning(const std::string& monitor, const std::string& available) {
        return "Learning rate reduction is conditioned on metric `" + monitor +
            "` which is not available. Available metrics are: " + available;
    }

    ReduceLROnPlateauSpec m_spec;
    bool m_maximize;
    double m_min_delta;
    MonitoredValue m_monitored;
    double m_best = 0.0;
    int m_wait = 0, m_cooldown_counter = 0;
};

// At each epoch's start: lr = schedule(epoch - 1, lr) (Keras' 0-based epoch), by the expression or the table.
class LearningRateScheduler final : public Callback {
public:
    explicit LearningRateScheduler(const LearningRateSchedulerSpec& spec) : m_spec(spec) {
        std::string error;  // the validator has checked it
        if (spec.table.empty()) m_expression = RateExpression::parse(spec.expression, error);
    }

    void on_epoch_begin(int epoch, CallbackContext& context) override {
        const int k = epoch - 1;
        if (m_expression) {
            const double rate = m_expression->evaluate(k, context.learning_rate());
            if (std::isfinite(rate) && rate > 0.0) context.set_learning_rate(rate);
            else
                context.log(
                    format("Epoch %d: LearningRateScheduler: the schedule gave %g; keeping the rate", epoch, rate));
            return;
        }
        const auto it = m_spec.table.upper_bound(k);  // the last entry at or before epoch k
        if (it != m_spec.table.begin()) context.set_learning_rate(as_written(std::prev(it)->second));
    }
    void on_epoch_end(int, const EpochLogs&, CallbackContext&) override {}

private:
    LearningRateSchedulerSpec m_spec;
    std::optional<RateExpression> m_expression;
};

}  // namespace

std::unique_ptr<Callback> make_reduce_lr_on_plateau(const ReduceLROnPlateauSpec& spec) {
    return std::make_unique<ReduceLROnPlateau>(spec);
}

std::unique_ptr<Callback> make_learning_rate_scheduler(const LearningRateSchedulerSpec& spec) {
    return std::make_unique<LearningRateScheduler>(spec);
}

}  // namespace mlpw::detail
