#include "compare/runs_overlay.h"

#include <QCoreApplication>

#include "export/run_overlay_figure.h"

#include "mlpw/report/seed_statistics.h"
#include "run/run_store.h"

const std::vector<std::string>& overlay_metrics() {
    static const std::vector<std::string> metrics = {"val_accuracy", "val_loss", "accuracy", "loss"};
    return metrics;
}

OverlayData runs_overlay(const RunStore& store, const std::vector<OverlayRow>& rows, const std::string& metric,
                         BandKind band) {
    OverlayData data;
    const QString name = QString::fromStdString(metric);
    data.title = rows.size() == 1
        ? QCoreApplication::translate("RunsOverlay", "%1 of %2").arg(name, rows[0].name)
        : QCoreApplication::translate("RunsOverlay", "%1 of %n runs", nullptr, int(rows.size())).arg(name);
    data.xTitle = QCoreApplication::translate("RunsOverlay", "epoch");
    data.yTitle = name;
    size_t colour = 0;
    for (const OverlayRow& row : rows) {
        std::vector<std::vector<mlpw::EpochMetrics>> histories;
        for (int run : row.runs) histories.push_back(store.at(run)->history);
        OverlayCurve curve{row.name, overlay_colour(colour++), {}, {}, {}, false};
        const bool banded = row.runs.size() > 1;
        for (const mlpw::EpochBand& e : mlpw::epoch_bands(histories, metric)) {
            const mlpw::Spread& s = e.spread;
            curve.points.append({double(e.epoch), s.mean});
            if (!banded) continue;
            const bool sd = band == BandKind::sd;
            curve.lower.append({double(e.epoch), sd ? s.mean - s.sd : s.min});
            curve.upper.append({double(e.epoch), sd ? s.mean + s.sd : s.max});
        }
        if (banded)
            curve.name = band == BandKind::sd
                ? QCoreApplication::translate("RunsOverlay", "%1 (mean ± sd)").arg(row.name)
                : QCoreApplication::translate("RunsOverlay", "%1 (mean, min–max)").arg(row.name);
        data.curves.push_back(std::move(curve));
    }
    return data;
}
