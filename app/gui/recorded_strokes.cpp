#include "recorded_strokes.h"

#include <QLineF>
#include <cmath>

namespace {

constexpr double kStep = 1.0 / 60;  // distance between two recorded points

// A polyline through the corners, resampled at kStep as the mouse would report it.
UnitStroke moved_through(std::initializer_list<QPointF> corners) {
    UnitStroke points;
    QPointF last = *corners.begin();
    points.append(last);
    for (const QPointF& next : corners) {
        const int steps = std::max(1, int(std::ceil(QLineF(last, next).length() / kStep)));
        for (int s = 1; s <= steps; ++s) points.append(last + (next - last) * (double(s) / steps));
        last = next;
    }
    return points;
}

// An arc of the ellipse centred at (cx, cy) with radii (rx, ry), from angle a0 to a1 (radians, clockwise on screen).
UnitStroke arc(double cx, double cy, double rx, double ry, double a0, double a1) {
    UnitStroke points;
    const int steps = std::max(2, int(std::abs(a1 - a0) * std::max(rx, ry) / kStep));
    for (int s = 0; s <= steps; ++s) {
        const double a = a0 + (a1 - a0) * s / steps;
        points.append({cx + rx * std::cos(a), cy + ry * std::sin(a)});
    }
    return points;
}

constexpr double kPi = 3.14159265358979;

}  // namespace

const QVector<QVector<UnitStroke>>& recorded_digit_strokes() {
    static const QVector<QVector<UnitStroke>> digits = {
        {arc(0.5, 0.5, 0.3, 0.42, -kPi / 2, 1.5 * kPi)},
        {moved_through({{0.35, 0.25}, {0.55, 0.08}, {0.55, 0.92}})},
        {arc(0.5, 0.32, 0.28, 0.24, -kPi, 0.2 * kPi) + moved_through({{0.7, 0.5}, {0.2, 0.9}, {0.82, 0.9}})},
        {arc(0.48, 0.3, 0.26, 0.21, -0.8 * kPi, 0.5 * kPi) + arc(0.48, 0.7, 0.3, 0.22, -0.5 * kPi, 0.8 * kPi)},
        {moved_through({{0.55, 0.08}, {0.15, 0.62}, {0.85, 0.62}}), moved_through({{0.65, 0.3}, {0.65, 0.92}})},
        {moved_through({{0.78, 0.1}, {0.3, 0.1}, {0.26, 0.45}}) + arc(0.48, 0.66, 0.3, 0.25, -0.7 * kPi, 0.75 * kPi)},
        {arc(0.5, 0.45, 0.3, 0.4, -0.4 * kPi, -kPi) + arc(0.5, 0.68, 0.28, 0.22, -kPi, kPi)},
        {moved_through({{0.15, 0.1}, {0.85, 0.1}, {0.4, 0.92}})},
        {arc(0.5, 0.28, 0.22, 0.19, 0.5 * kPi, 2.5 * kPi) + arc(0.5, 0.7, 0.27, 0.22, -0.5 * kPi, 1.5 * kPi)},
        {arc(0.5, 0.32, 0.26, 0.22, 0.0, 2 * kPi) + moved_through({{0.76, 0.32}, {0.7, 0.92}})},
    };
    return digits;
}
