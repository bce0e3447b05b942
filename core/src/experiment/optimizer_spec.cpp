// The optimiser table: tf.keras 2's optimisers, their options and defaults.
#include "mlpw/experiment/optimizer_spec.h"

#include <algorithm>
#include <stdexcept>

namespace mlpw {
namespace {

// Labels and help texts are written out as MLPW_TRANSLATE_NOOP("OptimizerOption", ...): lupdate does not expand
// macros, so a shorter macro around it would hide them from the translation.
// tf.keras 2: SGD(0.01, momentum=0, nesterov=False); Adagrad(0.001, initial_accumulator_value=0.1,
// epsilon=1e-7); RMSprop(0.001, rho=0.9, momentum=0, epsilon=1e-7, centered=False);
// Adam(0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False); clipnorm=clipvalue=None for all.
// Keras 3: Nadam(0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7); AdamW(0.001, weight_decay=0.004, beta_1=0.9,
// beta_2=0.999, epsilon=1e-7, amsgrad=False).
const std::vector<OptimizerOption> kOptions{
    {"learning_rate", &OptimizerSpec::learning_rate, nullptr, 0.001f, Range::positive, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "&Learning rate"),
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Step size (Keras learning_rate; SGD 0.01, the others 0.001)")},
    {"momentum", &OptimizerSpec::momentum, nullptr, 0.0f, Range::unit_interval, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "&Momentum"),
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Velocity kept from the previous step (Keras momentum, default 0)")},
    {"nesterov", nullptr, &OptimizerSpec::nesterov, 0.0f, Range::any, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "&Nesterov"),
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Nesterov's look-ahead momentum (Keras nesterov, default off)")},
    {"initial_accumulator_value", &OptimizerSpec::initial_accumulator_value, nullptr, 0.1f, Range::non_negative, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Initial accumulator"),
     MLPW_TRANSLATE_NOOP("OptimizerOption",
                         "Starting value of the squared-gradient sums (Keras initial_accumulator_value, default 0.1)")},
    {"rho", &OptimizerSpec::rho, nullptr, 0.9f, Range::unit_interval, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "&Rho"),
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Decay of the squared-gradient average (Keras rho, default 0.9)")},
    {"centered", nullptr, &OptimizerSpec::centered, 0.0f, Range::any, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "&Centered"),
     MLPW_TRANSLATE_NOOP("OptimizerOption",
                         "Normalise by the gradient's variance, not its second moment (Keras centered, default off)")},
    {"beta_1", &OptimizerSpec::beta_1, nullptr, 0.9f, Range::unit_interval, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Beta &1"),
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Decay of the first-moment estimate (Keras beta_1, default 0.9)")},
    {"beta_2", &OptimizerSpec::beta_2, nullptr, 0.999f, Range::unit_interval, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Beta &2"),
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Decay of the second-moment estimate (Keras beta_2, default 0.999)")},
    {"amsgrad", nullptr, &OptimizerSpec::amsgrad, 0.0f, Range::any, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "AMS&Grad"),
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Use the maximum of past second moments (Keras amsgrad, default off)")},
    {"weight_decay", &OptimizerSpec::weight_decay, nullptr, 0.004f, Range::non_negative, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "&Weight decay"),
     MLPW_TRANSLATE_NOOP("OptimizerOption",
                         "Decoupled weight decay: w -= learning_rate * weight_decay * w at each step, "
                         "biases included (Keras AdamW weight_decay, default 0.004)")},
    {"epsilon", &OptimizerSpec::epsilon, nullptr, 1e-7f, Range::positive, false,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "&Epsilon"),
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Added to the denominator for stability (Keras epsilon, default 1e-07)")},
    {"clipnorm", &OptimizerSpec::clipnorm, nullptr, 0.0f, Range::non_negative, true,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Clip &norm"),
     MLPW_TRANSLATE_NOOP("OptimizerOption",
                         "Clip each gradient tensor to this L2 norm; 0 is off (Keras clipnorm, default None)")},
    {"clipvalue", &OptimizerSpec::clipvalue, nullptr, 0.0f, Range::non_negative, true,
     MLPW_TRANSLATE_NOOP("OptimizerOption", "Clip &value"),
     MLPW_TRANSLATE_NOOP("OptimizerOption",
                         "Clip each gradient element to [-v, v]; 0 is off (Keras clipvalue, default None)")},
};

const std::vector<OptimizerInfo> kOptimizers{
    {OptimizerType::sgd, "sgd", "SGD", 0.01f, {"learning_rate", "momentum", "nesterov", "clipnorm", "clipvalue"}},
    {OptimizerType::adagrad,
     "adagrad",
     "Adagrad",
     0.001f,
     {"learning_rate", "initial_accumulator_value", "epsilon", "clipnorm", "clipvalue"}},
    {OptimizerType::rmsprop,
     "rmsprop",
     "RMSprop",
     0.001f,
     {"learning_rate", "rho", "momentum", "epsilon", "centered", "clipnorm", "clipvalue"}},
    {OptimizerType::adam,
     "adam",
     "Adam",
     0.001f,
     {"learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad", "clipnorm", "clipvalue"}},
    {OptimizerType::nadam,
     "nadam",
     "Nadam",
     0.001f,
     {"learning_rate", "beta_1", "beta_2", "epsilon", "clipnorm", "clipvalue"}},
    {OptimizerType::adamw,
     "adamw",
     "AdamW",
     0.001f,
     {"learning_rate", "weight_decay", "beta_1", "beta_2", "epsilon", "amsgrad", "clipnorm", "clipvalue"}},
};

}  // namespace

const std::vector<OptimizerOption>& optimizer_options() { return kOptions; }

const OptimizerOption& optimizer_option(const std::string& key) {
    for (const auto& o : kOptions)
        if (key == o.key) return o;
    throw std::out_of_range("no optimizer option " + key);
}

const std::vector<OptimizerInfo>& optimizer_table() { return kOptimizers; }

const OptimizerInfo& optimizer_info(OptimizerType type) {
    for (const auto& info : kOptimizers)
        if (info.type == type) return info;
    return kOptimizers.back();
}

std::vector<std::string> optimizer_names() {
    std::vector<std::string> names;
    for (const auto& info : kOptimizers) names.emplace_back(info.name);
    return names;
}

std::string to_string(OptimizerType type) { return optimizer_info(type).name; }

bool parse_optimizer_type(const std::string& name, OptimizerType& out) {
    for (const auto& info : kOptimizers)
        if (name == info.name) {
            out = info.type;
            return true;
        }
    return false;
}

// Every option at its Keras default, learning_rate at this optimiser's; the options of the other optimisers
// keep their defaults too, so specs of one type compare equal field by field.
OptimizerSpec defaults_for(OptimizerType type) {
    OptimizerSpec spec;
    spec.type = type;
    for (const auto& o : kOptions) {
        if (o.number) spec.*o.number = o.default_value;
        if (o.flag) spec.*o.flag = o.default_value != 0.0f;
    }
    spec.learning_rate = optimizer_info(type).learning_rate;
    return spec;
}

}  // namespace mlpw
