#include "run/keras_log.h"

#include <QCoreApplication>

#include "mlpw/report/keras_format.h"

namespace keras_log {
namespace {

// The translation context of this file's texts ("KerasLog").
struct KerasLog {
    Q_DECLARE_TR_FUNCTIONS(KerasLog)
};

// A run without validation names no best epoch: its evaluation is the test set, once, after training.
QString withoutValidation(const RunOutcome& o) {
    const QString done =
        KerasLog::tr("Finished: %n epoch(s), no validation (validation_split 0)", nullptr, o.epochs_run);
    if (o.record->test.samples == 0) return done;
    return KerasLog::tr("%1; test set, evaluated once after training: accuracy %2, loss %3")
        .arg(done, QString::fromStdString(mlpw::metric_value(o.record->test.accuracy)),
             QString::fromStdString(mlpw::metric_value(o.record->test.loss)));
}

}  // namespace

QString epochHeader(int epoch, int epochs) { return QStringLiteral("Epoch %1/%2").arg(epoch).arg(epochs); }

QString epochLine(const mlpw::EpochMetrics& m) { return QString::fromStdString(mlpw::epoch_line(m)); }

QString outcome(const RunOutcome& o) {
    const QString time = QStringLiteral(" (%1 s)").arg(o.seconds, 0, 'f', 1);
    switch (o.reason) {
        case RunOutcome::Reason::completed:
            if (o.record && !o.record->validates()) return withoutValidation(o) + time;
            return KerasLog::tr("Finished: %n epoch(s), best epoch %1", nullptr, o.epochs_run).arg(o.best_epoch) + time;
        case RunOutcome::Reason::callback:
            if (o.restored_epoch > 0)
                return KerasLog::tr("Stopped early at epoch %1 and restored the weights of epoch %2: %3")
                           .arg(o.epochs_run)
                           .arg(o.restored_epoch)
                           .arg(o.message) +
                    time;
            return KerasLog::tr("Stopped early at epoch %1: %2").arg(o.epochs_run).arg(o.message) + time;
        case RunOutcome::Reason::user:
            return KerasLog::tr("Stopped by the user after %n complete epoch(s)", nullptr, o.epochs_run) + time;
        case RunOutcome::Reason::diverged: return KerasLog::tr("Diverged with NaN: %1").arg(o.message);
        case RunOutcome::Reason::failed: return KerasLog::tr("Could not train: %1").arg(o.message);
    }
    return {};
}

}  // namespace keras_log
