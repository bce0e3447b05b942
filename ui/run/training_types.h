#pragma once
// Plain values the training worker sends to the GUI thread by queued signal (copied across threads).
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QString>

#include <memory>

#include "mlpw/training/metrics.h"
#include "mlpw/training/run_record.h"

// A copy of the run's record taken on the training thread; the GUI reads it and never sees the live one.
using RunSnapshot = std::shared_ptr<const mlpw::RunRecord>;

// A throttled batch update: the latest running means and the record's batch points since the last update.
// x of a point is the fractional epoch: epoch - 1 + batch / batches (mlpw::BatchPoint::progress).
struct BatchUpdate {
    mlpw::BatchMetrics latest;
    QList<QPointF> loss;      // running mean of the training loss
    QList<QPointF> accuracy;  // running mean of the training accuracy
    double samples_per_s = 0.0;
    double epoch_elapsed_s = 0.0;  // seconds since this epoch's first batch
};

// How a run ended, in words and numbers.
struct RunOutcome {
    enum class Reason { completed, callback, user, diverged, failed };
    Reason reason = Reason::completed;
    QString message;  // the trainer's message or the error
    int epochs_run = 0;
    int best_epoch = 0;
    int restored_epoch = 0;  // 0: none
    double seconds = 0.0;
    QString threads;     // the trainer's account of the OpenMP threads it used
    RunSnapshot record;  // the run as it ended; null when it failed before training
};

Q_DECLARE_METATYPE(BatchUpdate)
Q_DECLARE_METATYPE(RunOutcome)
Q_DECLARE_METATYPE(RunSnapshot)
