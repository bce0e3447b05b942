// See gallery_delegate.h.
#include "inspect/gallery_delegate.h"

#include <QPainter>

#include "inspect/gallery_model.h"
#include "inspect/sample_tile.h"

SampleTile sampleTileOf(const QModelIndex& index) {
    const auto* model = qobject_cast<const GalleryModel*>(index.model());
    const SamplePredictions& p = *model->predictions();
    const int s = model->sampleAt(index.row());
    return {p.images[size_t(s)], p.className(p.labels[size_t(s)]), p.className(p.predicted[size_t(s)]), p.confidence(s),
            p.correct(s)};
}

void GalleryDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    if (option.state & QStyle::State_Selected) painter->fillRect(option.rect, option.palette.highlight());
    const QRectF tile(option.rect.left() + 2, option.rect.top() + 2, kTileWidth, kTileWidth * kTileAspect);
    paintSampleTile(*painter, tile, sampleTileOf(index));
}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const {
    return {kTileWidth + 4, int(kTileWidth * kTileAspect) + 4};
}
