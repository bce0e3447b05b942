#pragma once
// What differs between two experiments, in the experiment file's own field paths:
//   optimizer: adam → sgd(momentum=0.9)
//   model.layers[1].units: 512 → 256
//   training.batch_size: 128 → 32
// Both experiments are compared as their fully resolved files (experiment_to_json), so every field the writer
// knows is covered. Values are shown as a person writes them: a part with a "type" (optimizer, layer,
// initializer, callback) as type(option=value, ...) with only the options that differ from that type's defaults;
// strings bare; null and a missing part as "none".
#include <string>
#include <vector>

#include "mlpw/experiment/experiment.h"

namespace mlpw {

struct ConfigChange {
    std::string path;          // "model.layers[1].units"; a list item added or removed: "callbacks[0]"
    std::string before;        // the reference's value, "none" when it has none
    std::string after;         // the other's value, "none" when it has none
    std::string text() const;  // "path: before → after"
    bool operator==(const ConfigChange&) const = default;
};

constexpr const char* kSeedPath = "training.seed";

struct ConfigDiffOptions {
    // Paths left out, everything inside them too. The seed is compared by default; add kSeedPath to compare the
    // settings alone (the runs of one "Repeat × N" differ only there).
    std::vector<std::string> ignored = {"name", "description", "sweep"};
};

// The changes from `reference` to `other`, in the file's order (data, model, loss, optimizer, training,
// callbacks). A part whose type changed is one change (optimizer: adam → sgd(...)), not one per option; lists
// (layers, callbacks) are compared item by item, the longer one's extra items as added/removed ("none").
std::vector<ConfigChange> config_diff(const ExperimentSpec& reference, const ExperimentSpec& other,
                                      const ConfigDiffOptions& options = {});

// One line: the first `max_items` changes joined by "; ", then "; +N more" ("" when there is no change;
// max_items 0 = all). E.g. "optimizer: adam → sgd(momentum=0.9); training.batch_size: 128 → 32".
std::string config_diff_text(const std::vector<ConfigChange>& changes, size_t max_items = 3);

}  // namespace mlpw
