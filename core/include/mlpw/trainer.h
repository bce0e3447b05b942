#pragma once
// The Trainer runs one experiment: epochs of shuffled batches, validation at each epoch end, Keras callbacks,
// and streams plain value events. Both front ends (CLI, GUI worker thread) use it the same way:
//   Trainer trainer(spec, dataset);          // validates against the data, builds network and optimiser
//   TrainingResult r = trainer.run(events, stop_flag);
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mlpw/dataset.h"
#include "mlpw/experiment.h"
#include "mlpw/metrics.h"
#include "mlpw/model_io.h"
#include "mlpw/network.h"

namespace mlpw {

enum class StopReason { completed, callback, user, diverged };

struct TrainingResult {
    std::vector<EpochMetrics> history;
    int epochs_run = 0;
    int best_epoch = 0;            // by val_loss (loss without validation)
    std::optional<int> restored_epoch;  // the epoch whose weights were restored by a callback
    StopReason stop_reason = StopReason::completed;
    std::string message;           // e.g. "Epoch 7: early stopping"; the NaN message when diverged
    double seconds = 0.0;
    bool stopped_early() const { return stop_reason != StopReason::completed; }
};

// Events; any may be empty. They run on the training thread: copy what you keep, return quickly.
struct TrainerEvents {
    std::function<void(int epoch, int epochs, int batches)> on_epoch_begin;
    std::function<void(const BatchMetrics&)> on_batch;
    // validation holds the confusion matrix and the misclassified validation samples of this epoch.
    std::function<void(const EpochMetrics&, const EvaluationResult& validation)> on_epoch;
    std::function<void(const std::string&)> on_log;
    // A copy of the weights at each epoch end (for the GUI's canvas and export); costs a reorder per tensor.
    std::function<void(const ModelState&)> on_weights;
};

class Trainer {
public:
    // Throws SpecError when the experiment does not fit the data (every problem listed).
    Trainer(const ExperimentSpec& spec, const Dataset& data);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // Trains; returns when done, stopped by a callback, diverged (NaN/Inf loss) or when `stop` becomes true
    // (checked before every batch and every validation call of kEvaluationRows rows). After a divergence or a stop mid-epoch the network holds the weights of
    // the last completed epoch, so the weights, the history and a saved model agree.
    TrainingResult run(const TrainerEvents& events, const std::atomic<bool>& stop);

    // Evaluates the current weights on a whole image set (e.g. the test set).
    EvaluationResult evaluate(const ImageSet& set);

    Network& network();
    const ExperimentSpec& spec() const;
    // The OpenMP threads used so far: "2" when fixed, "auto (2 for 97% of steps, 1 for 3%)" when tuned.
    std::string threads() const;
    // The model as it stands (weights, experiment, history so far), ready for save_model.
    ModelFile model_file() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The most threads automatic mode uses (the cores); it tunes between this and half of it while training
// (see core/src/thread_tuner.h for the measurements behind it).
int automatic_thread_count();

}  // namespace mlpw
