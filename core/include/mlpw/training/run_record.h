#pragma once
// Everything one training run produced, as plain values: the Trainer fills it (see trainer.h), the CLI logs and
// saves it (run_bundle.h writes it to a folder and reads it back unchanged), the window's views show it.
//   experiment -> data -> history[e] + validation[e] (one per completed epoch) -> batches (decimated)
//   -> best_weights (at best_epoch) and final_weights -> outcome -> test (after evaluate_test_set)
//   -> sample_panel (chosen before the first epoch; validation[e].panel_probabilities) -> first_layer[e]
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mlpw/experiment/experiment.h"
#include "mlpw/io/model_io.h"
#include "mlpw/nn/network.h"
#include "mlpw/training/inspection.h"
#include "mlpw/training/metrics.h"

namespace mlpw {

enum class StopReason { completed, callback, user, diverged };
// "completed", "callback", "user", "diverged" (the names summary.json uses).
const char* stop_reason_name(StopReason reason);
std::optional<StopReason> stop_reason_named(std::string_view name);

// The data a run trained on: what a model file needs besides the weights, and Keras' validation_split counts.
struct RunData {
    std::string name;  // "mnist", "fashion_mnist" or the folder
    std::vector<std::string> class_names;
    int image_rows = 0, image_cols = 0;
    int train_samples = 0, validation_samples = 0;
    float normalization_mean = 0.0f, normalization_stddev = 1.0f;  // the BatchAssembler's (standardize)
    bool operator==(const RunData&) const = default;
};

// One chart point of the per-batch running means.
struct BatchPoint {
    double progress = 0.0;  // epochs done: epoch - 1 + batch / batches (1.0 at the end of the first epoch)
    double loss = 0.0, accuracy = 0.0;
    bool operator==(const BatchPoint&) const = default;
};
// Points kept per epoch: every batches / kBatchPointsPerEpoch-th batch (rounded down, at least every one) and the
// epoch's last batch, so an epoch has between kBatchPointsPerEpoch and 2 * kBatchPointsPerEpoch points.
constexpr int kBatchPointsPerEpoch = 200;
bool keeps_batch_point(int batch, int batches);  // batch is 1-based
int batch_points_per_epoch(int batches);

// The validation set's result at an epoch end beyond its loss and accuracy (those are in EpochMetrics).
struct EpochValidation {
    ConfusionMatrix confusion;                 // classes 0 when the run has no validation
    std::vector<Misclassified> misclassified;  // indices into the training images, most confident first
    std::vector<float> panel_probabilities;    // {sample_panel.size(), classes}: softmax of each panel image
    bool operator==(const EpochValidation&) const = default;
};

struct RunRecord {
    ExperimentSpec experiment;  // as run (the seed is experiment.training.seed)
    RunData data;

    std::vector<EpochMetrics> history;        // one per completed epoch: Keras History's loss, accuracy, val_...
    std::vector<EpochValidation> validation;  // parallel to history
    std::vector<BatchPoint> batches;          // keeps_batch_point() of every batch run, a stopped epoch's too

    int best_epoch = 0;        // 1-based, by val_loss (loss without validation); 0 before the first epoch
    ModelState best_weights;   // at the end of best_epoch; empty while best_epoch is 0
    ModelState final_weights;  // what the run ended with: the last completed epoch's, or a callback's restored ones

    StopReason stop_reason = StopReason::completed;
    std::optional<int> restored_epoch;  // the epoch whose weights a callback restored
    std::string message;                // e.g. "Epoch 7: early stopping"; the NaN message when diverged
    std::string threads;                // the OpenMP threads used, as Trainer::threads() says it
    double seconds = 0.0;               // the whole run; each epoch's own times are in history

    EvaluationResult test;  // the final weights on the test set; samples 0 when not evaluated

    SamplePanel sample_panel;                 // validation images the sample view follows; empty without validation
    std::vector<KernelSnapshot> first_layer;  // parallel to history: the first Dense kernel at each epoch end

    int epochs_run() const { return static_cast<int>(history.size()); }
    bool stopped_early() const { return stop_reason != StopReason::completed; }
    // Whether the run held out a validation split; without (validation_split 0) the test set is its evaluation,
    // once, after training, and the best epoch is the lowest training loss (nothing is chosen on the test set).
    bool validates() const { return experiment.data.validation_split > 0.0f; }
    // The best epoch's metrics, nullptr before the first epoch.
    const EpochMetrics* best() const { return best_epoch > 0 ? &history[best_epoch - 1] : nullptr; }
    // The epoch whose weights the run kept (final_weights): the one a callback restored, else the last; 0 before
    // the first epoch. What Keras' model.evaluate after fit would score, so tables and reports quote it.
    int kept_epoch() const { return restored_epoch.value_or(epochs_run()); }
    const EpochMetrics* kept() const { return kept_epoch() > 0 ? &history[kept_epoch() - 1] : nullptr; }

    // Appends a completed epoch and its first Dense kernel; when it is the best so far (is_better_epoch) also
    // copies `weights` as the best.
    void add_epoch(const EpochMetrics& metrics, EpochValidation epoch_validation, const ModelState& weights);
    bool operator==(const RunRecord&) const = default;
};

// The one rule for the best epoch: lower val_loss (loss when the epochs have no validation) wins; ties keep the
// earlier epoch.
bool is_better_epoch(const EpochMetrics& candidate, const EpochMetrics& best);

// The model file of a run with the given weights (final_weights or best_weights): experiment, geometry,
// normalisation, class names, history.
ModelFile model_file_of(const RunRecord& record, const ModelState& weights);
// The record of a model file (the window's opened models): experiment, geometry, normalisation, class names,
// history (with empty validation results) and the file's weights as final_weights; data.name is the experiment's
// source; no best epoch, split counts or test result (the file does not hold them).
RunRecord run_record_of(const ModelFile& model);

}  // namespace mlpw
