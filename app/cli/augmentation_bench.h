#pragma once
// mlpw bench --augmentation FILE: what the augmentation layers of FILE cost in the batch assembly. Every
// MNIST training image goes through the plain gather and through the augmented one, in FILE's batch size, on
// the given threads; the lines give each in ms per training step, so the share of a step they take shows next
// to the step time of `mlpw train` (its ms/step).
#include <string>

namespace mlpw::cli {

// threads: 0 for every core; rounds: passes over the training set per variant (the median is printed).
void run_augmentation_bench(const std::string& experiment_path, int threads, int rounds);

}  // namespace mlpw::cli
