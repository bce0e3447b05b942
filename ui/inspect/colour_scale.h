#pragma once
// The colour maps of the inspect views and their legend: sequential (white -> dark blue, matplotlib's "Blues")
// for counts and shares, diverging (blue - white - red, "RdBu_r") for signed weights on a symmetric scale; and the
// font the pictures write with.
#include <QColor>
#include <QFont>
#include <QString>

class QPainter;
class QRectF;

// t in [0, 1]: 0 white, 1 dark blue.
QRgb sequential_colour(double t);
// t in [-1, 1]: -1 blue, 0 white, +1 red.
QRgb diverging_colour(double t);
// Black or white, whichever reads on `background`.
QColor text_colour_on(QRgb background);

// A vertical colour bar in `area` (bar left, tick labels right): `low` at the bottom, `high` at the top, the
// legend's title above it.
void paint_colour_legend(QPainter& painter, const QRectF& area, bool diverging, const QString& low, const QString& high,
                         const QString& title);

// The font a picture of `area` uses: grows with the area so that a 1600x1000 export reads as the window does.
QFont picture_font(const QFont& base, const QRectF& area);
