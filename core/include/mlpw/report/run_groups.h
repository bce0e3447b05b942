#pragma once
// Runs grouped into settings: the runs with the same experiment name whose experiments differ only in the seed
// (and description) are one setting, repeated with several seeds. (The name counts: two presets that a --set made
// equal stay two rows.) Each group carries its seed statistics and what it changes from the
// reference (the first group); compare_groups names the best and says whether its lead exceeds the seed spread.
//   const auto groups = group_by_setting(runs);   // runs: the RunRecords of a folder, a sweep, a study question
//   const GroupComparison c = compare_groups(groups);
//   c.sentence  // "Best: hidden_1024, val_accuracy 97.52 ± 0.10 % (3 seeds); hidden_256 (97.47 ± 0.08 %) ..."
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mlpw/report/seed_statistics.h"
#include "mlpw/training/run_record.h"

namespace mlpw {

struct RunGroup {
    std::string name;          // the first run's experiment name
    std::vector<size_t> runs;  // indices into the runs given, in their order
    std::vector<uint64_t> seeds;
    std::string differs;          // config_diff_text from the reference group, seed ignored; "" for the reference
    std::vector<ResultRow> rows;  // result_row of each run (run = its index + 1, varies = "seed=S")
    Spread val_accuracy, val_loss, test_accuracy, test_loss, best_epoch, epochs_run, seconds;
};

// In the order of each group's first run; the first group is the reference.
std::vector<RunGroup> group_by_setting(const std::vector<const RunRecord*>& runs);

// The group with the highest mean val_accuracy (test_accuracy when no run has validation), the runner-up, and
// compare_spreads between them on that metric.
struct GroupComparison {
    std::optional<size_t> best, runner_up;  // indices into the groups; none without groups or values
    std::string metric;                     // "val_accuracy" or "test_accuracy"
    SpreadVerdict verdict = SpreadVerdict::unknown;
    // One sentence: "Best: <name>, val_accuracy 97.52 ± 0.10 % (3 seeds); the runner-up <name> (97.47 ± 0.08 %)
    // is within the seed spread: the difference may be noise." (or "exceeds the seed spread", or "with a single
    // run per setting the seed spread is unknown (repeat with --seeds 3)").
    std::string sentence;
};
GroupComparison compare_groups(const std::vector<RunGroup>& groups);

}  // namespace mlpw
