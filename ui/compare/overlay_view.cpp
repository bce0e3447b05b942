// See overlay_view.h.
#include "compare/overlay_view.h"

#include <QMouseEvent>
#include <QPainter>

#include "export/export_actions.h"

OverlayView::OverlayView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(240, 180);
    setToolTip(tr("Click a legend entry to hide or show its curve"));
    add_export_actions(this, [this] { return figure(); });  // the context menu's Export picture…
}

void OverlayView::setData(const OverlayData& data) {
    m_data = data;
    update();
}

void OverlayView::setCurveHidden(const QString& name, bool hidden) {
    if (hidden == m_hidden.contains(name)) return;
    if (hidden) m_hidden.insert(name);
    else m_hidden.remove(name);
    update();
}

Figure OverlayView::figure() const { return overlay_figure(m_data, {m_hidden, false}); }

void OverlayView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    overlay_figure(m_data, {m_hidden, true}).paint(painter, QRectF(rect()));
}

void OverlayView::mousePressEvent(QMouseEvent* event) {
    const QString curve = overlay_legend_entry_at(m_data, {m_hidden, true}, QRectF(rect()), event->position());
    if (curve.isEmpty()) return QWidget::mousePressEvent(event);
    setCurveHidden(curve, !m_hidden.contains(curve));
}
