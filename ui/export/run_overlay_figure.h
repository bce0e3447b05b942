#pragma once
// A multi-run overlay with seed bands: one curve per setting (the per-epoch mean over its seeds) with a min-max
// band behind it, one colour per setting, a legend by name. The report's curves; the window's overlay can export
// the same Figure. (The single-run curves Figure lives with the inspect views.)
#include <QColor>
#include <QString>
#include <vector>

#include "export/figure_export.h"
#include "mlpw/report/seed_statistics.h"

struct OverlaySeries {
    QString name;
    std::vector<mlpw::EpochBand> bands;  // epoch_bands() of the setting's histories
};

// metric: "val_accuracy" (drawn in %), "accuracy" (%), "val_loss", "loss". A series with one run draws no band.
Figure run_overlay_figure(const QString& title, const QString& metric, std::vector<OverlaySeries> series);

// The overlay's colour for series i (the same palette the legend uses), for tables that name the series.
QColor overlay_colour(size_t i);
