#pragma once
// An overlay on screen: paints overlay_figure() (export/overlay_figure.h) into the widget, the same picture its
// export writes and the reports embed. Clicking a curve's legend entry hides it (greyed in the legend, left out of
// the plot and of figure()) or shows it again; hidden curves are kept across setData() by name. Its context
// menu exports the figure (PNG/SVG).
#include <QSet>
#include <QWidget>

#include "export/overlay_figure.h"

class OverlayView : public QWidget {
    Q_OBJECT
public:
    explicit OverlayView(QWidget* parent = nullptr);

    void setData(const OverlayData& data);
    const OverlayData& data() const { return m_data; }
    void setCurveHidden(const QString& name, bool hidden);
    bool isCurveHidden(const QString& name) const { return m_hidden.contains(name); }
    // What the plot draws now (hidden curves left out).
    OverlayContent content() const { return overlay_content(m_data, m_hidden); }
    // The plot as it stands, hidden curves left out of it and of its legend, for an export.
    Figure figure() const;

    QSize sizeHint() const override { return {640, 400}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    OverlayData m_data;
    QSet<QString> m_hidden;
};
