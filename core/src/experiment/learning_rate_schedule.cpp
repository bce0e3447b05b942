// Keras 3's schedules (keras/src/optimizers/schedules/learning_rate_schedule.py), formula by formula.
#include "mlpw/experiment/learning_rate_schedule.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace mlpw {
namespace {

// Texts written out as MLPW_TRANSLATE_NOOP("ScheduleOption", ...): lupdate does not expand macros, so a shorter
// macro around it would hide them from the window's translation.
using S = LearningRateSchedule;

const std::vector<ScheduleOption> kOptions{
    {"initial_learning_rate", &S::initial_learning_rate, nullptr, 0.001f, Range::non_negative, false,
     MLPW_TRANSLATE_NOOP("ScheduleOption", "&Initial rate"),
     MLPW_TRANSLATE_NOOP("ScheduleOption", "The rate at step 0 (Keras initial_learning_rate)")},
    {"decay_steps", &S::decay_steps, nullptr, 1000.0f, Range::positive, true,
     MLPW_TRANSLATE_NOOP("ScheduleOption", "&Decay steps"),
     MLPW_TRANSLATE_NOOP("ScheduleOption", "Optimiser steps over which the rate decays (Keras decay_steps, > 0)")},
    {"decay_rate", &S::decay_rate, nullptr, 0.96f, Range::positive, false,
     MLPW_TRANSLATE_NOOP("ScheduleOption", "Decay &rate"),
     MLPW_TRANSLATE_NOOP("ScheduleOption", "Factor per decay_steps steps (Keras decay_rate)")},
    {"staircase", nullptr, &S::staircase, 0.0f, Range::any, false, MLPW_TRANSLATE_NOOP("ScheduleOption", "&Staircase"),
     MLPW_TRANSLATE_NOOP("ScheduleOption", "Decay in whole steps of decay_steps (Keras staircase, default off)")},
    {"alpha", &S::alpha, nullptr, 0.0f, Range::unit_interval, false, MLPW_TRANSLATE_NOOP("ScheduleOption", "&Alpha"),
     MLPW_TRANSLATE_NOOP("ScheduleOption",
                         "The final rate as a fraction of the decayed-from rate (Keras alpha, default 0)")},
    {"warmup_target", &S::warmup_target, nullptr, 0.0f, Range::non_negative, false,
     MLPW_TRANSLATE_NOOP("ScheduleOption", "&Warm-up target"),
     MLPW_TRANSLATE_NOOP(
         "ScheduleOption",
         "The rate reached by linear warm-up before the decay; 0 is no warm-up (Keras warmup_target=None)")},
    {"warmup_steps", &S::warmup_steps, nullptr, 0.0f, Range::non_negative, true,
     MLPW_TRANSLATE_NOOP("ScheduleOption", "Warm-up s&teps"),
     MLPW_TRANSLATE_NOOP("ScheduleOption", "Optimiser steps of the warm-up (Keras warmup_steps, default 0)")},
};

const std::vector<ScheduleInfo> kSchedules{
    {ScheduleType::exponential_decay,
     "exponential_decay",
     "ExponentialDecay",
     {"initial_learning_rate", "decay_steps", "decay_rate", "staircase"}},
    {ScheduleType::piecewise_constant_decay, "piecewise_constant_decay", "PiecewiseConstantDecay", {}},
    {ScheduleType::cosine_decay,
     "cosine_decay",
     "CosineDecay",
     {"initial_learning_rate", "decay_steps", "alpha", "warmup_target", "warmup_steps"}},
};

double cosine_decayed(double step, double decay_steps, double from, double alpha) {
    const double c = 0.5 * (1.0 + std::cos(std::numbers::pi * (step / decay_steps)));
    return from * ((1.0 - alpha) * c + alpha);
}

}  // namespace

double learning_rate_at(const LearningRateSchedule& s, int64_t step_count) {
    const auto step = static_cast<double>(step_count);
    const double initial = s.initial_learning_rate, decay_steps = s.decay_steps;
    switch (s.type) {
        case ScheduleType::constant: return initial;
        case ScheduleType::exponential_decay: {
            double p = step / decay_steps;
            if (s.staircase) p = std::floor(p);
            return initial * std::pow(double(s.decay_rate), p);
        }
        case ScheduleType::piecewise_constant_decay: {
            // values[i] for boundaries[i-1] < step <= boundaries[i]
            const auto i = static_cast<size_t>(std::lower_bound(s.boundaries.begin(), s.boundaries.end(), step) -
                                               s.boundaries.begin());
            return i < s.values.size() ? s.values[i] : 0.0;
        }
        case ScheduleType::cosine_decay: {
            if (!(s.warmup_target > 0.0f))
                return cosine_decayed(std::min(step, decay_steps), decay_steps, initial, s.alpha);
            const double warmup = s.warmup_steps, target = s.warmup_target;
            const double t = std::min(step, decay_steps + warmup);
            if (t < warmup) return (target - initial) * (t / warmup) + initial;
            return cosine_decayed(t - warmup, decay_steps, target, s.alpha);
        }
    }
    return initial;
}

const std::vector<ScheduleOption>& schedule_options() { return kOptions; }

const ScheduleOption& schedule_option(const std::string& key) {
    for (const auto& o : kOptions)
        if (key == o.key) return o;
    throw std::out_of_range("no schedule option " + key);
}

const std::vector<ScheduleInfo>& schedule_table() { return kSchedules; }

const ScheduleInfo& schedule_info(ScheduleType type) {
    for (const auto& info : kSchedules)
        if (info.type == type) return info;
    return kSchedules.front();
}

std::vector<std::string> schedule_names() {
    std::vector<std::string> names;
    for (const auto& info : kSchedules) names.emplace_back(info.name);
    return names;
}

bool parse_schedule_type(const std::string& name, ScheduleType& out) {
    for (const auto& info : kSchedules)
        if (name == info.name) {
            out = info.type;
            return true;
        }
    return false;
}

}  // namespace mlpw
