#include "keras_log.h"

#include <QObject>

namespace keras_log {

QString epochHeader(int epoch, int epochs) { return QStringLiteral("Epoch %1/%2").arg(epoch).arg(epochs); }

QString epochLine(const mlpw::EpochMetrics& m) {
    const double perStep = m.batches > 0 ? m.train_seconds / m.batches : 0.0;
    const QString step = perStep >= 1.0 ? QStringLiteral("%1s/step").arg(qRound(perStep))
                         : perStep >= 1e-3 ? QStringLiteral("%1ms/step").arg(perStep * 1e3, 0, 'f', perStep < 0.01 ? 1 : 0)
                                           : QStringLiteral("%1us/step").arg(qRound(perStep * 1e6));
    QString line = QStringLiteral("%1/%1 - %2s - %3 - accuracy: %4 - loss: %5")
                       .arg(m.batches)
                       .arg(qRound(m.seconds))
                       .arg(step)
                       .arg(m.accuracy, 0, 'f', 4)
                       .arg(m.loss, 0, 'f', 4);
    if (m.has_validation)
        line += QStringLiteral(" - val_accuracy: %1 - val_loss: %2").arg(m.val_accuracy, 0, 'f', 4).arg(m.val_loss, 0, 'f', 4);
    return line;
}

QString outcome(const RunOutcome& o) {
    const QString time = QStringLiteral(" (%1 s)").arg(o.seconds, 0, 'f', 1);
    switch (o.reason) {
        case RunOutcome::Reason::completed:
            return QObject::tr("Finished: %n epoch(s), best epoch %1", nullptr, o.epochs_run).arg(o.best_epoch) + time;
        case RunOutcome::Reason::callback: {
            QString s = QObject::tr("Stopped early at epoch %1").arg(o.epochs_run);
            if (o.restored_epoch > 0) s += QObject::tr(" and restored the weights of epoch %1").arg(o.restored_epoch);
            return s + QStringLiteral(": ") + o.message + time;
        }
        case RunOutcome::Reason::user:
            return QObject::tr("Stopped by the user after %n complete epoch(s)", nullptr, o.epochs_run) + time;
        case RunOutcome::Reason::diverged: return QObject::tr("Diverged with NaN: %1").arg(o.message);
        case RunOutcome::Reason::failed: return QObject::tr("Could not train: %1").arg(o.message);
    }
    return {};
}

}  // namespace keras_log
