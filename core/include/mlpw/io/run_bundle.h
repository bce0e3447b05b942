#pragma once
// A run on disk: the folder `mlpw train --out DIR` (and each DIR/run_<i>/ of a sweep) writes, and that
// read_run_bundle turns back into the same RunRecord:
//   experiment.json    the fully resolved experiment (every option written out)
//   model.mlpw         final weights + experiment + history (mlpw evaluate --model reads it)
//   history.csv        epoch,accuracy,loss,val_accuracy,val_loss,seconds,val_data_loss,lr   (epoch 0-based, as Keras'
//                      CSVLogger; val_loss includes the regularisation penalty, val_data_loss is without it)
//   confusion.csv      the test set's confusion matrix: true\predicted,<class names...>, one row per true class
//   summary.json       val_accuracy, val_loss (at best_epoch), test_accuracy, test_loss, best_epoch (1-based),
//                      epochs_run, stopped_early, seconds; also stop_reason, message, restored_epoch, name
//   best_model.mlpw    the weights at best_epoch (only when an epoch completed)
//   run.json           format, data set name, train_samples, validation_samples, threads, test_data_loss (the
//                      test set's cross-entropy alone; summary.json's test_loss includes the penalty)
//   confusions.csv     each epoch's validation confusion matrix: epoch,true\predicted,<class names...>
//   misclassified.csv  set,epoch,index,label,predicted,confidence: each epoch's validation mistakes (index into
//                      the training images) and the final weights' test mistakes (epoch empty), most confident first
//   batches.csv        progress,loss,accuracy: the per-batch running means kept for the charts
//   sample_panel.csv   index,label,pixels: the validation images the sample view follows (pixels in hex, row-major)
//   panel_predictions.csv  epoch,index,<class names...>: each epoch's probabilities of each panel image
//   first_layer.bin    the first Dense layer's kernel at each epoch end, 8-bit (the record's KernelSnapshots; 400 KB
//                      per epoch for 784x512; the exact final floats are in model.mlpw)
// The last three are optional (absent in bundles of older versions, and without validation): the record's panel
// and kernels are then empty.
// Epochs in the CSV files are 0-based, as in history.csv. Every file is written to a temp file beside it and
// renamed into place: a reader never sees a part.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mlpw/training/metrics.h"
#include "mlpw/training/run_record.h"

namespace mlpw {

// Creates `dir` (and its parents) if needed; throws Error naming it when it cannot be a run folder.
void prepare_output_folder(const std::string& dir);

// mlpw::write_file_atomically (temp file, fsync, rename) that throws Error naming the path.
void write_text_file(const std::string& path, const std::string& text);

std::string history_csv(const std::vector<EpochMetrics>& history);
std::string confusion_csv(const ConfusionMatrix& confusion, const std::vector<std::string>& class_names);
// confusions.csv: epoch (0-based),true\predicted,<class names...>, each epoch's validation matrix.
std::string confusions_csv(const RunRecord& record);
// The kept weights' validation metrics (RunRecord::kept), the test result and the best epoch (1-based); null
// validation values when the run had no validation or no epoch.
nlohmann::ordered_json run_summary(const RunRecord& record);

void write_run_bundle(const std::string& dir, const RunRecord& record);
// Throws Error naming the file and the field at fault: a file missing, truncated or holding a wrong value.
RunRecord read_run_bundle(const std::string& dir);

}  // namespace mlpw
