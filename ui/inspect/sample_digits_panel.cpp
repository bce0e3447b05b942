// See sample_digits_panel.h.
#include "inspect/sample_digits_panel.h"

SampleDigitsPanel::SampleDigitsPanel(QWidget* parent) : EpochPictureView(parent) { rebuild(); }

void SampleDigitsPanel::rebuild() {
    if (record() && !(record()->sample_panel == m_imagesOf)) {
        m_imagesOf = record()->sample_panel;
        m_images = panel_images(m_imagesOf);
    }
    m_picture = record() ? sample_digits_picture(*record(), epoch(), m_images) : SampleDigitsPicture{};
    if (!record()) {
        m_picture.title = tr("Validation samples");
        m_picture.empty = tr("No run yet: train one, or open a run or a model");
    }
    update();
}

Figure SampleDigitsPanel::figure() const {
    return picture_figure(*this, m_picture.title, m_picture, &paint_sample_digits);
}

void SampleDigitsPanel::paintPicture(QPainter& painter, const QRectF& area) const {
    paint_sample_digits(painter, area, m_picture);
}
