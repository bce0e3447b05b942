// See epoch_picture_view.h.
#include "inspect/epoch_picture_view.h"

#include <QPainter>

EpochPictureView::EpochPictureView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(240, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void EpochPictureView::setRecord(const RunSnapshot& record) {
    m_record = record;
    rebuild();
}

void EpochPictureView::setEpoch(int epoch) {
    if (epoch == m_epoch) return;
    m_epoch = epoch;
    rebuild();
}

void EpochPictureView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setFont(font());
    paintPicture(painter, rect());
}
