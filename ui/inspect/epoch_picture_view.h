#pragma once
// The base of the per-epoch inspect views: a view of one epoch of the current run's record (RunStore's
// snapshot; no history of its own) drawn by a paint function. It keeps the record and the epoch, has the
// subclass rebuild its picture when either changes, and paints the picture into the widget; figure() gives the
// same picture for export at any size.
#include <QPainter>
#include <QWidget>

#include "export/figure_export.h"
#include "run/training_types.h"

class EpochPictureView : public QWidget {
    Q_OBJECT
public:
    explicit EpochPictureView(QWidget* parent = nullptr);
    // A copy of the picture as it stands, painted by the same function as the widget.
    virtual Figure figure() const = 0;

public slots:
    void setRecord(const RunSnapshot& record);
    void setEpoch(int epoch);  // 1-based

protected:
    const RunSnapshot& record() const { return m_record; }
    int epoch() const { return m_epoch; }
    // Makes the picture of record() at epoch() (record() may be null) and calls update().
    virtual void rebuild() = 0;
    virtual void paintPicture(QPainter& painter, const QRectF& area) const = 0;
    void paintEvent(QPaintEvent* event) override;

private:
    RunSnapshot m_record;
    int m_epoch = 0;
};

// A Figure that paints `picture` (copied) with `paint` in the widget's font.
template <typename Picture>
Figure picture_figure(const QWidget& widget, const QString& title, const Picture& picture,
                      void (*paint)(QPainter&, const QRectF&, const Picture&)) {
    return {title, [picture, paint, font = widget.font()](QPainter& painter, const QRectF& area) {
                painter.setFont(font);
                paint(painter, area, picture);
            }};
}
