#pragma once
// The training log's lines, worded as tf.keras 2's fit() ends each epoch (verbose=1, mlpw/report/keras_format.h):
//   Epoch 3/5
//   1407/1407 [==============================] - 1s 0.7ms/step - accuracy: 0.9821 - loss: 0.0574 - val_accuracy: ...
#include <QString>

#include "mlpw/training/metrics.h"
#include "run/training_types.h"

namespace keras_log {

QString epochHeader(int epoch, int epochs);
QString epochLine(const mlpw::EpochMetrics& m);
// The status bar's sentence for how a run ended.
QString outcome(const RunOutcome& outcome);

}  // namespace keras_log
