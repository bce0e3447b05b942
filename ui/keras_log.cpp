#include "keras_log.h"

#include <QObject>

#include <cmath>

namespace keras_log {

QString epochHeader(int epoch, int epochs) { return QStringLiteral("Epoch %1/%2").arg(epoch).arg(epochs); }

namespace {

// As the CLI prints them: 4 decimals, scientific notation for tiny values; step times with two significant
// digits below 10 ms.
QString metric(double v) {
    return std::fabs(v) > 1e-3 || v == 0.0 || !std::isfinite(v) ? QString::number(v, 'f', 4) : QString::number(v, 'e', 4);
}

QString stepTime(double t) {
    if (t >= 1.0 || t <= 0.0) return QStringLiteral("%1s/step").arg(qRound(t));
    if (t >= 9.95e-3) return QStringLiteral("%1ms/step").arg(qRound(t * 1e3));
    if (t >= 0.1e-3) return QString::number(t * 1e3, 'g', 2) + QStringLiteral("ms/step");
    return QStringLiteral("%1us/step").arg(qRound(t * 1e6));
}

}  // namespace

QString epochLine(const mlpw::EpochMetrics& m) {
    QString line = QStringLiteral("%1/%1 - %2s - %3 - accuracy: %4 - loss: %5")
                       .arg(m.batches)
                       .arg(qRound(m.seconds))
                       .arg(stepTime(m.batches > 0 ? m.train_seconds / m.batches : 0.0), metric(m.accuracy), metric(m.loss));
    if (m.has_validation)
        line += QStringLiteral(" - val_accuracy: %1 - val_loss: %2").arg(metric(m.val_accuracy), metric(m.val_loss));
    return line;
}

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
