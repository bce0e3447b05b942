#pragma once
// The options of the layer types that the layer table's columns do not show: a Dense layer's kernel_constraint
// and the augmentation layers' factors, fill and distortion. One table (layer_options()) that the window's layer
// options panel iterates: the options a layer takes are the rows whose applies() holds for it.
// Texts are marked for Qt's lupdate (option_table.h), context "LayerOption".
#include <optional>
#include <string>
#include <vector>

#include "mlpw/experiment/model_spec.h"
#include "mlpw/experiment/option_table.h"

namespace mlpw {

struct LayerOption {
    const char* key;                         // the path inside the layer: "height_factor", "kernel_constraint.axis"
    bool (*applies)(const LayerSpec&);       // whether this layer takes the option (its type, its constraint)
    float* (*number)(LayerSpec&) = nullptr;  // a number
    std::optional<float>* (*optional)(LayerSpec&) = nullptr;  // a number that may be absent (Keras None)
    int (*choice)(const LayerSpec&) = nullptr;                // a name from choices(): its index
    void (*choose)(LayerSpec&, int) = nullptr;
    std::vector<std::string> (*choices)() = nullptr;
    float default_value = 0.0f;  // a new layer's value (Keras requires the factors: these are starting points)
    const char* label = "";
    const char* help = "";
};
const std::vector<LayerOption>& layer_options();  // in the order the panel lists them

// A new layer of `type` with its options at the table's defaults (LayerSpec's for the others).
LayerSpec layer_with_option_defaults(LayerType type);

// "none", then constraint_names(): ConstraintType's order.
std::vector<std::string> constraint_choices();

}  // namespace mlpw
