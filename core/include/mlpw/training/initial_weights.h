#pragma once
// A run that starts from a model file's weights (training.initial_weights), as Keras' model.load_weights(path)
// before fit: the layers must match the experiment's, the optimiser starts fresh, and the inputs are normalised
// exactly as the model was trained (the file's normalisation mode and its mean and stddev).
#include <string>

#include "mlpw/data/dataset.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/io/model_io.h"

namespace mlpw {

// Loads spec.training.initial_weights and checks that it can start `spec` on `data`. Throws ModelFileError naming
// the file and what differs: image geometry or classes, the normalisation mode, or the first differing layer
// (e.g. "m.mlpw: layer 2 (dense_1) is Dense(64) in the model file but Dense(128) in the experiment").
ModelFile load_initial_weights(const ExperimentSpec& spec, const Dataset& data);

// `from`'s values in `layout`'s tensor names (the experiment may name its layers differently); throws
// ModelFileError naming `path` and the first tensor whose shape differs.
ModelState weights_in_layout(const ModelState& from, const ModelState& layout, const std::string& path);

}  // namespace mlpw
