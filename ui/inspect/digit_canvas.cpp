#include "inspect/digit_canvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QTabletEvent>

#include <algorithm>

DigitCanvas::DigitCanvas(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::CrossCursor);
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(tr("Draw a digit: white ink on black, like MNIST"));
}

void DigitCanvas::undo() {
    m_drawing.undo();
    update();
    emit changed();
}

void DigitCanvas::clear() {
    m_drawing.clear();
    update();
    emit changed();
}

QRectF DigitCanvas::target() const {
    const double side = std::min(width(), height());
    return {(width() - side) / 2.0, (height() - side) / 2.0, side, side};
}

QPointF DigitCanvas::toDrawing(QPointF widget) const {
    const QRectF t = target();
    return (widget - t.topLeft()) * (DigitDrawing::kSide / t.width());
}

void DigitCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF t = target();
    painter.drawImage(t, m_drawing.image());
    painter.setPen(QPen(palette().mid(), 1));
    painter.drawRect(t.adjusted(0, 0, -1, -1));
}

void DigitCanvas::press(QPointF at, double pressure) {
    m_drawingStroke = true;
    m_drawing.beginStroke({toDrawing(at), pressure});
    update();
    emit changed();
}

void DigitCanvas::move(QPointF at, double pressure) {
    if (!m_drawingStroke) return;
    m_drawing.extendStroke({toDrawing(at), pressure});
    update();
    emit changed();
}

void DigitCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) press(event->position(), 1.0);
}

void DigitCanvas::mouseMoveEvent(QMouseEvent* event) { move(event->position(), 1.0); }

void DigitCanvas::mouseReleaseEvent(QMouseEvent*) { m_drawingStroke = false; }

// A tablet's events carry the pressure; accepted, so Qt does not synthesise mouse events from them too.
void DigitCanvas::tabletEvent(QTabletEvent* event) {
    switch (event->type()) {
        case QEvent::TabletPress: press(event->position(), event->pressure()); break;
        case QEvent::TabletMove: move(event->position(), event->pressure()); break;
        case QEvent::TabletRelease: m_drawingStroke = false; break;
        default: break;
    }
    event->accept();
}
