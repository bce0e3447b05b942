// The callback tables: types with their options, monitors and modes (Keras spells them the same).
#include "mlpw/experiment/callback_spec.h"

namespace mlpw {

namespace {

// Texts that several callbacks share. Written out as MLPW_TRANSLATE_NOOP("CallbacksPanel", ...) so that lupdate
// sees them (context: the panel that shows them).
const char* const kMonitor = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Monitor");
const char* const kMode = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Mode");
const char* const kModeHelp = MLPW_TRANSLATE_NOOP(
    "CallbacksPanel",
    "Whether lower or higher is better (Keras mode, default \"auto\": min for losses, max for accuracies)");
const char* const kValLossHelp =
    MLPW_TRANSLATE_NOOP("CallbacksPanel", "The value to watch (Keras monitor, default \"val_loss\")");
const char* const kMinDelta = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Min delta");
const char* const kMinDeltaHelp =
    MLPW_TRANSLATE_NOOP("CallbacksPanel", "Smallest change that counts as an improvement (Keras min_delta, default 0)");
const char* const kPatience = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Patience");
const char* const kPatienceHelp =
    MLPW_TRANSLATE_NOOP("CallbacksPanel", "Epochs without improvement before stopping (Keras patience, default 0)");
const char* const kRestore = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Restore best weights");
const char* const kRestoreHelp = MLPW_TRANSLATE_NOOP(
    "CallbacksPanel", "At the end, go back to the weights of the best epoch (Keras restore_best_weights, default off)");

// The options several callbacks take, as rows of a type's table.
template <typename S>
CallbackOption<S> monitor_option(const char* help) {
    return {.key = "monitor", .text = &S::monitor, .label = kMonitor, .help = help};
}
template <typename S>
CallbackOption<S> mode_option() {
    return {.key = "mode", .text = &S::mode, .label = kMode, .help = kModeHelp};
}
template <typename S>
CallbackOption<S> min_delta_option(const char* help) {
    return {
        .key = "min_delta", .number = &S::min_delta, .range = Range::non_negative, .label = kMinDelta, .help = help};
}
template <typename S>
CallbackOption<S> patience_option(const char* help) {
    return {.key = "patience", .integer = &S::patience, .range = Range::non_negative, .label = kPatience, .help = help};
}
template <typename S>
CallbackOption<S> restore_option() {
    return {.key = "restore_best_weights", .flag = &S::restore_best_weights, .label = kRestore, .help = kRestoreHelp};
}

}  // namespace

template <>
const CallbackType<EarlyStoppingSpec>& callback_type<EarlyStoppingSpec>() {
    using S = EarlyStoppingSpec;
    static const CallbackType<S> type{
        "early_stopping",
        "EarlyStopping",
        &CallbackSpecs::early_stopping,
        {monitor_option<S>(kValLossHelp),
         min_delta_option<S>(kMinDeltaHelp),
         patience_option<S>(kPatienceHelp),
         mode_option<S>(),
         {.key = "baseline",
          .number = &S::baseline,
          .given = &S::has_baseline,
          .label = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Baseline"),
          .help = MLPW_TRANSLATE_NOOP("CallbacksPanel",
                                      "Stop unless the monitored value gets better than this; empty: none (Keras "
                                      "baseline, default None)")},
         restore_option<S>(),
         {.key = "start_from_epoch",
          .integer = &S::start_from_epoch,
          .range = Range::non_negative,
          .label = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Start from epoch"),
          .help = MLPW_TRANSLATE_NOOP("CallbacksPanel",
                                      "Epochs to wait before watching at all (Keras start_from_epoch, default 0)")}},
        MLPW_TRANSLATE_NOOP("CallbacksPanel", "&Early stopping"),
        MLPW_TRANSLATE_NOOP("CallbacksPanel", "Stop when the monitored value stops improving (Keras EarlyStopping)")};
    return type;
}

template <>
const CallbackType<ThresholdEarlyStoppingSpec>& callback_type<ThresholdEarlyStoppingSpec>() {
    using S = ThresholdEarlyStoppingSpec;
    static const CallbackType<S> type{
        "early_stopping_threshold",
        "ThresholdEarlyStopping",
        &CallbackSpecs::early_stopping_threshold,
        {monitor_option<S>(MLPW_TRANSLATE_NOOP("CallbacksPanel", "The value to watch (default \"val_accuracy\")")),
         {.key = "threshold",
          .number = &S::threshold,
          .label = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Threshold"),
          .help = MLPW_TRANSLATE_NOOP("CallbacksPanel", "The value the monitor must reach first (default 0.95)")},
         min_delta_option<S>(kMinDeltaHelp),
         patience_option<S>(kPatienceHelp),
         mode_option<S>(),
         restore_option<S>()},
        MLPW_TRANSLATE_NOOP("CallbacksPanel", "&Threshold early stopping"),
        MLPW_TRANSLATE_NOOP("CallbacksPanel",
                            "Early stopping that starts watching only once the monitored value has reached a "
                            "threshold")};
    return type;
}

template <>
const CallbackType<StopAtSpec>& callback_type<StopAtSpec>() {
    using S = StopAtSpec;
    static const CallbackType<S> type{
        "stop_at",
        "StopAt",
        &CallbackSpecs::stop_at,
        {monitor_option<S>(MLPW_TRANSLATE_NOOP("CallbacksPanel", "The value to watch (default \"accuracy\")")),
         {.key = "value",
          .number = &S::value,
          .label = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Target"),
          .help = MLPW_TRANSLATE_NOOP("CallbacksPanel",
                                      "The target (default 0.85): above it for accuracies, below it for losses")},
         mode_option<S>()},
        MLPW_TRANSLATE_NOOP("CallbacksPanel", "Stop at &target"),
        MLPW_TRANSLATE_NOOP("CallbacksPanel", "Stop as soon as the monitored value crosses a target")};
    return type;
}

template <>
const CallbackType<ModelCheckpointSpec>& callback_type<ModelCheckpointSpec>() {
    using S = ModelCheckpointSpec;
    static const CallbackType<S> type{
        "model_checkpoint",
        "ModelCheckpoint",
        &CallbackSpecs::model_checkpoint,
        {{.key = "filepath",
          .text = &S::filepath,
          .label = MLPW_TRANSLATE_NOOP("CallbacksPanel", "File"),
          .help = MLPW_TRANSLATE_NOOP("CallbacksPanel",
                                      "File to write, may contain {epoch} (Keras filepath; written atomically)")},
         monitor_option<S>(MLPW_TRANSLATE_NOOP(
             "CallbacksPanel", "The value that decides the best epoch (Keras monitor, default \"val_loss\")")),
         {.key = "save_best_only",
          .flag = &S::save_best_only,
          .label = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Save best only"),
          .help = MLPW_TRANSLATE_NOOP("CallbacksPanel",
                                      "Write only when the monitored value improved (Keras save_best_only, default "
                                      "off)")},
         mode_option<S>()},
        MLPW_TRANSLATE_NOOP("CallbacksPanel", "Model &checkpoint"),
        MLPW_TRANSLATE_NOOP("CallbacksPanel", "Save the model after epochs (Keras ModelCheckpoint)")};
    return type;
}

template <>
const CallbackType<ReduceLROnPlateauSpec>& callback_type<ReduceLROnPlateauSpec>() {
    using S = ReduceLROnPlateauSpec;
    static const CallbackType<S> type{
        "reduce_lr_on_plateau",
        "ReduceLROnPlateau",
        &CallbackSpecs::reduce_lr_on_plateau,
        {monitor_option<S>(kValLossHelp),
         {.key = "factor",  // (0, 1): checked by hand
          .number = &S::factor,
          .label = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Factor"),
          .help = MLPW_TRANSLATE_NOOP("CallbacksPanel",
                                      "The rate is multiplied by this, in (0, 1) (Keras factor, default 0.1)")},
         patience_option<S>(MLPW_TRANSLATE_NOOP(
             "CallbacksPanel", "Epochs without improvement before reducing (Keras patience, default 10)")),
         mode_option<S>(),
         min_delta_option<S>(MLPW_TRANSLATE_NOOP(
             "CallbacksPanel", "Smallest change that counts as an improvement (Keras min_delta, default 0.0001)")),
         {.key = "cooldown",
          .integer = &S::cooldown,
          .range = Range::non_negative,
          .label = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Cooldown"),
          .help = MLPW_TRANSLATE_NOOP(
              "CallbacksPanel", "Epochs to wait after a reduction before watching again (Keras cooldown, default 0)")},
         {.key = "min_lr",
          .number = &S::min_lr,
          .range = Range::non_negative,
          .label = MLPW_TRANSLATE_NOOP("CallbacksPanel", "Minimum rate"),
          .help =
              MLPW_TRANSLATE_NOOP("CallbacksPanel", "The rate is never reduced below this (Keras min_lr, default 0)")}},
        MLPW_TRANSLATE_NOOP("CallbacksPanel", "&Reduce learning rate on plateau"),
        MLPW_TRANSLATE_NOOP("CallbacksPanel",
                            "Multiply the learning rate by a factor when the monitored value stops improving (Keras "
                            "ReduceLROnPlateau); needs a constant rate, not a schedule")};
    return type;
}

template <>
const CallbackType<LearningRateSchedulerSpec>& callback_type<LearningRateSchedulerSpec>() {
    // Its one option, "schedule", is an expression or a table: read, written, checked and shown by hand.
    static const CallbackType<LearningRateSchedulerSpec> type{
        "learning_rate_scheduler",
        "LearningRateScheduler",
        &CallbackSpecs::learning_rate_scheduler,
        {},
        MLPW_TRANSLATE_NOOP("CallbacksPanel", "Learning rate sc&heduler"),
        MLPW_TRANSLATE_NOOP("CallbacksPanel",
                            "Set the learning rate at each epoch's start (Keras LearningRateScheduler); needs a "
                            "constant rate, not a schedule")};
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
