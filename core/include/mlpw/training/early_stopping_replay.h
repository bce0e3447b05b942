#pragma once
// What-if early stopping: a recorded history replayed through the Trainer's own callbacks (CallbackRun, the
// same EarlyStopping code), without retraining. It says where the run would have stopped and which epoch's
// weights, hence which epoch's recorded metrics, it would have ended with.
//   const EarlyStoppingReplay r = replay_early_stopping(record, spec);
//   r.kept(record.history).val_accuracy   // what the run would have kept
// Exact for the epochs recorded: a run's epochs do not depend on its callbacks (only on the seed and the data),
// so epoch e of the replay is epoch e of the recorded run.
#include <optional>
#include <string>
#include <vector>

#include "mlpw/experiment/callback_spec.h"
#include "mlpw/training/metrics.h"
#include "mlpw/training/run_record.h"

namespace mlpw {

struct EarlyStoppingReplay {
    bool stopped = false;  // a callback stopped the run within the recorded epochs
    int epochs_run = 0;    // the epoch it stops at (1-based), or every recorded epoch when it does not stop
    std::optional<int> restored_epoch;  // restore_best_weights: the best epoch whose weights it restores
    int kept_epoch = 0;  // the epoch whose weights the run ends with: restored_epoch, else epochs_run (0: no epoch)
    // The recorded run ended (its own callback, the user) before its planned epochs and this one does not stop
    // within them: it would have trained on, and the record cannot tell how far. Set by the RunRecord overloads.
    bool ran_past_record = false;
    std::string message;           // the stop line, "Epoch 7: early stopping"; "" when it does not stop
    std::vector<std::string> log;  // every line the callbacks logged, in Keras' order
    // history[kept_epoch - 1]: the recorded metrics of the kept epoch. Requires kept_epoch > 0.
    const EpochMetrics& kept(const std::vector<EpochMetrics>& history) const { return history.at(kept_epoch - 1); }
};

// The stopping callbacks of `callbacks` (early_stopping, early_stopping_threshold, stop_at; model_checkpoint is
// left out: a replay writes no files) over the history, in the Trainer's order.
EarlyStoppingReplay replay_callbacks(const std::vector<EpochMetrics>& history, const CallbackSpecs& callbacks);
// One Keras EarlyStopping (monitor, min_delta, patience, mode, baseline, restore_best_weights, start_from_epoch).
EarlyStoppingReplay replay_early_stopping(const std::vector<EpochMetrics>& history, const EarlyStoppingSpec& spec);
// One ThresholdEarlyStopping (active once the monitor reaches the threshold).
EarlyStoppingReplay replay_early_stopping(const std::vector<EpochMetrics>& history,
                                          const ThresholdEarlyStoppingSpec& spec);

// The same over a finished run's history, with ran_past_record set.
EarlyStoppingReplay replay_early_stopping(const RunRecord& record, const EarlyStoppingSpec& spec);
EarlyStoppingReplay replay_early_stopping(const RunRecord& record, const ThresholdEarlyStoppingSpec& spec);

}  // namespace mlpw
