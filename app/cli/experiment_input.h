#pragma once
// The experiment a command works on: --experiment FILE with --set key.path=value overrides (and the
// --epochs / --threads shortcuts for training.epochs / training.threads), applied to the file's JSON
// before it is validated, so an override can fix a file and every error names the option path.
#include <string>
#include <vector>

#include "commands.h"
#include "mlpw/experiment/experiment.h"

namespace mlpw::cli {

struct ExperimentInput {
    std::string path;
    std::vector<std::string> overrides;  // "key.path=value", applied in order
};

// Takes --experiment (required), every --set, --epochs and (when `threads`) --threads out of `args`.
ExperimentInput take_experiment_input(Args& args, const std::string& command, bool threads = true);

// Takes every --set, --epochs and (when `threads`) --threads out of `args`, as "key.path=value" overrides.
std::vector<std::string> take_overrides(Args& args, bool threads = true);

// Reads, overrides and validates; throws SpecError naming the file and each field at fault.
ExperimentSpec load_experiment_input(const ExperimentInput& input);

// The experiment stored in a model file, with the overrides, starting from the file's weights
// (training.initial_weights = model_path): fine-tuning a saved or imported model.
ExperimentSpec load_model_experiment(const std::string& model_path, const std::vector<std::string>& overrides);

}  // namespace mlpw::cli
