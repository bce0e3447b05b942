// The names of the callback table: types, monitors and modes (Keras spells them the same).
#include "mlpw/experiment/callback_spec.h"

namespace mlpw {

const std::vector<std::string>& callback_type_names() {
    static const std::vector<std::string> names{
        "early_stopping",   "early_stopping_threshold", "stop_at",
        "model_checkpoint", "reduce_lr_on_plateau",     "learning_rate_scheduler"};
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
