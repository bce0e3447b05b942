#pragma once
// A folder of run bundles (run_bundle.h): a project, a sweep's DIR (run_1/, run_2/...), a `mlpw sweep --plan`
// DIR's runs/, or the bundles GNU parallel / a Slurm array left on a shared disk.
//   RunsFolder folder = read_runs_folder("study");
//   for (const FolderRun& run : folder.runs) ...      // read back, in natural path order
//   for (const BrokenRun& b : folder.broken) ...      // named, with the reader's message
#include <string>
#include <vector>

#include "mlpw/training/run_record.h"

namespace mlpw {

// A folder holding a run bundle's experiment.json or summary.json (a complete one or a part: a run still going,
// or one that crashed, is a broken bundle, not silently skipped).
bool is_run_bundle(const std::string& dir);

struct FolderRun {
    std::string path;  // the bundle's folder, as found under the given dir
    RunRecord record;
};
struct BrokenRun {
    std::string path;
    std::string error;  // read_run_bundle's message: the file and the field at fault
};
struct RunsFolder {
    std::vector<FolderRun> runs;
    std::vector<BrokenRun> broken;
};

struct RunsFolderOptions {
    // The weights (final and best) take ~10 MB per run of the study's bigger networks: a report or a table needs
    // none of them. false empties best_weights and final_weights after reading each bundle.
    bool keep_weights = true;
    int max_depth = 4;  // folders below `dir` searched for bundles (dir itself is depth 0)
};

// `dir` itself when it is a bundle; else every bundle below it (a bundle's own subfolders are not searched), in
// natural path order (run_2 before run_10). Throws Error when `dir` is not a readable folder; a bundle that does
// not read is listed in `broken`.
RunsFolder read_runs_folder(const std::string& dir, const RunsFolderOptions& options = {});

// "a/run_2" < "a/run_10": digit runs compare as numbers, the rest byte by byte.
bool natural_less(const std::string& a, const std::string& b);

}  // namespace mlpw
