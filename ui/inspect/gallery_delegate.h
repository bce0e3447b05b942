#pragma once
// Draws one gallery row as a SampleTile (the image was converted to a QImage once, in SamplePredictions).
#include <QStyledItemDelegate>

class GalleryDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static constexpr int kTileWidth = 88;  // px: the 28x28 image at about 3x

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

struct SampleTile;
class QModelIndex;
// The tile of a GalleryModel row.
SampleTile sampleTileOf(const QModelIndex& index);
