// The layer options table: kernel_constraint of Dense, and the augmentation layers' options (Keras'
// RandomTranslation, RandomRotation, RandomZoom; Simard et al.'s elastic deformation).
#include "mlpw/experiment/layer_options.h"

namespace mlpw {
namespace {

using L = LayerSpec;
using T = LayerType;

bool dense(const L& l) { return l.type == T::dense; }
bool constrained_by_norm(const L& l) {
    return dense(l) &&
        (l.kernel_constraint.type == ConstraintType::max_norm || l.kernel_constraint.type == ConstraintType::unit_norm);
}
bool filled(const L& l) {
    return l.type == T::random_translation || l.type == T::random_rotation || l.type == T::random_zoom;
}

std::vector<std::string> axis_choices() { return {"0", "1"}; }
std::vector<std::string> fill_choices() { return fill_mode_names(); }

const char* const kWidthLabel = MLPW_TRANSLATE_NOOP("LayerOption", "&Width factor");

// Keras' ranges: translation factors in [0, 1] (a fraction of the side), zoom factors in [0, 1) (1 + f > 0),
// rotation in [0, 0.5] (half a turn either way).
const Interval kFraction{0.0f, 1.0f, false, false, " (a fraction of the image)"};
const Interval kZoom{0.0f, 1.0f, false, true, " (zoom by 1 + [-f, f])"};

// RandomTranslation's and RandomZoom's height_factor: the same row but for the layer and the range.
LayerOption height_factor(bool (*applies)(const L&), const Interval& allowed) {
    return {.key = "height_factor",
            .applies = applies,
            .number = [](L& l) { return &l.height_factor; },
            .default_value = 0.1f,
            .label = MLPW_TRANSLATE_NOOP("LayerOption", "&Height factor"),
            .help = MLPW_TRANSLATE_NOOP("LayerOption",
                                        "RandomTranslation: shift by up to this fraction of the rows; RandomZoom: "
                                        "scale by 1 + [-f, f] (Keras height_factor)"),
            .required = "a number",
            .allowed = allowed};
}

// Texts are written out as MLPW_TRANSLATE_NOOP("LayerOption", ...) so that lupdate sees them. RandomTranslation
// and RandomZoom have a row each for their factors: the same key with its own range and requirement.
const std::vector<LayerOption> kOptions{
    {.key = "kernel_constraint",
     .applies = dense,
     .choice = [](const L& l) { return int(l.kernel_constraint.type); },
     .choose = [](L& l, int i) { l.kernel_constraint.type = ConstraintType(i); },
     .choices = constraint_choices,
     .label = MLPW_TRANSLATE_NOOP("LayerOption", "Kernel &constraint"),
     .help = MLPW_TRANSLATE_NOOP("LayerOption",
                                 "Applied to the kernel after every update (Keras kernel_constraint, default None): "
                                 "max_norm caps each unit's weight norm, unit_norm sets it to 1, non_neg zeroes "
                                 "negative weights"),
     .shape = LayerOptionShape::typed_object},
    {.key = "kernel_constraint.max_value",
     .applies = [](const L& l) { return dense(l) && l.kernel_constraint.type == ConstraintType::max_norm; },
     .number = [](L& l) { return &l.kernel_constraint.max_value; },
     .default_value = 2.0f,
     .label = MLPW_TRANSLATE_NOOP("LayerOption", "Max &norm"),
     .help = MLPW_TRANSLATE_NOOP("LayerOption", "The largest L2 norm allowed (Keras MaxNorm(max_value), default 2)"),
     .allowed = {.low = 0.0f, .low_open = true}},
    {.key = "kernel_constraint.axis",
     .applies = constrained_by_norm,
     .choice = [](const L& l) { return l.kernel_constraint.axis; },
     .choose = [](L& l, int i) { l.kernel_constraint.axis = i; },
     .choices = axis_choices,
     .label = MLPW_TRANSLATE_NOOP("LayerOption", "Norm a&xis"),
     .help = MLPW_TRANSLATE_NOOP("LayerOption",
                                 "0: the norm over each unit's inputs; 1: over each input's units (Keras axis, "
                                 "default 0)"),
     .shape = LayerOptionShape::index,
     .rule = "must be 0 (over each unit's inputs) or 1 (over each input's units)"},
    height_factor([](const L& l) { return l.type == T::random_translation; }, kFraction),
    height_factor([](const L& l) { return l.type == T::random_zoom; }, kZoom),
    {.key = "width_factor",
     .applies = [](const L& l) { return l.type == T::random_translation; },
     .number = [](L& l) { return &l.width_factor.emplace(l.width_factor.value_or(0.0f)); },
     .default_value = 0.1f,
     .label = kWidthLabel,
     .help = MLPW_TRANSLATE_NOOP("LayerOption", "Shift by up to this fraction of the columns (Keras width_factor)"),
     .required = "a number",
     .allowed = kFraction},
    {.key = "width_factor",
     .applies = [](const L& l) { return l.type == T::random_zoom; },
     .optional = [](L& l) { return &l.width_factor; },
     .label = kWidthLabel,
     .help = MLPW_TRANSLATE_NOOP("LayerOption",
                                 "Scale the width by 1 + [-f, f]; empty: the height's draw, keeping the aspect "
                                 "(Keras width_factor=None, the default)"),
     .allowed = kZoom},
    {.key = "factor",
     .applies = [](const L& l) { return l.type == T::random_rotation; },
     .number = [](L& l) { return &l.factor; },
     .default_value = 0.05f,
     .label = MLPW_TRANSLATE_NOOP("LayerOption", "&Factor"),
     .help = MLPW_TRANSLATE_NOOP("LayerOption",
                                 "Turn by up to this fraction of a full turn, 0.05 being 18 degrees (Keras factor)"),
     .required = "a number (a fraction of a full turn)",
     .allowed = {0.0f, 0.5f, false, false, " (a fraction of a full turn)"}},
    {.key = "fill_mode",
     .applies = filled,
     .choice = [](const L& l) { return int(l.fill_mode); },
     .choose = [](L& l, int i) { l.fill_mode = FillMode(i); },
     .choices = fill_choices,
     .label = MLPW_TRANSLATE_NOOP("LayerOption", "Fill &mode"),
     .help = MLPW_TRANSLATE_NOOP("LayerOption",
                                 "How points outside the image are filled: reflect, wrap, constant (fill value) or "
                                 "nearest (Keras fill_mode, default \"reflect\")")},
    {.key = "fill_value",
     .applies = filled,
     .number = [](L& l) { return &l.fill_value; },
     .label = MLPW_TRANSLATE_NOOP("LayerOption", "Fill &value"),
     .help = MLPW_TRANSLATE_NOOP(
         "LayerOption",
         "The value of the constant fill, in the normalised data's units (Keras fill_value, default 0)")},
    {.key = "alpha",
     .applies = [](const L& l) { return l.type == T::elastic_deformation; },
     .number = [](L& l) { return &l.alpha; },
     .default_value = 34.0f,
     .label = MLPW_TRANSLATE_NOOP("LayerOption", "&Alpha"),
     .help = MLPW_TRANSLATE_NOOP("LayerOption", "The displacement's scale in pixels (Simard et al.: 34 for MNIST)"),
     .allowed = {.low = 0.0f}},
    {.key = "sigma",
     .applies = [](const L& l) { return l.type == T::elastic_deformation; },
     .number = [](L& l) { return &l.sigma; },
     .default_value = 4.0f,
     .label = MLPW_TRANSLATE_NOOP("LayerOption", "&Sigma"),
     .help = MLPW_TRANSLATE_NOOP("LayerOption",
                                 "The smoothing Gaussian's width in pixels, in (0, 16] (Simard et al.: 4 for MNIST)"),
     .allowed = {0.0f, 16.0f, true, false, " pixels"}},
};

}  // namespace

const std::vector<LayerOption>& layer_options() { return kOptions; }

std::string_view option_parent(const LayerOption& option) {
    const std::string_view key = option.key;
    const size_t dot = key.rfind('.');
    return dot == std::string_view::npos ? std::string_view() : key.substr(0, dot);
}

std::string_view option_key(const LayerOption& option) {
    const std::string_view key = option.key;
    const size_t dot = key.rfind('.');
    return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

std::vector<std::string> constraint_choices() {
    std::vector<std::string> names{"none"};
    for (const auto& n : constraint_names()) names.push_back(n);
    return names;
}

LayerSpec layer_with_option_defaults(LayerType type) {
    LayerSpec layer;
    layer.type = type;
    for (const auto& o : kOptions) {
        if (!o.applies(layer)) continue;
        if (o.number) *o.number(layer) = o.default_value;
        if (o.choose) o.choose(layer, int(o.default_value));
    }
    return layer;
}

}  // namespace mlpw
