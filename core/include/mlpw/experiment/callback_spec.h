#pragma once
// The callbacks an experiment can ask for, with Keras names and defaults, as option tables (callback_type<Spec>(),
// for_each_callback_type()) that the experiment reader, writer and validator and the window's callbacks panel
// iterate, like the optimiser's (optimizer_spec.h). Their behaviour is in callbacks.h. Adding an option: its field
// in the spec struct (its initialiser is Keras' default) and its row in the type's table (callback_spec.cpp), with
// the label and help the panel shows.
#include <map>
#include <string>
#include <vector>

#include "mlpw/experiment/option_table.h"

namespace mlpw {

// The names the callbacks take, in the order messages list them.
// early_stopping, early_stopping_threshold, stop_at, model_checkpoint, reduce_lr_on_plateau,
// learning_rate_scheduler
const std::vector<std::string>& callback_type_names();
const std::vector<std::string>& monitor_names();  // loss, accuracy, val_loss, val_accuracy
const std::vector<std::string>& mode_names();     // auto (min for losses, max for accuracies), min, max

// Keras EarlyStopping(monitor="val_loss", min_delta=0, patience=0, mode="auto", baseline=None,
//                     restore_best_weights=False, start_from_epoch=0).
struct EarlyStoppingSpec {
    std::string monitor = "val_loss";
    float min_delta = 0.0f;
    int patience = 0;
    std::string mode = "auto";  // auto | min | max
    bool has_baseline = false;
    float baseline = 0.0f;
    bool restore_best_weights = false;
    int start_from_epoch = 0;
    bool operator==(const EarlyStoppingSpec&) const = default;
};

// Acts only once `monitor` has reached `threshold` (e.g. val_accuracy >= 0.95); from then on it behaves like
// EarlyStopping: stops after `patience` epochs without a `min_delta` improvement.
struct ThresholdEarlyStoppingSpec {
    std::string monitor = "val_accuracy";
    float threshold = 0.95f;
    float min_delta = 0.0f;
    int patience = 0;
    std::string mode = "auto";
    bool restore_best_weights = false;
    bool operator==(const ThresholdEarlyStoppingSpec&) const = default;
};

// Stops as soon as `monitor` crosses `value` (above for accuracies, below for losses; `mode` decides).
struct StopAtSpec {
    std::string monitor = "accuracy";
    float value = 0.85f;
    std::string mode = "auto";
    bool operator==(const StopAtSpec&) const = default;
};

// Keras ModelCheckpoint(filepath, monitor="val_loss", save_best_only=False, mode="auto"); written atomically.
struct ModelCheckpointSpec {
    std::string filepath = "checkpoint.mlpw";  // may contain {epoch}
    std::string monitor = "val_loss";
    bool save_best_only = false;
    std::string mode = "auto";
    bool operator==(const ModelCheckpointSpec&) const = default;
};

// Keras ReduceLROnPlateau(monitor="val_loss", factor=0.1, patience=10, mode="auto", min_delta=1e-4,
// cooldown=0, min_lr=0): multiplies the rate by `factor` after `patience` epochs without a min_delta improvement.
struct ReduceLROnPlateauSpec {
    std::string monitor = "val_loss";
    float factor = 0.1f;  // in (0, 1)
    int patience = 10;
    std::string mode = "auto";
    float min_delta = 1e-4f;
    int cooldown = 0;
    float min_lr = 0.0f;
    bool operator==(const ReduceLROnPlateauSpec&) const = default;
};

// Keras LearningRateScheduler(schedule): at each epoch's start the rate becomes schedule(epoch, lr), epoch
// 0-based. A file gives either an expression (rate_expression.h: "lr * 0.95", "0.001 * 0.5 ^ floor(epoch / 5)")
// or a table {"0": 0.001, "10": 0.0005}: from each listed epoch on, its rate (before the first, the rate is kept).
struct LearningRateSchedulerSpec {
    std::string expression;      // used when the table is empty
    std::map<int, float> table;  // epoch (0-based) -> rate
    bool operator==(const LearningRateSchedulerSpec&) const = default;
};

struct CallbackSpecs {
    std::vector<EarlyStoppingSpec> early_stopping;
    std::vector<ThresholdEarlyStoppingSpec> early_stopping_threshold;
    std::vector<StopAtSpec> stop_at;
    std::vector<ModelCheckpointSpec> model_checkpoint;
    std::vector<ReduceLROnPlateauSpec> reduce_lr_on_plateau;
    std::vector<LearningRateSchedulerSpec> learning_rate_scheduler;
    bool empty() const {
        return early_stopping.empty() && early_stopping_threshold.empty() && stop_at.empty() &&
            model_checkpoint.empty() && reduce_lr_on_plateau.empty() && learning_rate_scheduler.empty();
    }
    // The callbacks that set the learning rate (Keras refuses them with a schedule as the rate).
    bool set_learning_rate() const { return !reduce_lr_on_plateau.empty() || !learning_rate_scheduler.empty(); }
    bool operator==(const CallbackSpecs&) const = default;
};

// Labels and help texts are marked for Qt's lupdate (option_table.h) in the context "CallbacksPanel", the panel
// that shows them and where their translations are.
//
// One option of a callback type: a field of its spec struct (exactly one of number, integer, flag, text set), the
// values it allows. The reader reads the key into the field, the writer writes it (the compact form only when it
// differs from the struct's default), the validator checks the range; a "monitor" and a "mode" text are checked
// against monitor_names() and mode_names() (a val_* monitor needs a validation split).
template <typename Spec>
struct CallbackOption {
    const char* key;  // the JSON key and Keras argument: "min_delta"
    float Spec::*number = nullptr;
    int Spec::*integer = nullptr;
    bool Spec::*flag = nullptr;
    std::string Spec::*text = nullptr;  // monitor, mode, filepath
    bool Spec::*given = nullptr;        // with number: false is Keras' None (EarlyStopping's baseline), null in files
    Range range = Range::any;           // of a number or an integer
    const char* label = "";             // the window's: "Min delta"
    const char* help = "";              // "Smallest change that counts as an improvement (Keras min_delta, default 0)"
};

// A callback type: its name in files, its Keras class, where CallbackSpecs keeps its instances and its options
// in file order. What a table cannot say is read, written and checked by hand in the experiment code:
// LearningRateScheduler's "schedule" (an expression or a table), ReduceLROnPlateau's factor in (0, 1), a
// checkpoint's non-empty filepath, the rate setters against a schedule.
template <typename Spec>
struct CallbackType {
    const char* name;        // "early_stopping"
    const char* keras_name;  // "EarlyStopping"
    std::vector<Spec> CallbackSpecs::*specs;
    std::vector<CallbackOption<Spec>> options;
    const char* title;  // the window's box, '&' before the mnemonic: "&Early stopping"
    const char* help;   // "Stop when the monitored value stops improving (Keras EarlyStopping)"
};

template <typename Spec>
const CallbackType<Spec>& callback_type();
template <>
const CallbackType<EarlyStoppingSpec>& callback_type<EarlyStoppingSpec>();
template <>
const CallbackType<ThresholdEarlyStoppingSpec>& callback_type<ThresholdEarlyStoppingSpec>();
template <>
const CallbackType<StopAtSpec>& callback_type<StopAtSpec>();
template <>
const CallbackType<ModelCheckpointSpec>& callback_type<ModelCheckpointSpec>();
template <>
const CallbackType<ReduceLROnPlateauSpec>& callback_type<ReduceLROnPlateauSpec>();
template <>
const CallbackType<LearningRateSchedulerSpec>& callback_type<LearningRateSchedulerSpec>();

// Calls f(callback_type<Spec>()) for every type, in callback_type_names()' (and CallbackSpecs') order.
template <typename F>
void for_each_callback_type(F&& f) {
    f(callback_type<EarlyStoppingSpec>());
    f(callback_type<ThresholdEarlyStoppingSpec>());
    f(callback_type<StopAtSpec>());
    f(callback_type<ModelCheckpointSpec>());
    f(callback_type<ReduceLROnPlateauSpec>());
    f(callback_type<LearningRateSchedulerSpec>());
}

}  // namespace mlpw
