#pragma once
// A run on disk: the folder `mlpw train --out DIR` (and each DIR/run_<i>/ of a sweep) writes:
//   experiment.json  the fully resolved experiment (every option written out)
//   model.mlpw       weights + experiment + history (mlpw evaluate --model reads it)
//   history.csv      epoch,accuracy,loss,val_accuracy,val_loss,seconds,val_data_loss   (epoch 0-based, as Keras'
//                    CSVLogger; val_loss includes the regularisation penalty, val_data_loss is without it)
//   confusion.csv    the test set's confusion matrix: true\predicted,<class names...>, one row per true class
//   summary.json     val_accuracy, val_loss (at best_epoch), test_accuracy, test_loss, best_epoch (1-based),
//                    epochs_run, stopped_early, seconds; also stop_reason, message, restored_epoch, name
// Every file is written to a temp file beside it and renamed into place: a reader never sees a part.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mlpw/metrics.h"
#include "mlpw/model_io.h"
#include "mlpw/trainer.h"

namespace mlpw::cli {

// Creates `dir` (and its parents) if needed; throws Error naming it when it cannot be a run folder.
void prepare_output_folder(const std::string& dir);

// mlpw::write_file_atomically (temp file, fsync, rename) that throws Error naming the path.
void write_file_atomically(const std::string& path, const std::string& text);

// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);
// The shortest text that reads back as the same double ("0.9741"); empty for NaN.
std::string csv_number(double value);

std::string history_csv(const std::vector<EpochMetrics>& history);
std::string confusion_csv(const ConfusionMatrix& confusion, const std::vector<std::string>& class_names);
// The best epoch's (1-based) metrics; null validation values when the run had no validation or no epoch.
nlohmann::ordered_json run_summary(const std::string& name, const TrainingResult& result, const EvaluationResult& test);

void write_run_bundle(const std::string& dir, const ModelFile& model, const TrainingResult& result,
                      const EvaluationResult& test);

}  // namespace mlpw::cli
