#include "keras_log.h"

#include <QObject>

#include "mlpw/keras_format.h"


namespace keras_log {

QString epochHeader(int epoch, int epochs) { return QStringLiteral("Epoch %1/%2").arg(epoch).arg(epochs); }

QString epochLine(const mlpw::EpochMetrics& m) { return QString::fromStdString(mlpw::epoch_line(m)); }

QString outcome(const RunOutcome& o) {
    const QString time = QStringLiteral(" (%1 s)").arg(o.seconds, 0, 'f', 1);
    switch (o.reason) {
        case RunOutcome::Reason::completed:
            return QObject::tr("Finished: %1 %2, best epoch %3")
                       .arg(o.epochs_run)
                       .arg(o.epochs_run == 1 ? QObject::tr("epoch") : QObject::tr("epochs"))
                       .arg(o.best_epoch) + time;
        case RunOutcome::Reason::callback: {
            QString s = QObject::tr("Stopped early at epoch %1").arg(o.epochs_run);
            if (o.restored_epoch > 0) s += QObject::tr(" and restored the weights of epoch %1").arg(o.restored_epoch);
            return s + QStringLiteral(": ") + o.message + time;
        }
        case RunOutcome::Reason::user:
            return QObject::tr("Stopped by the user after %1 complete %2")
                       .arg(o.epochs_run)
                       .arg(o.epochs_run == 1 ? QObject::tr("epoch") : QObject::tr("epochs")) + time;
        case RunOutcome::Reason::diverged: return QObject::tr("Diverged with NaN: %1").arg(o.message);
        case RunOutcome::Reason::failed: return QObject::tr("Could not train: %1").arg(o.message);
    }
    return {};
}

}  // namespace keras_log
