#include "compare/what_if_marks.h"

#include <QCoreApplication>

#include "export/overlay_figure.h"

#include "mlpw/report/seed_statistics.h"

namespace {

const QColor kStop(214, 39, 40);  // the training charts' stop and best colours
const QColor kKept(44, 160, 44);

// The translation context of this file's texts ("WhatIf").
struct WhatIf {
    Q_DECLARE_TR_FUNCTIONS(WhatIf)
};

}  // namespace

OverlayData what_if_overlay(const mlpw::RunRecord& record, const mlpw::EarlyStoppingReplay& replay,
                            const std::string& monitor) {
    OverlayData data;
    data.title = WhatIf::tr("What-if early stopping: %1").arg(QString::fromStdString(record.experiment.name));
    data.xTitle = WhatIf::tr("epoch");
    data.yTitle = QString::fromStdString(monitor);
    data.percent = monitor.ends_with("accuracy");
    OverlayCurve curve{QString::fromStdString(monitor), overlay_colour(0), {}, {}, {}, false};
    for (const mlpw::EpochBand& e : mlpw::epoch_bands({record.history}, monitor))
        curve.points.append({double(e.epoch), e.spread.mean});
    data.curves.push_back(std::move(curve));
    if (replay.stopped)
        data.marks.push_back(
            {double(replay.epochs_run), WhatIf::tr("would stop: epoch %1").arg(replay.epochs_run), kStop});
    if (replay.kept_epoch > 0 && (replay.restored_epoch || replay.stopped))
        data.marks.push_back({double(replay.kept_epoch), WhatIf::tr("kept: epoch %1").arg(replay.kept_epoch), kKept});
    return data;
}

QString what_if_text(const mlpw::RunRecord& record, const mlpw::EarlyStoppingReplay& replay) {
    if (record.history.empty()) return WhatIf::tr("The run has no finished epoch to replay.");
    const int recorded = record.epochs_run();
    QString text = replay.stopped
        ? WhatIf::tr("It would have stopped after epoch %1 of the %2 recorded (%3).")
              .arg(replay.epochs_run)
              .arg(recorded)
              .arg(QString::fromStdString(replay.message))
        : WhatIf::tr("It would not have stopped within the %1 recorded epochs.").arg(recorded);
    if (replay.ran_past_record)
        text += QLatin1Char(' ') + WhatIf::tr("The recorded run ended early itself: this one would have trained on.");
    if (replay.kept_epoch > 0) {
        const mlpw::EpochMetrics& kept = replay.kept(record.history);
        text += QLatin1Char(' ') +
            (replay.restored_epoch ? WhatIf::tr("It restores epoch %1's weights:").arg(replay.kept_epoch)
                                   : WhatIf::tr("It keeps epoch %1's weights:").arg(replay.kept_epoch));
        text += kept.has_validation
            ? WhatIf::tr(" val_accuracy %1 %, val_loss %2, accuracy %3 %, loss %4.")
                  .arg(kept.val_accuracy * 100, 0, 'f', 2)
                  .arg(kept.val_loss, 0, 'f', 4)
                  .arg(kept.accuracy * 100, 0, 'f', 2)
                  .arg(kept.loss, 0, 'f', 4)
            : WhatIf::tr(" accuracy %1 %, loss %2.").arg(kept.accuracy * 100, 0, 'f', 2).arg(kept.loss, 0, 'f', 4);
    }
    return text;
}
