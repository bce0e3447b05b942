#pragma once
// The square the person draws on with the mouse or a tablet (pressure where the device has it). It shows the
// DigitDrawing scaled to fit and centred; changed() after every painted segment, undo and clear.
#include <QWidget>

#include "inspect/digit_drawing.h"

class DigitCanvas : public QWidget {
    Q_OBJECT
public:
    explicit DigitCanvas(QWidget* parent = nullptr);

    const DigitDrawing& drawing() const { return m_drawing; }
    void setPenWidth(double px) { m_drawing.setPenWidth(px); }
    QSize sizeHint() const override { return {DigitDrawing::kSide, DigitDrawing::kSide}; }
    QSize minimumSizeHint() const override { return {140, 140}; }

public slots:
    void undo();
    void clear();

signals:
    void changed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void tabletEvent(QTabletEvent* event) override;

private:
    QRectF target() const;                    // where the drawing is shown, in widget pixels
    QPointF toDrawing(QPointF widget) const;  // widget -> drawing pixels
    void press(QPointF at, double pressure);
    void move(QPointF at, double pressure);

    DigitDrawing m_drawing;
    bool m_drawingStroke = false;
};
