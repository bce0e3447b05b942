// See sample_tile.h.
#include "inspect/sample_tile.h"

#include <QCoreApplication>
#include <QFontMetricsF>
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
    const QString prediction = QCoreApplication::translate("SampleTile", "%1 %2%")
                                   .arg(tile.predicted)
                                   .arg(double(tile.confidence) * 100.0, 0, 'f', 0);
    const QString truth = QCoreApplication::translate("SampleTile", "true %1").arg(tile.truth);
    // The largest font (up to 70% of a line) that fits the longer text in the tile's width: text width scales
    // with the pixel size, so one measurement at the largest size gives it.
    QFont font = painter.font();
    const int largest = std::max(7, int(line * 0.7));
    font.setPixelSize(largest);
    const QFontMetricsF metrics(font, painter.device());
    const double widest = std::max(metrics.horizontalAdvance(prediction), metrics.horizontalAdvance(truth));
    if (widest > rect.width()) font.setPixelSize(std::max(6, int(largest * rect.width() / widest)));
    painter.setFont(font);
    const QRectF first(rect.left(), imageRect.bottom() + frame, rect.width(), line);
    painter.setPen(tile.correct ? kRightColor : kWrongColor);
    painter.drawText(first, Qt::AlignCenter, prediction);
    painter.setPen(Qt::darkGray);
    painter.drawText(first.translated(0, line), Qt::AlignCenter, truth);
    painter.restore();
}
