#pragma once
// Evaluation of a network on (part of) an image set: loss (penalty included, as Keras), accuracy, confusion matrix, the most confident
// mistakes. Used by the Trainer (validation, test) and by `mlpw evaluate` on a loaded model.
#include <atomic>
#include <cstdint>
#include <vector>

#include "mlpw/data/dataset.h"
#include "mlpw/nn/network.h"
#include "mlpw/training/metrics.h"

namespace mlpw {

constexpr size_t kMisclassifiedKept = 1000;  // most confident mistakes kept per evaluation
constexpr int kEvaluationRows = 500;         // rows per inference call in the Trainer's validation and test

// Runs inference on set.image(indices[i]) (normalised by `assembler`) in calls of `rows_per_call` rows
// (<= net.capacity(); prepare those sizes beforehand to keep primitive creation out of the loop).
// `stop`, when given, is checked before each call: once true, the result covers only the rows done so far
// (samples < indices.size()), so closing the window during a long validation does not wait for its end.
EvaluationResult evaluate(Network& net, const BatchAssembler& assembler, const ImageSet& set,
                          const std::vector<uint32_t>& indices, int rows_per_call,
                          const std::atomic<bool>* stop = nullptr);

}  // namespace mlpw
