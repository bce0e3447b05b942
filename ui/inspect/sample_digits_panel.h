#pragma once
// The run's fixed validation digits with their predicted class and confidence at the epoch shown, wrong ones
// framed red (the images are made once per run's panel).
#include <QImage>
#include <vector>

#include "inspect/epoch_picture_view.h"
#include "inspect/sample_digits_picture.h"

class SampleDigitsPanel : public EpochPictureView {
    Q_OBJECT
public:
    explicit SampleDigitsPanel(QWidget* parent = nullptr);
    const SampleDigitsPicture& picture() const { return m_picture; }
    Figure figure() const override;

protected:
    void rebuild() override;
    void paintPicture(QPainter& painter, const QRectF& area) const override;

private:
    mlpw::SamplePanel m_imagesOf;  // the panel m_images were made from
    std::vector<QImage> m_images;
    SampleDigitsPicture m_picture;
};
