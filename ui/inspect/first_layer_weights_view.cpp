// See first_layer_weights_view.h.
#include "inspect/first_layer_weights_view.h"

FirstLayerWeightsView::FirstLayerWeightsView(QWidget* parent) : EpochPictureView(parent) { rebuild(); }

void FirstLayerWeightsView::rebuild() {
    const bool has = record() && epoch() >= 1 && epoch() <= int(record()->first_layer.size());
    const auto values = has ? record()->first_layer[size_t(epoch() - 1)].values : nullptr;
    if (values && values == m_shown) return;  // the same epoch's kernel: the grid stands
    m_shown = values;
    m_picture =
        record() ? weights_picture(*record(), epoch()) : WeightsPicture{tr("First layer weights"), {}, 0, 0, {}};
    if (!m_picture.grid.isNull()) ++m_rebuilds;
    update();
}

Figure FirstLayerWeightsView::figure() const {
    return picture_figure(*this, m_picture.title, m_picture, &paint_weights);
}

void FirstLayerWeightsView::paintPicture(QPainter& painter, const QRectF& area) const {
    paint_weights(painter, area, m_picture);
}
