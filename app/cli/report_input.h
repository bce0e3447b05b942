#pragma once
// Filling a report (export/run_report.h) from folders of run bundles: shared by mlpw report and mlpw study.
#include <string>

#include "export/run_report.h"

namespace mlpw::cli {

// Reads every bundle under `folder` (without weights) into input.runs and their indices onto section.runs; the
// bundles that do not read go to input.broken. Returns the number of runs added.
size_t add_runs(ReportInput& input, ReportSection& section, const std::string& folder);

}  // namespace mlpw::cli
