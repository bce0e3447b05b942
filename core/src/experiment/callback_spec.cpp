// The callback tables: types with their options, monitors and modes (Keras spells them the same).
#include "mlpw/experiment/callback_spec.h"

namespace mlpw {

template <>
const CallbackType<EarlyStoppingSpec>& callback_type<EarlyStoppingSpec>() {
    using S = EarlyStoppingSpec;
    static const CallbackType<S> type{
        "early_stopping",
        "EarlyStopping",
        &CallbackSpecs::early_stopping,
        {{.key = "monitor", .text = &S::monitor},
         {.key = "min_delta", .number = &S::min_delta, .range = Range::non_negative},
         {.key = "patience", .integer = &S::patience, .range = Range::non_negative},
         {.key = "mode", .text = &S::mode},
         {.key = "baseline", .number = &S::baseline, .given = &S::has_baseline},
         {.key = "restore_best_weights", .flag = &S::restore_best_weights},
         {.key = "start_from_epoch", .integer = &S::start_from_epoch, .range = Range::non_negative}}};
    return type;
}

template <>
const CallbackType<ThresholdEarlyStoppingSpec>& callback_type<ThresholdEarlyStoppingSpec>() {
    using S = ThresholdEarlyStoppingSpec;
    static const CallbackType<S> type{"early_stopping_threshold",
                                      "ThresholdEarlyStopping",
                                      &CallbackSpecs::early_stopping_threshold,
                                      {{.key = "monitor", .text = &S::monitor},
                                       {.key = "threshold", .number = &S::threshold},
                                       {.key = "min_delta", .number = &S::min_delta, .range = Range::non_negative},
                                       {.key = "patience", .integer = &S::patience, .range = Range::non_negative},
                                       {.key = "mode", .text = &S::mode},
                                       {.key = "restore_best_weights", .flag = &S::restore_best_weights}}};
    return type;
}

template <>
const CallbackType<StopAtSpec>& callback_type<StopAtSpec>() {
    using S = StopAtSpec;
    static const CallbackType<S> type{"stop_at",
                                      "StopAt",
                                      &CallbackSpecs::stop_at,
                                      {{.key = "monitor", .text = &S::monitor},
                                       {.key = "value", .number = &S::value},
                                       {.key = "mode", .text = &S::mode}}};
    return type;
}

template <>
const CallbackType<ModelCheckpointSpec>& callback_type<ModelCheckpointSpec>() {
    using S = ModelCheckpointSpec;
    static const CallbackType<S> type{"model_checkpoint",
                                      "ModelCheckpoint",
                                      &CallbackSpecs::model_checkpoint,
                                      {{.key = "filepath", .text = &S::filepath},
                                       {.key = "monitor", .text = &S::monitor},
                                       {.key = "save_best_only", .flag = &S::save_best_only},
                                       {.key = "mode", .text = &S::mode}}};
    return type;
}

template <>
const CallbackType<ReduceLROnPlateauSpec>& callback_type<ReduceLROnPlateauSpec>() {
    using S = ReduceLROnPlateauSpec;
    static const CallbackType<S> type{"reduce_lr_on_plateau",
                                      "ReduceLROnPlateau",
                                      &CallbackSpecs::reduce_lr_on_plateau,
                                      {{.key = "monitor", .text = &S::monitor},
                                       {.key = "factor", .number = &S::factor},  // (0, 1): checked by hand
                                       {.key = "patience", .integer = &S::patience, .range = Range::non_negative},
                                       {.key = "mode", .text = &S::mode},
                                       {.key = "min_delta", .number = &S::min_delta, .range = Range::non_negative},
                                       {.key = "cooldown", .integer = &S::cooldown, .range = Range::non_negative},
                                       {.key = "min_lr", .number = &S::min_lr, .range = Range::non_negative}}};
    return type;
}

template <>
const CallbackType<LearningRateSchedulerSpec>& callback_type<LearningRateSchedulerSpec>() {
    // Its one option, "schedule", is an expression or a table: read, written and checked by hand.
    static const CallbackType<LearningRateSchedulerSpec> type{
        "learning_rate_scheduler", "LearningRateScheduler", &CallbackSpecs::learning_rate_scheduler, {}};
    return type;
}

const std::vector<std::string>& callback_type_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for_each_callback_type([&out](const auto& type) { out.emplace_back(type.name); });
        return out;
    }();
    return names;
}

const std::vector<std::string>& monitor_names() {
    static const std::vector<std::string> names{"loss", "accuracy", "val_loss", "val_accuracy"};
    return names;
}

const std::vector<std::string>& mode_names() {
    static const std::vector<std::string> names{"auto", "min", "max"};
    return names;
}

}  // namespace mlpw
