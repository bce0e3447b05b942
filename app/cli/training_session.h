#pragma once
// One training run as the CLI shows it (train and every point of a sweep): the Keras log on stdout, the stop
// message, the test set's result, and the run bundle when an output folder is given.
#include <atomic>
#include <string>

#include "mlpw/data/dataset.h"
#include "mlpw/training/memory_estimate.h"
#include "mlpw/training/run_record.h"

namespace mlpw::cli {

// Throws SpecError when the experiment does not fit the data. A run stopped through `stop` still reports
// (and saves) the epochs it completed; its stop_reason then says StopReason::user.
RunRecord run_and_report(const ExperimentSpec& spec, const Dataset& data, const std::string& out_dir,
                         const std::atomic<bool>& stop);

// The data set's shape for validation and summaries.
DataShape shape_of(const Dataset& data);

// The line under the model summary: "Memory to train: about 52.3 MB (weights ..., data ...); available: 17.9 GB",
// with a warning when the run would be refused.
std::string memory_line(const MemoryEstimate& estimate);

}  // namespace mlpw::cli
