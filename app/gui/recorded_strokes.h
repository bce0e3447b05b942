#pragma once
// Strokes of the ten digits as a mouse draws them, for --measure-canvas to replay: polylines in a unit square
// (y down), one point about every 1/60 of the square (a mouse move event every few pixels).
#include <QPointF>
#include <QVector>

using UnitStroke = QVector<QPointF>;
// {10 digits} of strokes, digit d at index d.
const QVector<QVector<UnitStroke>>& recorded_digit_strokes();
