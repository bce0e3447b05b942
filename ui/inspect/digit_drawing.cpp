#include "inspect/digit_drawing.h"

#include <QPainter>

#include <algorithm>

DigitDrawing::DigitDrawing() : m_image(kSide, kSide, QImage::Format_Grayscale8) { m_image.fill(Qt::black); }

void DigitDrawing::beginStroke(const Point& p) {
    m_strokes.append({{p}, m_pen});
    paintSegment(p, p, m_pen);
}

void DigitDrawing::extendStroke(const Point& p) {
    if (m_strokes.isEmpty()) return beginStroke(p);
    PenStroke& stroke = m_strokes.last();
    const Point from = stroke.points.last();
    stroke.points.append(p);
    paintSegment(from, p, stroke.pen);
}

void DigitDrawing::undo() {
    if (m_strokes.isEmpty()) return;
    m_strokes.removeLast();
    repaint();
}

void DigitDrawing::clear() {
    m_strokes.clear();
    repaint();
}

// One segment as a round-capped line whose width follows the pressure at its end (a mouse: always 1).
void DigitDrawing::paintSegment(const Point& from, const Point& to, double pen) {
    QPainter painter(&m_image);
    painter.setRenderHint(QPainter::Antialiasing);
    const double width = std::max(1.0, pen * std::clamp(0.25 + 0.75 * to.pressure, 0.25, 1.0));
    painter.setPen(QPen(Qt::white, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (from.at == to.at) painter.drawPoint(to.at);
    else painter.drawLine(from.at, to.at);
}

void DigitDrawing::repaint() {
    m_image.fill(Qt::black);
    for (const PenStroke& stroke : std::as_const(m_strokes)) {
        paintSegment(stroke.points.first(), stroke.points.first(), stroke.pen);
        for (qsizetype i = 1; i < stroke.points.size(); ++i)
            paintSegment(stroke.points[i - 1], stroke.points[i], stroke.pen);
    }
}
