#pragma once
// An optimiser and its options, with the tf.keras 2 defaults. The update rules are in optimizer.h.
#include <string>

namespace mlpw {

enum class OptimizerType { sgd, adagrad, rmsprop, adam };
std::string to_string(OptimizerType type);       // "sgd", "adagrad", "rmsprop", "adam"
bool parse_optimizer_type(const std::string& name, OptimizerType& out);

struct OptimizerSpec {
    OptimizerType type = OptimizerType::adam;
    float learning_rate = 0.001f;  // Keras default per type: sgd 0.01, others 0.001 (see defaults_for)
    // sgd / rmsprop
    float momentum = 0.0f;
    bool nesterov = false;                  // sgd
    // adagrad
    float initial_accumulator_value = 0.1f;
    // rmsprop
    float rho = 0.9f;
    bool centered = false;
    // adam
    float beta_1 = 0.9f, beta_2 = 0.999f;
    bool amsgrad = false;
    // all
    float epsilon = 1e-7f;
    float clipnorm = 0.0f;   // 0: off. Clips each gradient tensor to this L2 norm (Keras clipnorm).
    float clipvalue = 0.0f;  // 0: off. Clips each gradient element to [-v, v].

    bool operator==(const OptimizerSpec&) const = default;
};

// The Keras defaults for one optimiser (e.g. SGD's learning rate is 0.01, Adam's 0.001).
OptimizerSpec defaults_for(OptimizerType type);

}  // namespace mlpw
