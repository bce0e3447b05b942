#pragma once
// What both of mlpw bench's modes share: the study's two reference networks, and the median they report.
#include <string>
#include <vector>

#include "mlpw/experiment/experiment.h"

namespace mlpw::cli {

// q4: 784-512 ReLU-10 softmax, Adam, batch 32. final: 784-4x[Dense 512, LeakyReLU 0.3, Dropout 0.3]-10 softmax,
// SGD lr 0.01 momentum 0.9, batch 128. Throws UsageError for another name.
ExperimentSpec bench_experiment(const std::string& network);

// "784-512 ReLU-10, batch 32" (for the bench's headings).
std::string describe_bench_network(const std::string& network);

// The median of the times (0 when there are none).
double median(std::vector<double> times);

}  // namespace mlpw::cli
