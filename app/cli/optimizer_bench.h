#pragma once
// mlpw bench --optimizer NAME / --all-optimizers: the training step time of each optimiser and variant on the
// bench networks, next to plain SGD's, so that a slow update path shows up in one command.
#include <cstdint>
#include <string>
#include <vector>

#include "mlpw/experiment/model_spec.h"
#include "mlpw/experiment/optimizer_spec.h"

namespace mlpw::cli {

struct OptimizerVariant {
    std::string name;   // "rmsprop_centered"
    std::string keras;  // "RMSprop(centered=True)"
    OptimizerSpec optimizer;
    RegularizerSpec kernel_regularizer;  // set on every Dense layer
};

// Every optimiser and variant the bench knows, plain SGD (the reference of the ratios) first.
const std::vector<OptimizerVariant>& optimizer_variants();
// What `--optimizer name` runs: plain SGD, then the variant of that name, or every variant of the optimiser of
// that name ("rmsprop": plain, momentum, centered, centered with momentum). Throws UsageError listing the names.
std::vector<OptimizerVariant> select_variants(const std::string& name);

struct OptimizerBenchOptions {
    std::vector<std::string> networks;  // "q4", "final"
    std::vector<OptimizerVariant> variants;
    int warmup_steps = 20;  // per variant and round, not timed (first executions are 10-40x slower)
    int steps = 0;          // timed per variant and round; 0: the network's default (500 on q4, 40 on final)
    int rounds = 3;         // the variants run in turn, `rounds` times, so that a load change hits them all
    int threads = 0;        // 0: every core
    uint64_t seed = 13;
    bool json = false;
};

// Prints a table per network: ms per training step (median), ratio to plain SGD, ms per optimiser update.
void run_optimizer_bench(const OptimizerBenchOptions& options);

}  // namespace mlpw::cli
