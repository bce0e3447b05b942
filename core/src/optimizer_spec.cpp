// Optimiser names and the tf.keras 2 default options of each optimiser.
#include "mlpw/optimizer_spec.h"

namespace mlpw {

std::string to_string(OptimizerType type) {
    switch (type) {
        case OptimizerType::sgd: return "sgd";
        case OptimizerType::adagrad: return "adagrad";
        case OptimizerType::rmsprop: return "rmsprop";
        case OptimizerType::adam: return "adam";
    }
    return "unknown";
}

bool parse_optimizer_type(const std::string& name, OptimizerType& out) {
    for (OptimizerType t : {OptimizerType::sgd, OptimizerType::adagrad, OptimizerType::rmsprop, OptimizerType::adam})
        if (name == to_string(t)) {
            out = t;
            return true;
        }
    return false;
}

// tf.keras 2: SGD(0.01, momentum=0, nesterov=False); Adagrad(0.001, initial_accumulator_value=0.1,
// epsilon=1e-7); RMSprop(0.001, rho=0.9, momentum=0, epsilon=1e-7, centered=False);
// Adam(0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False). The options of the other
// optimisers keep the struct's defaults, so specs of one type compare equal field by field.
OptimizerSpec defaults_for(OptimizerType type) {
    OptimizerSpec spec;
    spec.type = type;
    spec.learning_rate = type == OptimizerType::sgd ? 0.01f : 0.001f;
    spec.momentum = 0.0f;
    spec.nesterov = false;
    spec.initial_accumulator_value = 0.1f;
    spec.rho = 0.9f;
    spec.centered = false;
    spec.beta_1 = 0.9f;
    spec.beta_2 = 0.999f;
    spec.amsgrad = false;
    spec.epsilon = 1e-7f;
    spec.clipnorm = 0.0f;
    spec.clipvalue = 0.0f;
    return spec;
}

}  // namespace mlpw
