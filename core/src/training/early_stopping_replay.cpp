// See early_stopping_replay.h: the history's epochs go through CallbackRun as the Trainer sends them.
#include "mlpw/training/early_stopping_replay.h"

#include "mlpw/training/callbacks.h"

namespace mlpw {

namespace {

// What callbacks may do to a replay: weights are not recorded per epoch, so snapshots are empty and restoring
// only notes the epoch (the callback's restored_epoch() says which).
class ReplayContext final : public CallbackContext {
public:
    explicit ReplayContext(EarlyStoppingReplay& result) : m_result(result) {}
    void stop_training(const std::string& reason) override {
        if (m_result.stopped) return;
        m_result.stopped = true;
        m_result.message = reason;
    }
    ModelState weights() const override { return {}; }
    void set_weights(const ModelState&) override {}
    void log(const std::string& line) override { m_result.log.push_back(line); }
    void save_model(const std::string&) override {}
    // The rate callbacks are left out of a replay: a recorded history's metrics no longer depend on the rate.
    double learning_rate() const override { return 0.0; }
    void set_learning_rate(double) override {}

private:
    EarlyStoppingReplay& m_result;
};

EarlyStoppingReplay with_record(EarlyStoppingReplay replay, const RunRecord& record) {
    replay.ran_past_record = !replay.stopped && record.epochs_run() < record.experiment.training.epochs;
    return replay;
}

}  // namespace

EarlyStoppingReplay replay_callbacks(const std::vector<EpochMetrics>& history, const CallbackSpecs& callbacks) {
    CallbackSpecs stopping = callbacks;
    stopping.model_checkpoint.clear();
    stopping.reduce_lr_on_plateau.clear();
    stopping.learning_rate_scheduler.clear();
    EarlyStoppingReplay result;
    ReplayContext context(result);
    CallbackRun run(stopping);
    run.begin(context);
    for (const EpochMetrics& metrics : history) {  // the Trainer's loop: the run ends after the stopping epoch
        result.epochs_run = metrics.epoch;
        run.epoch_end(metrics, context);
        if (result.stopped) break;
    }
    result.restored_epoch = run.end(context);
    result.kept_epoch = result.restored_epoch.value_or(result.epochs_run);
    return result;
}

EarlyStoppingReplay replay_early_stopping(const std::vector<EpochMetrics>& history, const EarlyStoppingSpec& spec) {
    CallbackSpecs callbacks;
    callbacks.early_stopping.push_back(spec);
    return replay_callbacks(history, callbacks);
}

EarlyStoppingReplay replay_early_stopping(const std::vector<EpochMetrics>& history,
                                          const ThresholdEarlyStoppingSpec& spec) {
    CallbackSpecs callbacks;
    callbacks.early_stopping_threshold.push_back(spec);
    return replay_callbacks(history, callbacks);
}

EarlyStoppingReplay replay_early_stopping(const RunRecord& record, const EarlyStoppingSpec& spec) {
    return with_record(replay_early_stopping(record.history, spec), record);
}

EarlyStoppingReplay replay_early_stopping(const RunRecord& record, const ThresholdEarlyStoppingSpec& spec) {
    return with_record(replay_early_stopping(record.history, spec), record);
}

}  // namespace mlpw
