#pragma once
// A QImage (any format Qt reads: PNG, JPEG, PGM...) as the grey picture core's digit preprocessing takes:
// luminance of its colours (mlpw::grey_from_rgb), transparency composited over white paper.
#include <QImage>

#include "mlpw/data/digit_preprocess.h"

mlpw::GreyImage grey_picture_of(const QImage& image);
// The 28x28 a network saw as an 8-bit grey image (white ink on black, as MNIST).
QImage image_of_digit(const mlpw::DigitImage& digit);
