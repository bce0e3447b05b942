// See initial_weights.h.
#include "mlpw/training/initial_weights.h"

#include <algorithm>

#include "mlpw/errors.h"
#include "mlpw/training/prediction.h"

namespace mlpw {
namespace {

// Dropout and augmentation are identities at inference and carry no weights: a fine-tuning experiment may add
// or remove them, as Keras' load_weights matches the layers that hold weights.
bool carries_function(const LayerSpec& layer) {
    return layer.type != LayerType::dropout && !is_augmentation(layer.type);
}

// "Dense(64)", "BatchNormalization".
std::string describe(const LayerSpec& layer) {
    const std::string kind = layer_type_info(layer.type).keras_class;
    return layer.type == LayerType::dense ? kind + "(" + std::to_string(layer.units) + ")" : kind;
}

bool same_shape(const LayerSpec& a, const LayerSpec& b) {
    return a.type == b.type && (a.type != LayerType::dense || a.units == b.units);
}

// The indices of the layers that carry the function, in order.
std::vector<size_t> functional_layers(const ModelSpec& model) {
    std::vector<size_t> indices;
    for (size_t i = 0; i < model.layers.size(); ++i)
        if (carries_function(model.layers[i])) indices.push_back(i);
    return indices;
}

void check_same_layers(const ModelSpec& experiment, const ModelSpec& file, const std::string& path) {
    const std::vector<size_t> ours = functional_layers(experiment), theirs = functional_layers(file);
    const std::vector<std::string> names = layer_names(experiment);
    for (size_t k = 0; k < std::max(ours.size(), theirs.size()); ++k) {
        if (k < ours.size() && k < theirs.size() && same_shape(experiment.layers[ours[k]], file.layers[theirs[k]]))
            continue;
        if (k >= ours.size())
            throw ModelFileError(path + ": the model file has more layers than the experiment (first extra: " +
                                 describe(file.layers[theirs[k]]) + ")");
        const std::string where =
            "layer " + std::to_string(ours[k]) + " (" + names[ours[k]] + ") is " + describe(experiment.layers[ours[k]]);
        if (k >= theirs.size())
            throw ModelFileError(path + ": " + where + " in the experiment but the model file has no layer there");
        throw ModelFileError(path + ": " + where + " in the experiment but " + describe(file.layers[theirs[k]]) +
                             " in the model file");
    }
}

}  // namespace

ModelFile load_initial_weights(const ExperimentSpec& spec, const Dataset& data) {
    const std::string& path = spec.training.initial_weights;
    ModelFile model = load_model(path);
    check_model_fits(model, data, path);
    const Normalization theirs = model.experiment.data.normalization;
    if (theirs != spec.data.normalization)
        throw ModelFileError(path + ": the model was trained on data.normalization \"" + to_string(theirs) +
                             "\" but the experiment has \"" + to_string(spec.data.normalization) +
                             "\"; set data.normalization to \"" + to_string(theirs) + "\"");
    check_same_layers(spec.model, model.experiment.model, path);
    return model;
}

ModelState weights_in_layout(const ModelState& from, const ModelState& layout, const std::string& path) {
    if (from.size() != layout.size())
        throw ModelFileError(path + ": the model file has " + std::to_string(from.size()) +
                             " weight tensors, the experiment's model " + std::to_string(layout.size()));
    ModelState state = layout;
    for (size_t i = 0; i < state.size(); ++i) {
        if (from[i].shape != layout[i].shape || from[i].values.size() != layout[i].values.size())
            throw ModelFileError(path + ": the weight tensor " + from[i].name + " does not fit the experiment's " +
                                 layout[i].name);
        state[i].values = from[i].values;
    }
    return state;
}

}  // namespace mlpw
