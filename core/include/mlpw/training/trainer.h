#pragma once
// The Trainer runs one experiment: epochs of shuffled batches, validation at each epoch end, Keras callbacks,
// and streams plain value events while it fills the run's RunRecord. Both front ends (CLI, GUI worker thread) use
// it the same way:
//   Trainer trainer(spec, dataset);          // validates against the data, builds network and optimiser
//   const RunRecord& r = trainer.run(events, stop_flag);
//   trainer.evaluate_test_set();             // fills r.test
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mlpw/data/dataset.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/io/model_io.h"
#include "mlpw/nn/network.h"
#include "mlpw/training/metrics.h"
#include "mlpw/training/run_record.h"

namespace mlpw {

class Optimizer;

// Events; any may be empty. They run on the training thread: copy what you keep, return quickly. Each comes after
// the record (Trainer::record()) has been updated with what it reports.
struct TrainerEvents {
    std::function<void(int epoch, int epochs, int batches)> on_epoch_begin;
    std::function<void(const BatchMetrics&)> on_batch;
    // validation holds the confusion matrix and the misclassified validation samples of this epoch.
    std::function<void(const EpochMetrics&, const EvaluationResult& validation)> on_epoch;
    std::function<void(const std::string&)> on_log;
};

class Trainer {
public:
    // Starts from the weights of spec.training.initial_weights when set (ModelFileError when that file cannot start
    // this experiment, see initial_weights.h), from the initialisers otherwise.
    // Throws SpecError when the experiment does not fit the data (every problem listed). record() then holds the
    // experiment and the data (split counts included).
    Trainer(const ExperimentSpec& spec, const Dataset& data);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // Trains; returns when done, stopped by a callback, diverged (NaN/Inf loss) or when `stop` becomes true
    // (checked before every batch and every validation call of kEvaluationRows rows). After a divergence or a
    // stop mid-epoch the network holds the weights of the last completed epoch, so the weights, the history and a
    // saved model agree. Returns record().
    // The batch loop allocates nothing: the record's batch points are reserved at each epoch's start.
    const RunRecord& run(const TrainerEvents& events, const std::atomic<bool>& stop);
    // What the run has produced so far (read it from the training thread, or after run()).
    const RunRecord& record() const;

    // Evaluates the current weights on a whole image set.
    EvaluationResult evaluate(const ImageSet& set);
    // Evaluates the current weights on the data set's test images and keeps the result in record().test.
    const EvaluationResult& evaluate_test_set();

    Network& network();
    Optimizer& optimizer();
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
// (see core/src/training/thread_tuner.h for the measurements behind it).
int automatic_thread_count();

}  // namespace mlpw
