#include "inspect/grey_picture.h"

#include <QPainter>

#include <cstring>

mlpw::GreyImage grey_picture_of(const QImage& image) {
    if (image.format() == QImage::Format_Grayscale8) {  // the canvas: no conversion
        mlpw::GreyImage grey{image.height(), image.width(), {}};
        grey.pixels.resize(size_t(grey.rows) * size_t(grey.cols));
        for (int r = 0; r < grey.rows; ++r) {
            const uchar* line = image.constScanLine(r);
            for (int c = 0; c < grey.cols; ++c)
                grey.pixels[size_t(r) * size_t(grey.cols) + size_t(c)] = line[c] / 255.0f;
        }
        return grey;
    }
    QImage rgb(image.size(), QImage::Format_RGB888);
    rgb.fill(Qt::white);
    {
        QPainter painter(&rgb);
        painter.drawImage(0, 0, image);
    }
    return mlpw::grey_from_rgb(rgb.constBits(), rgb.height(), rgb.width(), int(rgb.bytesPerLine()));
}

QImage image_of_digit(const mlpw::DigitImage& digit) {
    QImage image(mlpw::kDigitSide, mlpw::kDigitSide, QImage::Format_Grayscale8);
    for (int r = 0; r < mlpw::kDigitSide; ++r)
        std::memcpy(image.scanLine(r), digit.data() + r * mlpw::kDigitSide, mlpw::kDigitSide);
    return image;
}
