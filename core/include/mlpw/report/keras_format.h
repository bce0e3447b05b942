#pragma once
// Keras' training-log text (tf.keras 2 Progbar, keras/utils/generic_utils.py), shared by the CLI and the window:
//   1407/1407 [==============================] - 1s 0.7ms/step - accuracy: 0.9821 - loss: 0.0574 - val_accuracy: ...
#include <string>

#include "mlpw/training/metrics.h"

namespace mlpw {

// "1407/1407 [==============================]": Keras' 30-character bar, the count right-aligned to the total's width.
std::string progress_bar(int current, int total);
// Keras' metric value: 4 decimals, or scientific notation below 1e-3 ("0.0574", "5.1200e-04").
std::string metric_value(double value);
// Seconds per step: "2s/step", "12ms/step", "0.7ms/step", "85us/step" (two significant digits below 10 ms,
// where Keras would print whole ms or us).
std::string step_time(double seconds_per_step);
// Keras' ETA: "42s", "3:07", "1:02:03".
std::string eta_text(double seconds);
// The line Keras prints at the end of an epoch: full bar, time, time per step, metrics.
std::string epoch_line(const EpochMetrics& m);

}  // namespace mlpw
