#pragma once
// The model part of an experiment: an ordered list of Keras-style layers with their options.
// Plain values only; validation lives in experiment.h, construction of the trainable network in network.h.
#include <optional>
#include <string>
#include <vector>

namespace mlpw {

enum class LayerType {
    dense,
    activation,
    leaky_relu,
    dropout,
    batch_normalization,
    flatten,
    // Augmentation (Keras' preprocessing layers, and Simard et al.'s elastic distortion): they transform the
    // image while training only and are identities at evaluation; they must come first, before flatten.
    random_translation,
    random_rotation,
    random_zoom,
    elastic_deformation
};
bool is_augmentation(LayerType type);

// Keras' fill_mode: how points outside the image are filled (constant: fill_value; nearest: the edge pixel;
// reflect: d c b a | a b c d | d c b a; wrap: a b c d | a b c d | a b c d).
enum class FillMode { reflect, wrap, constant, nearest };
std::string to_string(FillMode mode);
bool parse_fill_mode(const std::string& name, FillMode& out);
const std::vector<std::string>& fill_mode_names();
enum class ActivationFn { linear, relu, sigmoid, tanh, elu, leaky_relu, softmax };
// Keras initialisers (tf.keras 2): zeros, ones, constant(value 0), random_normal(mean 0, stddev 0.05),
// random_uniform(-0.05, 0.05), glorot_uniform, glorot_normal, he_normal, he_uniform, lecun_normal.
enum class InitializerType {
    zeros,
    ones,
    constant,
    random_normal,
    random_uniform,
    glorot_uniform,
    glorot_normal,
    he_normal,
    he_uniform,
    lecun_normal
};

// The layer types, as the reader, the writer, summary() and the layer editor name them.
struct LayerTypeInfo {
    LayerType type;
    const char* name;         // "leaky_relu": the JSON name
    const char* keras_class;  // "LeakyReLU": summary()'s "(type)" column and the editor's menu
    const char* name_prefix;  // "leaky_re_lu": Keras 2's automatic layer names (leaky_re_lu, leaky_re_lu_1...)
};
const std::vector<LayerTypeInfo>& layer_types();  // in LayerType's order
const LayerTypeInfo& layer_type_info(LayerType type);

// The names in files: "dense", "relu", "he_normal"... in the enums' order.
std::string to_string(LayerType type);
std::string to_string(ActivationFn fn);
std::string to_string(InitializerType type);
const std::vector<std::string>& layer_type_names();
const std::vector<std::string>& activation_names();
const std::vector<std::string>& initializer_names();
// Return false when the name is unknown.
bool parse_layer_type(const std::string& name, LayerType& out);
bool parse_activation(const std::string& name, ActivationFn& out);
bool parse_initializer(const std::string& name, InitializerType& out);

struct InitializerSpec {
    InitializerType type = InitializerType::glorot_uniform;
    float value = 0.0f;                     // constant
    float mean = 0.0f, stddev = 0.05f;      // random_normal
    float minval = -0.05f, maxval = 0.05f;  // random_uniform
    bool operator==(const InitializerSpec&) const = default;
};

// Keras kernel_regularizer: penalty l1 * sum|w| + l2 * sum w^2 added to the training loss.
struct RegularizerSpec {
    float l1 = 0.0f, l2 = 0.0f;
    bool active() const { return l1 != 0.0f || l2 != 0.0f; }
    bool operator==(const RegularizerSpec&) const = default;
};

// Keras kernel_constraint, applied to the kernel after every optimiser update (Keras 3's optimizer.apply):
// max_norm(max_value=2, axis=0): w * clip(n, 0, max_value) / (1e-7 + n); unit_norm(axis=0): w / (1e-7 + n);
// n the L2 norm over `axis` of the Keras kernel {inputs, units}: axis 0 is over each unit's inputs, axis 1 over
// each input's units. non_neg: w * (w >= 0).
enum class ConstraintType { none, max_norm, non_neg, unit_norm };
std::string to_string(ConstraintType type);
bool parse_constraint(const std::string& name, ConstraintType& out);
const std::vector<std::string>& constraint_names();  // "max_norm", "non_neg", "unit_norm"

struct ConstraintSpec {
    ConstraintType type = ConstraintType::none;
    float max_value = 2.0f;  // max_norm
    int axis = 0;            // max_norm, unit_norm: 0 or 1
    bool active() const { return type != ConstraintType::none; }
    bool operator==(const ConstraintSpec&) const = default;
};

struct LayerSpec {
    LayerType type = LayerType::dense;
    std::string name;  // empty: named as Keras does (dense, dense_1, ...)

    // dense
    int units = 0;
    bool use_bias = true;
    InitializerSpec kernel_initializer;
    InitializerSpec bias_initializer{InitializerType::zeros};
    RegularizerSpec kernel_regularizer;
    ConstraintSpec kernel_constraint;

    // dense's activation, or the function of an activation layer
    ActivationFn activation = ActivationFn::linear;
    float negative_slope = 0.3f;  // leaky_relu (Keras LeakyReLU default)
    float elu_alpha = 1.0f;       // elu

    // dropout
    float rate = 0.0f;

    // batch_normalization (Keras defaults)
    float momentum = 0.99f;
    float epsilon = 1e-3f;

    // augmentation. Factors as Keras: random_translation shifts by up to height_factor * rows and
    // width_factor * cols pixels (uniform in [-f, f]); random_rotation turns by up to factor * 2 pi
    // (counter-clockwise for positive angles); random_zoom scales by 1 + [-f, f] (positive: zoom out), the width
    // by its own width_factor or, when absent (Keras' None), by the height's draw (aspect kept).
    float height_factor = 0.0f;
    std::optional<float> width_factor;  // random_translation: required in files (absent in code: 0)
    float factor = 0.0f;                // random_rotation
    FillMode fill_mode = FillMode::reflect;
    float fill_value = 0.0f;  // constant fill, in the units of the normalised data
    // elastic_deformation (Simard, Steinkraus, Platt 2003): a displacement field of uniform(-1, 1) values per
    // pixel, smoothed by a Gaussian of sigma pixels, times alpha pixels; their MNIST values are sigma 4, alpha 34.
    float alpha = 34.0f;
    float sigma = 4.0f;

    bool operator==(const LayerSpec&) const = default;
};

struct ModelSpec {
    std::vector<LayerSpec> layers;
    std::string name = "sequential";  // Keras Sequential(name=...): shown by summary(), labels sweep variants
    bool operator==(const ModelSpec&) const = default;
};

// Keras-style automatic layer names: dense, dense_1, dropout, dense_2 ... (explicit names kept).
std::vector<std::string> layer_names(const ModelSpec& model);

}  // namespace mlpw
