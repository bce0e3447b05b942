#pragma once
// The options of the layer types that the layer table's columns do not show: a Dense layer's kernel_constraint
// and the augmentation layers' factors, fill and distortion. One table (layer_options()) that the experiment
// reader, writer and validator and the window's layer options panel iterate: the options a layer takes are the
// rows whose applies() holds for it. Adding an option: its field in LayerSpec and its row in layer_options.cpp.
// Texts are marked for Qt's lupdate (option_table.h), context "LayerOption".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mlpw/experiment/model_spec.h"
#include "mlpw/experiment/option_table.h"

namespace mlpw {

// How an option stands in the layer's JSON object.
enum class LayerOptionShape {
    value,  // the number, or the choice's name: "fill_mode": "constant"
    index,  // a choice written as its index: "axis": 1
    // A choice written as null for its first choice (Keras' None), as its bare name when none of its nested
    // options applies ("non_neg"), else as {"type": name, <nested options>}: kernel_constraint, whose nested
    // options are the rows keyed "kernel_constraint.<key>". A bare name of a choice with nested options reads
    // as that choice with their defaults ("max_norm").
    typed_object,
};

struct LayerOption {
    const char* key;                         // the path inside the layer: "height_factor", "kernel_constraint.axis"
    bool (*applies)(const LayerSpec&);       // whether this layer takes the option (its type, its constraint)
    float* (*number)(LayerSpec&) = nullptr;  // a number
    std::optional<float>* (*optional)(LayerSpec&) = nullptr;  // a number that may be absent (Keras None): null
    int (*choice)(const LayerSpec&) = nullptr;                // a name from choices(): its index
    void (*choose)(LayerSpec&, int) = nullptr;
    std::vector<std::string> (*choices)() = nullptr;
    float default_value = 0.0f;  // a new layer's value (Keras requires the factors: these are starting points)
    const char* label = "";
    const char* help = "";
    LayerOptionShape shape = LayerOptionShape::value;
    // Files must give it (Keras has no default): what the message asks for, "a number". Written in every form.
    // Others are written in the compact form only when they differ from LayerSpec's value.
    const char* required = nullptr;
    Interval allowed{};     // a number's values (the validator's rule)
    const char* rule = "";  // an index outside choices(): the validator's message, "must be 0 (...) or 1 (...)"
};
const std::vector<LayerOption>& layer_options();  // in the order the panel lists them and files write them

// "kernel_constraint.axis" -> "kernel_constraint" (the option it is nested in) and "axis" (its key there);
// "fill_mode" -> "" and "fill_mode".
std::string_view option_parent(const LayerOption& option);
std::string_view option_key(const LayerOption& option);

// A new layer of `type` with its options at the table's defaults (LayerSpec's for the others).
LayerSpec layer_with_option_defaults(LayerType type);

// "none", then constraint_names(): ConstraintType's order.
std::vector<std::string> constraint_choices();

}  // namespace mlpw
