// See sample_tile.h.
#include "inspect/sample_tile.h"

#include <QCoreApplication>
#include <QPainter>
#include <QRectF>

void paintSampleTile(QPainter& painter, const QRectF& rect, const SampleTile& tile) {
    painter.save();
    const double frame = std::max(2.0, rect.width() / 30.0);
    const double side = rect.width() - 2 * frame;
    const QRectF imageRect(rect.left() + frame, rect.top() + frame, side, side);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);  // pixels stay pixels
    painter.drawImage(imageRect, tile.image);
    painter.setPen(QPen(tile.correct ? kRightColor : kWrongColor, frame));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(imageRect.adjusted(-frame / 2, -frame / 2, frame / 2, frame / 2));

    const double line = (rect.bottom() - imageRect.bottom() - frame) / 2;
    QFont font = painter.font();
    font.setPixelSize(std::max(8, int(line * 0.72)));
    painter.setFont(font);
    const QRectF first(rect.left(), imageRect.bottom() + frame, rect.width(), line);
    const QRectF second = first.translated(0, line);
    painter.setPen(tile.correct ? kRightColor : kWrongColor);
    const QString prediction = QCoreApplication::translate("SampleTile", "%1 %2%")
                                   .arg(tile.predicted)
                                   .arg(double(tile.confidence) * 100.0, 0, 'f', 0);
    painter.drawText(first, Qt::AlignCenter,
                     painter.fontMetrics().elidedText(prediction, Qt::ElideRight, int(rect.width())));
    painter.setPen(Qt::darkGray);
    painter.drawText(
        second, Qt::AlignCenter,
        painter.fontMetrics().elidedText(QCoreApplication::translate("SampleTile", "true %1").arg(tile.truth),
                                         Qt::ElideRight, int(rect.width())));
    painter.restore();
}
