#pragma once
// An optimiser and its options, with the tf.keras 2 defaults, as one table (optimizer_table()) that the
// experiment reader, writer and validator and the window's optimiser panel iterate. The update rules are in
// optimizer.h. Adding an optimiser: its enum value, its row in optimizer_table() (optimizer_spec.cpp) and its
// update rule; adding an option: its field below, its row in optimizer_options() and its key in the rows of
// the optimisers that take it.
#include <string>
#include <vector>

#include "mlpw/experiment/learning_rate_schedule.h"
#include "mlpw/experiment/option_table.h"

namespace mlpw {

enum class OptimizerType { sgd, adagrad, rmsprop, adam, nadam, adamw };
std::string to_string(OptimizerType type);  // "sgd", "adagrad", "rmsprop", "adam", "nadam", "adamw"
bool parse_optimizer_type(const std::string& name, OptimizerType& out);

struct OptimizerSpec {
    OptimizerType type = OptimizerType::adam;
    float learning_rate = 0.001f;   // Keras default per type: sgd 0.01, others 0.001 (see defaults_for)
    LearningRateSchedule schedule;  // its type is not constant: the rate follows it, learning_rate is unused
    // sgd / rmsprop
    float momentum = 0.0f;
    bool nesterov = false;  // sgd
    // adagrad
    float initial_accumulator_value = 0.1f;
    // rmsprop
    float rho = 0.9f;
    bool centered = false;
    // adam, nadam, adamw
    float beta_1 = 0.9f, beta_2 = 0.999f;
    bool amsgrad = false;  // adam, adamw
    // adamw: decoupled weight decay, w -= lr * weight_decay * w before the Adam step (Keras 3 default 0.004)
    float weight_decay = 0.004f;
    // all but sgd
    float epsilon = 1e-7f;
    // all
    float clipnorm = 0.0f;   // 0: off. Clips each gradient tensor to this L2 norm (Keras clipnorm).
    float clipvalue = 0.0f;  // 0: off. Clips each gradient element to [-v, v].

    bool operator==(const OptimizerSpec&) const = default;
};

// One option: a number or a switch of OptimizerSpec, its Keras default and allowed values, and its texts.
struct OptimizerOption {
    const char* key;                         // the JSON key and Keras argument: "beta_1"
    float OptimizerSpec::*number = nullptr;  // the field, for a number
    bool OptimizerSpec::*flag = nullptr;     // the field, for a switch
    float default_value = 0.0f;              // Keras' (a switch: 0 = off); learning_rate's is per optimiser
    Range range = Range::any;
    bool zero_is_off = false;  // clipnorm, clipvalue: 0 means None in Keras
    const char* label = "";    // the window's label, '&' before the mnemonic: "Beta &1"
    const char* help = "";     // "Decay of the first-moment estimate (Keras beta_1, default 0.9)"
};
// Every option once, in the order the window lists them. Context of the texts: "OptimizerOption".
const std::vector<OptimizerOption>& optimizer_options();
const OptimizerOption& optimizer_option(const std::string& key);  // throws std::out_of_range for an unknown key

struct OptimizerInfo {
    OptimizerType type;
    const char* name;               // "rmsprop": the JSON name
    const char* keras_name;         // "RMSprop": the Keras class
    float learning_rate;            // its Keras default
    std::vector<std::string> keys;  // the options it takes, in file order (learning_rate first, clips last)
};
// Every optimiser, in OptimizerType's order.
const std::vector<OptimizerInfo>& optimizer_table();
const OptimizerInfo& optimizer_info(OptimizerType type);
std::vector<std::string> optimizer_names();  // "sgd", "adagrad", "rmsprop", "adam", "nadam", "adamw"

// The Keras defaults for one optimiser (e.g. SGD's learning rate is 0.01, Adam's 0.001).
OptimizerSpec defaults_for(OptimizerType type);

}  // namespace mlpw
