// See report_input.h.
#include "report_input.h"

#include "mlpw/io/runs_folder.h"

namespace mlpw::cli {

size_t add_runs(ReportInput& input, ReportSection& section, const std::string& folder) {
    RunsFolderOptions options;
    options.keep_weights = false;
    RunsFolder found = read_runs_folder(folder, options);
    for (auto& run : found.runs) {
        section.runs.push_back(input.runs.size());
        input.runs.push_back(std::move(run.record));
        input.paths.push_back(QString::fromStdString(run.path));
    }
    input.broken.insert(input.broken.end(), found.broken.begin(), found.broken.end());
    return found.runs.size();
}

}  // namespace mlpw::cli
