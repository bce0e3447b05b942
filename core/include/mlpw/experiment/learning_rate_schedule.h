#pragma once
// Keras' learning-rate schedules (keras.optimizers.schedules): `learning_rate` may be an object
// {"type": "cosine_decay", "initial_learning_rate": 0.001, "decay_steps": 9380, ...} instead of a number.
// The step is the optimiser's iterations before the update (Keras: optimizer.learning_rate = schedule(iterations)).
// The schedules and their options are one table (schedule_table(), schedule_options()) that the experiment
// reader, writer and validator iterate, like the optimiser table.
#include <cstdint>
#include <string>
#include <vector>

#include "mlpw/experiment/option_table.h"

namespace mlpw {

enum class ScheduleType { constant, exponential_decay, piecewise_constant_decay, cosine_decay };

struct LearningRateSchedule {
    ScheduleType type = ScheduleType::constant;  // constant: the optimiser's learning_rate number
    float initial_learning_rate = 0.001f;        // exponential_decay, cosine_decay
    float decay_steps = 1000.0f;                 // a positive integer (Keras requires > 0)
    float decay_rate = 0.96f;                    // exponential_decay
    bool staircase = false;                      // exponential_decay: floor(step / decay_steps)
    float alpha = 0.0f;                          // cosine_decay: the floor, a fraction of the decayed-from rate
    float warmup_target = 0.0f;                  // cosine_decay: 0 is Keras' None (no warm-up)
    float warmup_steps = 0.0f;                   // cosine_decay: a non-negative integer
    std::vector<double> boundaries;              // piecewise_constant_decay: strictly increasing steps
    std::vector<float> values;                   // piecewise_constant_decay: one more than boundaries
    bool operator==(const LearningRateSchedule&) const = default;
};

// The rate at optimiser step `step` (0 for the first update), in double as Keras computes it from Python floats:
//   exponential_decay:        initial * decay_rate ^ (step / decay_steps)   (staircase: floor of the exponent)
//   piecewise_constant_decay: values[0] while step <= boundaries[0], ..., values[n] after boundaries[n-1]
//   cosine_decay:             with warmup_target > 0, linear from initial to warmup_target over warmup_steps;
//                             then from warmup_target (else initial) times (1 - alpha) * c + alpha,
//                             c = (1 + cos(pi * min(s, decay_steps) / decay_steps)) / 2, s = step - warmup_steps.
double learning_rate_at(const LearningRateSchedule& schedule, int64_t step);

// One number or switch of a schedule.
struct ScheduleOption {
    const char* key;
    float LearningRateSchedule::*number = nullptr;
    bool LearningRateSchedule::*flag = nullptr;
    float default_value = 0.0f;
    Range range = Range::any;
    bool integer = false;  // decay_steps, warmup_steps: whole numbers
    const char* label = "";
    const char* help = "";
};
const std::vector<ScheduleOption>& schedule_options();  // context of the texts: "ScheduleOption"
const ScheduleOption& schedule_option(const std::string& key);

struct ScheduleInfo {
    ScheduleType type;
    const char* name;               // "cosine_decay": the JSON name
    const char* keras_name;         // "CosineDecay"
    std::vector<std::string> keys;  // its number and switch options in file order (boundaries/values aside)
};
const std::vector<ScheduleInfo>& schedule_table();  // the schedules (not constant), in ScheduleType's order
const ScheduleInfo& schedule_info(ScheduleType type);
std::vector<std::string> schedule_names();
bool parse_schedule_type(const std::string& name, ScheduleType& out);

}  // namespace mlpw
