#pragma once
// The training log's lines, worded as Keras' fit() prints them (verbose=2):
//   Epoch 3/5
//   1407/1407 - 1s - 0.7ms/step - accuracy: 0.9821 - loss: 0.0574 - val_accuracy: 0.9741 - val_loss: 0.0853
#include <QString>

#include "mlpw/metrics.h"
#include "training_types.h"

namespace keras_log {

QString epochHeader(int epoch, int epochs);
QString epochLine(const mlpw::EpochMetrics& m);
// The status bar's sentence for how a run ended.
QString outcome(const RunOutcome& outcome);

}  // namespace keras_log
