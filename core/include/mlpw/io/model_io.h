#pragma once
// Model files (.mlpw): one Boost.Serialization portable archive holding everything needed to use and
// to reproduce a trained model. Writes are atomic (temp file, then rename); reads never crash.
#include <string>
#include <vector>

#include "mlpw/experiment/experiment.h"
#include "mlpw/nn/network.h"
#include "mlpw/training/metrics.h"

namespace mlpw {

struct ModelFile {
    ExperimentSpec experiment;             // the fully resolved experiment the model came from
    ModelState weights;                    // plain layout (see NamedTensor)
    int image_rows = 28, image_cols = 28;  // input geometry
    float normalization_mean = 0.0f;       // the BatchAssembler's parameters (standardize)
    float normalization_stddev = 1.0f;
    std::vector<std::string> class_names;
    std::vector<EpochMetrics> history;
    std::string written_by;  // "MLP Workbench 0.1.0"
};

// Throws ModelFileError naming the path on failure; never leaves a partial file behind.
void save_model(const ModelFile& model, const std::string& path);
// Throws ModelFileError naming the path and what is wrong: not a model file, truncated, corrupt, or written
// by a newer version (with both version numbers).
ModelFile load_model(const std::string& path);

// Rebuilds the network of a model file with its weights (capacity rows per call).
Network make_network(const ModelFile& model, int capacity = 256);

}  // namespace mlpw
