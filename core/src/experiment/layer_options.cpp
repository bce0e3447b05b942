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
bool has_height(const L& l) { return l.type == T::random_translation || l.type == T::random_zoom; }

std::vector<std::string> axis_choices() { return {"0", "1"}; }
std::vector<std::string> fill_choices() { return fill_mode_names(); }

// Texts are written out as MLPW_TRANSLATE_NOOP("LayerOption", ...) so that lupdate sees them.
const std::vector<LayerOption> kOptions{
    {"kernel_constraint", dense, nullptr, nullptr, [](const L& l) { return int(l.kernel_constraint.type); },
     [](L& l, int i) { l.kernel_constraint.type = ConstraintType(i); }, constraint_choices, 0.0f,
     MLPW_TRANSLATE_NOOP("LayerOption", "Kernel &constraint"),
     MLPW_TRANSLATE_NOOP("LayerOption",
                         "Applied to the kernel after every update (Keras kernel_constraint, default None): max_norm "
                         "caps each unit's weight norm, unit_norm sets it to 1, non_neg zeroes negative weights")},
    {"kernel_constraint.max_value",
     [](const L& l) { return dense(l) && l.kernel_constraint.type == ConstraintType::max_norm; },
     [](L& l) { return &l.kernel_constraint.max_value; }, nullptr, nullptr, nullptr, nullptr, 2.0f,
     MLPW_TRANSLATE_NOOP("LayerOption", "Max &norm"),
     MLPW_TRANSLATE_NOOP("LayerOption", "The largest L2 norm allowed (Keras MaxNorm(max_value), default 2)")},
    {"kernel_constraint.axis", constrained_by_norm, nullptr, nullptr,
     [](const L& l) { return l.kernel_constraint.axis; }, [](L& l, int i) { l.kernel_constraint.axis = i; },
     axis_choices, 0.0f, MLPW_TRANSLATE_NOOP("LayerOption", "Norm a&xis"),
     MLPW_TRANSLATE_NOOP("LayerOption",
                         "0: the norm over each unit's inputs; 1: over each input's units (Keras axis, default 0)")},
    {"height_factor", has_height, [](L& l) { return &l.height_factor; }, nullptr, nullptr, nullptr, nullptr, 0.1f,
     MLPW_TRANSLATE_NOOP("LayerOption", "&Height factor"),
     MLPW_TRANSLATE_NOOP("LayerOption",
                         "RandomTranslation: shift by up to this fraction of the rows; RandomZoom: scale by "
                         "1 + [-f, f] (Keras height_factor)")},
    {"width_factor", [](const L& l) { return l.type == T::random_translation; },
     [](L& l) { return &l.width_factor.emplace(l.width_factor.value_or(0.0f)); }, nullptr, nullptr, nullptr, nullptr,
     0.1f, MLPW_TRANSLATE_NOOP("LayerOption", "&Width factor"),
     MLPW_TRANSLATE_NOOP("LayerOption", "Shift by up to this fraction of the columns (Keras width_factor)")},
    {"width_factor", [](const L& l) { return l.type == T::random_zoom; }, nullptr, [](L& l) { return &l.width_factor; },
     nullptr, nullptr, nullptr, 0.0f, MLPW_TRANSLATE_NOOP("LayerOption", "&Width factor"),
     MLPW_TRANSLATE_NOOP("LayerOption",
                         "Scale the width by 1 + [-f, f]; empty: the height's draw, keeping the aspect "
                         "(Keras width_factor=None, the default)")},
    {"factor", [](const L& l) { return l.type == T::random_rotation; }, [](L& l) { return &l.factor; }, nullptr,
     nullptr, nullptr, nullptr, 0.05f, MLPW_TRANSLATE_NOOP("LayerOption", "&Factor"),
     MLPW_TRANSLATE_NOOP("LayerOption",
                         "Turn by up to this fraction of a full turn, 0.05 being 18 degrees (Keras factor)")},
    {"fill_mode", filled, nullptr, nullptr, [](const L& l) { return int(l.fill_mode); },
     [](L& l, int i) { l.fill_mode = FillMode(i); }, fill_choices, 0.0f,
     MLPW_TRANSLATE_NOOP("LayerOption", "Fill &mode"),
     MLPW_TRANSLATE_NOOP("LayerOption",
                         "How points outside the image are filled: reflect, wrap, constant (fill value) or nearest "
                         "(Keras fill_mode, default \"reflect\")")},
    {"fill_value", filled, [](L& l) { return &l.fill_value; }, nullptr, nullptr, nullptr, nullptr, 0.0f,
     MLPW_TRANSLATE_NOOP("LayerOption", "Fill &value"),
     MLPW_TRANSLATE_NOOP(
         "LayerOption",
         "The value of the constant fill, in the normalised data's units (Keras fill_value, default 0)")},
    {"alpha", [](const L& l) { return l.type == T::elastic_deformation; }, [](L& l) { return &l.alpha; }, nullptr,
     nullptr, nullptr, nullptr, 34.0f, MLPW_TRANSLATE_NOOP("LayerOption", "&Alpha"),
     MLPW_TRANSLATE_NOOP("LayerOption", "The displacement's scale in pixels (Simard et al.: 34 for MNIST)")},
    {"sigma", [](const L& l) { return l.type == T::elastic_deformation; }, [](L& l) { return &l.sigma; }, nullptr,
     nullptr, nullptr, nullptr, 4.0f, MLPW_TRANSLATE_NOOP("LayerOption", "&Sigma"),
     MLPW_TRANSLATE_NOOP("LayerOption",
                         "The smoothing Gaussian's width in pixels, in (0, 16] (Simard et al.: 4 for MNIST)")},
};

}  // namespace

const std::vector<LayerOption>& layer_options() { return kOptions; }

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
