// See run_record.h.
#include "mlpw/training/run_record.h"

#include <algorithm>

namespace mlpw {

const char* stop_reason_name(StopReason reason) {
    switch (reason) {
        case StopReason::completed: return "completed";
        case StopReason::callback: return "callback";
        case StopReason::user: return "user";
        case StopReason::diverged: return "diverged";
    }
    return "unknown";
}

std::optional<StopReason> stop_reason_named(std::string_view name) {
    for (StopReason r : {StopReason::completed, StopReason::callback, StopReason::user, StopReason::diverged})
        if (name == stop_reason_name(r)) return r;
    return std::nullopt;
}

namespace {
int point_stride(int batches) { return std::max(1, batches / kBatchPointsPerEpoch); }
}  // namespace

bool keeps_batch_point(int batch, int batches) { return batch % point_stride(batches) == 0 || batch == batches; }

int batch_points_per_epoch(int batches) {
    const int stride = point_stride(batches);
    return batches / stride + (batches % stride ? 1 : 0);
}

bool is_better_epoch(const EpochMetrics& candidate, const EpochMetrics& best) {
    const double value = candidate.has_validation ? candidate.val_loss : candidate.loss;
    const double best_value = best.has_validation ? best.val_loss : best.loss;
    return value < best_value;
}

void RunRecord::add_epoch(const EpochMetrics& metrics, EpochValidation epoch_validation, const ModelState& weights) {
    history.push_back(metrics);
    validation.push_back(std::move(epoch_validation));
    first_layer.push_back(first_layer_kernel(weights));
    if (best_epoch == 0 || is_better_epoch(metrics, *best())) {
        best_epoch = metrics.epoch;
        best_weights = weights;
    }
}

ModelFile model_file_of(const RunRecord& record, const ModelState& weights) {
    ModelFile file;
    file.experiment = record.experiment;
    file.weights = weights;
    file.image_rows = record.data.image_rows;
    file.image_cols = record.data.image_cols;
    file.normalization_mean = record.data.normalization_mean;
    file.normalization_stddev = record.data.normalization_stddev;
    file.class_names = record.data.class_names;
    file.history = record.history;
    file.written_by = "MLP Workbench " MLPW_VERSION;
    return file;
}

RunRecord run_record_of(const ModelFile& model) {
    RunRecord record;
    record.experiment = model.experiment;
    record.data.name = model.experiment.data.source;
    record.data.class_names = model.class_names;
    record.data.image_rows = model.image_rows;
    record.data.image_cols = model.image_cols;
    record.data.normalization_mean = model.normalization_mean;
    record.data.normalization_stddev = model.normalization_stddev;
    record.history = model.history;
    record.validation.resize(model.history.size());
    record.final_weights = model.weights;
    return record;
}

}  // namespace mlpw
