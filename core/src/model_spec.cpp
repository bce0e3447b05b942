// Names of layer types, activations and initialisers, and Keras' automatic layer names.
#include "mlpw/model_spec.h"

#include <array>
#include <map>
#include <utility>

namespace mlpw {
namespace {

constexpr std::array<std::pair<LayerType, const char*>, 6> kLayerTypes{{
    {LayerType::dense, "dense"},
    {LayerType::activation, "activation"},
    {LayerType::leaky_relu, "leaky_relu"},
    {LayerType::dropout, "dropout"},
    {LayerType::batch_normalization, "batch_normalization"},
    {LayerType::flatten, "flatten"},
}};

constexpr std::array<std::pair<ActivationFn, const char*>, 7> kActivations{{
    {ActivationFn::linear, "linear"},
    {ActivationFn::relu, "relu"},
    {ActivationFn::sigmoid, "sigmoid"},
    {ActivationFn::tanh, "tanh"},
    {ActivationFn::elu, "elu"},
    {ActivationFn::leaky_relu, "leaky_relu"},
    {ActivationFn::softmax, "softmax"},
}};

// The prefix Keras 2 derives from the class name (LeakyReLU -> "leaky_re_lu").
const char* keras_name_prefix(LayerType type) {
    switch (type) {
        case LayerType::dense: return "dense";
        case LayerType::activation: return "activation";
        case LayerType::leaky_relu: return "leaky_re_lu";
        case LayerType::dropout: return "dropout";
        case LayerType::batch_normalization: return "batch_normalization";
        case LayerType::flatten: return "flatten";
    }
    return "layer";
}

template <typename Enum, size_t N>
std::string name_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return "unknown";
}

template <typename Enum, size_t N>
bool value_of(const std::array<std::pair<Enum, const char*>, N>& table, const std::string& name, Enum& out) {
    for (const auto& [v, n] : table)
        if (name == n) {
            out = v;
            return true;
        }
    return false;
}

}  // namespace

std::string to_string(LayerType type) { return name_of(kLayerTypes, type); }
std::string to_string(ActivationFn fn) { return name_of(kActivations, fn); }
bool parse_layer_type(const std::string& name, LayerType& out) { return value_of(kLayerTypes, name, out); }
bool parse_activation(const std::string& name, ActivationFn& out) { return value_of(kActivations, name, out); }

const std::vector<std::string>& initializer_names() {
    static const std::vector<std::string> names{"zeros",          "ones",         "constant",
                                                "random_normal",  "random_uniform", "glorot_uniform",
                                                "glorot_normal",  "he_normal",    "he_uniform",
                                                "lecun_normal"};
    return names;
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
        const std::string prefix = keras_name_prefix(layer.type);
        const int n = seen[prefix]++;
        names.push_back(n == 0 ? prefix : prefix + "_" + std::to_string(n));
    }
    return names;
}

}  // namespace mlpw
