#pragma once
// The validation confusion matrix of the epoch shown. Clicking a cell emits cellActivated(true class, predicted
// class), e.g. for a gallery of those images; hovering a cell says what it counts.
#include <string>

#include "inspect/confusion_picture.h"
#include "inspect/epoch_picture_view.h"

class ConfusionMatrixView : public EpochPictureView {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    const ConfusionPicture& picture() const { return m_picture; }
    bool rowPercent() const { return m_rowPercent; }
    // Where a cell is drawn in the widget (for tests and tools).
    QRectF cellRect(int truth, int predicted) const;
    // The picture as shown, for export; the per-epoch CSV of every matrix of the run.
    Figure figure() const override;
    std::string csv() const;

public slots:
    void setRowPercent(bool on);

signals:
    void cellActivated(int trueClass, int predictedClass);

protected:
    void rebuild() override;
    void paintPicture(QPainter& painter, const QRectF& area) const override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;  // tool tips

private:
    bool m_rowPercent = false;
    ConfusionPicture m_picture;
};
