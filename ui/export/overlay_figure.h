#pragma once
// The one overlay painting: curves of several runs over each other (a line per run, or a seed group's mean line
// with a band: ±1 sd or min-max), dashed vertical marks (what-if early stopping), against epochs or a swept
// field's value (the sweep plot). Plain values in, a Figure (export/figure_export.h) out: the window's overlay
// views (compare/overlay_view.h) paint it, their PNG/SVG export writes it and the reports embed it, so all three
// are the same picture. Drawn with QPainter into any rectangle: title, axes with rounded ticks, bands under the
// lines, a marker per point (a one-epoch run shows), the legend below the plot.
#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <vector>

#include "export/figure_export.h"

struct OverlayCurve {
    QString name;  // the legend's entry; hiding and showing go by it
    QColor color;
    QList<QPointF> points;        // x: epoch (1-based) or a swept field's value; y: the metric
    QList<QPointF> lower, upper;  // a band around the line (a seed group's ±1 sd or min-max); both empty: none
    bool dashed = false;
};

struct OverlayMark {
    double x = 0.0;
    QString label;  // the legend's entry, e.g. "would stop: epoch 7"
    QColor color;
};

struct OverlayData {
    QString title, xTitle, yTitle;
    bool integerX = true;  // epochs: whole-number ticks
    bool percent = false;  // accuracies: y drawn x100 with "(%)" on the axis (the values stay fractions)
    std::vector<OverlayCurve> curves;
    std::vector<OverlayMark> marks;
};

// Which curves are left out (by name), and whether the legend still lists them greyed (the window's view, where
// clicking an entry shows the curve again) or not (an export, a report).
struct OverlayVisibility {
    QSet<QString> hidden;
    bool listHidden = false;
};

Figure overlay_figure(const OverlayData& data, const OverlayVisibility& visibility = {});

// The curve whose legend entry is at `point` when the figure is painted into `area`; "" for none (or a mark).
QString overlay_legend_entry_at(const OverlayData& data, const OverlayVisibility& visibility, const QRectF& area,
                                const QPointF& point);

// What the figure draws, hidden curves left out: lines (curves and marks) and bands.
struct OverlayContent {
    int lines = 0, bands = 0;
};
OverlayContent overlay_content(const OverlayData& data, const QSet<QString>& hidden = {});

// The overlay's colour for curve i (Tableau 10: distinct on white and in grey-scale print).
QColor overlay_colour(size_t i);
