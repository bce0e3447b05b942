// Names of layer types, activations and initialisers, and Keras' automatic layer names.
#include "mlpw/experiment/model_spec.h"

#include <map>

#include "experiment/enum_names.h"

namespace mlpw {
using detail::name_of;
using detail::value_of;
namespace {

const std::vector<LayerTypeInfo> kLayerTypes{
    {LayerType::dense, "dense", "Dense", "dense"},
    {LayerType::activation, "activation", "Activation", "activation"},
    {LayerType::leaky_relu, "leaky_relu", "LeakyReLU", "leaky_re_lu"},  // Keras 2's prefix from the class name
    {LayerType::dropout, "dropout", "Dropout", "dropout"},
    {LayerType::batch_normalization, "batch_normalization", "BatchNormalization", "batch_normalization"},
    {LayerType::flatten, "flatten", "Flatten", "flatten"},
    {LayerType::random_translation, "random_translation", "RandomTranslation", "random_translation"},
    {LayerType::random_rotation, "random_rotation", "RandomRotation", "random_rotation"},
    {LayerType::random_zoom, "random_zoom", "RandomZoom", "random_zoom"},
    {LayerType::elastic_deformation, "elastic_deformation", "ElasticDeformation", "elastic_deformation"},
};
const std::vector<std::string> kFillModes{"reflect", "wrap", "constant", "nearest"};

// Names in enum order: the enum value is the index.
const std::vector<std::string> kActivations{"linear", "relu", "sigmoid", "tanh", "elu", "leaky_relu", "softmax"};
const std::vector<std::string> kInitializers{"zeros",          "ones",           "constant",      "random_normal",
                                             "random_uniform", "glorot_uniform", "glorot_normal", "he_normal",
                                             "he_uniform",     "lecun_normal"};

// ConstraintType's order after none.
const std::vector<std::string> kConstraints{"max_norm", "non_neg", "unit_norm"};

std::vector<std::string> names_of(const std::vector<LayerTypeInfo>& types) {
    std::vector<std::string> names;
    for (const auto& t : types) names.emplace_back(t.name);
    return names;
}

}  // namespace

const std::vector<LayerTypeInfo>& layer_types() { return kLayerTypes; }
const LayerTypeInfo& layer_type_info(LayerType type) { return kLayerTypes.at(static_cast<size_t>(type)); }

const std::vector<std::string>& layer_type_names() {
    static const std::vector<std::string> names = names_of(kLayerTypes);
    return names;
}
const std::vector<std::string>& activation_names() { return kActivations; }
const std::vector<std::string>& initializer_names() { return kInitializers; }

std::string to_string(LayerType type) { return name_of(layer_type_names(), type); }
std::string to_string(ActivationFn fn) { return name_of(kActivations, fn); }
std::string to_string(InitializerType type) { return name_of(kInitializers, type); }
bool parse_layer_type(const std::string& name, LayerType& out) { return value_of(layer_type_names(), name, out); }
bool parse_activation(const std::string& name, ActivationFn& out) { return value_of(kActivations, name, out); }
bool parse_initializer(const std::string& name, InitializerType& out) { return value_of(kInitializers, name, out); }

bool is_augmentation(LayerType type) {
    return type == LayerType::random_translation || type == LayerType::random_rotation ||
        type == LayerType::random_zoom || type == LayerType::elastic_deformation;
}
const std::vector<std::string>& fill_mode_names() { return kFillModes; }
std::string to_string(FillMode mode) { return name_of(kFillModes, mode); }
bool parse_fill_mode(const std::string& name, FillMode& out) { return value_of(kFillModes, name, out); }

const std::vector<std::string>& constraint_names() { return kConstraints; }
std::string to_string(ConstraintType type) {
    return type == ConstraintType::none ? "none" : kConstraints.at(static_cast<size_t>(type) - 1);
}
bool parse_constraint(const std::string& name, ConstraintType& out) {
    int index = 0;
    if (!value_of(kConstraints, name, index)) return false;
    out = static_cast<ConstraintType>(index + 1);
    return true;
}

// Keras counts per prefix: the first layer of a kind gets the bare prefix, later ones "_1", "_2"...
// Explicitly named layers keep their name and do not advance the counter.
std::vector<std::string> layer_names(const ModelSpec& model) {
    std::map<std::string, int> seen;
    std::vector<std::string> names;
    names.reserve(model.layers.size());
    for (const LayerSpec& layer : model.layers) {
        if (!layer.name.empty()) {
            names.push_back(layer.name);
            continue;
        }
        const std::string prefix = layer_type_info(layer.type).name_prefix;
        const int n = seen[prefix]++;
        names.push_back(n == 0 ? prefix : prefix + "_" + std::to_string(n));
    }
    return names;
}

}  // namespace mlpw
