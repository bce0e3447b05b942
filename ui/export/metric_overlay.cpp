// See metric_overlay.h.
#include "export/metric_overlay.h"

#include <QCoreApplication>

#include "mlpw/report/seed_statistics.h"

namespace {

// The translation context of this file's texts ("MetricOverlay").
struct MetricOverlay {
    Q_DECLARE_TR_FUNCTIONS(MetricOverlay)
};

}  // namespace

OverlayData metric_overlay(const QString& title, const std::string& metric, const std::vector<MetricGroup>& groups,
                           BandKind band) {
    OverlayData data;
    data.title = title;
    data.xTitle = MetricOverlay::tr("epoch");
    data.yTitle = QString::fromStdString(metric);
    data.percent = metric.ends_with("accuracy");
    for (size_t i = 0; i < groups.size(); ++i) {
        const MetricGroup& group = groups[i];
        const bool banded = group.runs.size() > 1;
        OverlayCurve curve{group.name, overlay_colour(i), {}, {}, {}, false};
        if (banded)
            curve.name = band == BandKind::sd ? MetricOverlay::tr("%1 (mean ± sd)").arg(group.name)
                                              : MetricOverlay::tr("%1 (mean, min–max)").arg(group.name);
        for (const mlpw::EpochBand& e : mlpw::epoch_bands(group.runs, metric)) {
            const mlpw::Spread& s = e.spread;
            curve.points.append({double(e.epoch), s.mean});
            if (!banded) continue;
            const bool sd = band == BandKind::sd;
            curve.lower.append({double(e.epoch), sd ? s.mean - s.sd : s.min});
            curve.upper.append({double(e.epoch), sd ? s.mean + s.sd : s.max});
        }
        data.curves.push_back(std::move(curve));
    }
    return data;
}
