#pragma once
// What an overlay chart draws, as plain values (no QtCharts): curves of several runs (or of seed groups: a mean
// line with a band), vertical marks (what-if early stopping), axis titles. Built by the runs views from the
// RunStore's records, drawn by OverlayChart on screen and by overlay_figure() into a PNG/SVG. Colours: overlay_colour() of
// export/run_overlay_figure.h, the reports' palette.
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <vector>

struct OverlayCurve {
    QString name;  // the legend's entry
    QColor color;
    QList<QPointF> points;        // x: epoch (1-based) or a swept field's value
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
    std::vector<OverlayCurve> curves;
    std::vector<OverlayMark> marks;
};
