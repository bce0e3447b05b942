#pragma once
// What the first Dense layer learned at the epoch shown: its units' weights as images in a grid (the grid image
// is made once per epoch's kernel, not per paint or per record update).
#include <memory>

#include "inspect/epoch_picture_view.h"
#include "inspect/weights_picture.h"

class FirstLayerWeightsView : public EpochPictureView {
    Q_OBJECT
public:
    explicit FirstLayerWeightsView(QWidget* parent = nullptr);
    const WeightsPicture& picture() const { return m_picture; }
    int rebuilds() const { return m_rebuilds; }  // grid images made so far
    Figure figure() const override;

protected:
    void rebuild() override;
    void paintPicture(QPainter& painter, const QRectF& area) const override;

private:
    std::shared_ptr<const std::vector<int8_t>> m_shown;  // the kernel values m_picture was made from
    WeightsPicture m_picture;
    int m_rebuilds = 0;
};
