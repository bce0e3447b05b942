#pragma once
// A picture of one handwritten digit turned into the 28x28 image an MNIST-trained network expects, as the MNIST
// page describes its own digits: the ink's bounding box is scaled, keeping its aspect ratio, so that its longer
// side is 20 px (area filtering: grey levels survive), and placed in the 28x28 field so that the ink's centre of
// mass sits at the field's centre (14, 14), with sub-pixel shifts by resampling. Shared by the window's canvas and
// `mlpw predict`; the model's normalisation comes after (BatchAssembler, as in training).
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace mlpw {

constexpr int kDigitSide = 28;  // MNIST's field
constexpr int kDigitBox = 20;   // the longer side of the ink's bounding box in the field
constexpr int kDigitPixels = kDigitSide * kDigitSide;
static_assert(kDigitBox < kDigitSide && (kDigitSide - kDigitBox) % 2 == 0);

// A grey picture of any size: {rows, cols} row-major, 0 = black .. 1 = white.
struct GreyImage {
    int rows = 0, cols = 0;
    std::vector<float> pixels;
};

// Rec. 601 luminance of an 8-bit RGB picture: {rows, cols, 3} bytes with `stride` bytes per row -> GreyImage.
GreyImage grey_from_rgb(const uint8_t* rgb, int rows, int cols, int stride);

// Which of black and white is ink. The canvas draws light on dark, like MNIST; a file may be either.
enum class InkPolarity {
    light_on_dark,
    dark_on_light,
    from_border  // the border's median decides: a light border means dark ink; the border's level is the paper
};

// The network's 28x28 input as MNIST stores it: {28, 28} row-major, 0 = no ink .. 255 = full ink.
using DigitImage = std::array<uint8_t, kDigitPixels>;

// nullopt when there is nothing to read: no ink, or ink whose extent is under kMinInkExtent pixels
// (a speck). Never divides by zero, never produces NaN.
constexpr int kMinInkExtent = 2;
std::optional<DigitImage> preprocess_digit(const GreyImage& picture, InkPolarity polarity);

// The ink's centre of mass of a 28x28 image in pixel coordinates (the centre of pixel (r, c) is (c + 0.5,
// r + 0.5)); {14, 14} after preprocess_digit. Returns {0, 0} for an image without ink.
struct InkCentre {
    double x = 0.0, y = 0.0;
};
InkCentre ink_centre(const DigitImage& image);

}  // namespace mlpw
