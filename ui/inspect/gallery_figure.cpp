// See gallery_figure.h.
#include "inspect/gallery_figure.h"

#include <QPainter>
#include <QRectF>

#include <cmath>
#include <vector>

#include "inspect/gallery_delegate.h"
#include "inspect/gallery_model.h"
#include "inspect/sample_tile.h"

namespace {

QString orderText(GalleryOrder order) {
    switch (order) {
        case GalleryOrder::index: return GalleryModel::tr("in index order");
        case GalleryOrder::mostConfident: return GalleryModel::tr("most confident first");
        case GalleryOrder::leastConfident: return GalleryModel::tr("least confident first");
    }
    return {};
}

// Columns for n tiles of aspect kTileAspect in `area`, the largest tiles that fit.
int columnsFor(int n, const QRectF& area) {
    int best = 1;
    double bestWidth = 0;
    for (int columns = 1; columns <= n; ++columns) {
        const int rows = (n + columns - 1) / columns;
        const double width = std::min(area.width() / columns, area.height() / (rows * kTileAspect));
        if (width > bestWidth) bestWidth = width, best = columns;
    }
    return best;
}

void paintLegendEntry(QPainter& painter, QPointF at, const QColor& colour, const QString& text, double size) {
    painter.setPen(QPen(colour, size / 5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(at, QSizeF(size, size)));
    painter.setPen(Qt::black);
    painter.drawText(QRectF(at.x() + size * 1.4, at.y() - size, size * 80, size * 3), Qt::AlignVCenter, text);
}

}  // namespace

Figure galleryPageFigure(const GalleryModel& model, int firstRow, int count) {
    const SamplePredictions* p = model.predictions();
    std::vector<SampleTile> tiles;
    const int last = std::min(model.rowCount(), firstRow + count);
    for (int row = std::max(0, firstRow); row < last; ++row) tiles.push_back(sampleTileOf(model.index(row)));
    const QString run = p ? QString::fromStdString(p->record->experiment.name) : QString();
    const QString title = GalleryModel::tr("Gallery of %1").arg(run);
    const QString subtitle = p ? GalleryModel::tr("%1 images, %2, %3: %L4 of %L5 shown, rows %L6 to %L7")
                                     .arg(splitName(p->split), model.filter().text(*p), orderText(model.order()))
                                     .arg(int(tiles.size()))
                                     .arg(model.rowCount())
                                     .arg(firstRow + 1)
                                     .arg(last)
                               : GalleryModel::tr("no predictions");
    return {title, [tiles, title, subtitle](QPainter& painter, const QRectF& area) {
                const double unit = area.height() / 40;  // text size
                QFont font = painter.font();
                font.setPixelSize(int(unit * 1.4));
                font.setBold(true);
                painter.setFont(font);
                painter.setPen(Qt::black);
                const QRectF titleRect(area.left() + unit, area.top() + unit * 0.5, area.width() - 2 * unit, unit * 2);
                painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, title);
                font.setBold(false);
                font.setPixelSize(int(unit));
                painter.setFont(font);
                painter.drawText(titleRect.translated(0, unit * 2), Qt::AlignLeft | Qt::AlignVCenter, subtitle);
                const double legendY = titleRect.bottom() + unit * 2.6;
                paintLegendEntry(painter, {area.left() + unit, legendY}, kRightColor,
                                 GalleryModel::tr("predicted right"), unit);
                paintLegendEntry(
                    painter, {area.left() + unit * 14, legendY}, kWrongColor,
                    GalleryModel::tr(
                        "predicted wrong; under each image: the prediction and its confidence, then the true class"),
                    unit);

                const QRectF grid(area.left() + unit, legendY + unit * 2.5, area.width() - 2 * unit,
                                  area.bottom() - legendY - unit * 3.5);
                if (tiles.empty()) return;
                const int columns = columnsFor(int(tiles.size()), grid);
                const int rows = (int(tiles.size()) + columns - 1) / columns;
                const double cell = std::min(grid.width() / columns, grid.height() / (rows * kTileAspect));
                for (size_t i = 0; i < tiles.size(); ++i) {
                    const QRectF rect(grid.left() + double(i % size_t(columns)) * cell,
                                      grid.top() + double(i / size_t(columns)) * cell * kTileAspect, cell,
                                      cell * kTileAspect);
                    paintSampleTile(painter, rect.adjusted(cell * 0.04, cell * 0.04, -cell * 0.04, -cell * 0.04),
                                    tiles[i]);
                }
            }};
}
