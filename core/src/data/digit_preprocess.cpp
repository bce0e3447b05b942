// MNIST's digit normalisation (see digit_preprocess.h). Coordinates are continuous: source pixel (r, c) covers
// [c, c + 1) x [r, r + 1), so its centre is (c + 0.5, r + 0.5).
//   picture {rows, cols} -> ink {rows, cols} in 0..1 (polarity, paper level, noise floor)
//   -> bounding box {h, w} and centre of mass (cx, cy) -> scale s = 20 / max(h, w) output px per source px
//   -> output pixel (v, u) = mean ink over the source rectangle it covers, [cx + (u - 14) / s, + 1 / s) x
//      [cy + (v - 14) / s, + 1 / s): area filtering and the sub-pixel shift in one separable resampling
//   -> stretched so that the peak is 255 (MNIST's strokes reach full ink; a thin stroke is averaged down).
#include "mlpw/data/digit_preprocess.h"

#include <algorithm>
#include <cmath>

namespace mlpw {
namespace {

constexpr float kNoiseFloor = 0.1f;   // ink under this fraction of the peak is paper (JPEG noise, grain)
constexpr float kMinContrast = 0.1f;  // a peak under this much ink above the paper is no drawing at all
constexpr double kCentre = kDigitSide / 2.0;

float median_of_border(const GreyImage& p) {
    std::vector<float> border;
    border.reserve(2 * static_cast<size_t>(p.rows + p.cols));
    for (int r = 0; r < p.rows; ++r)
        for (int c = 0; c < p.cols; ++c)
            if (r == 0 || c == 0 || r == p.rows - 1 || c == p.cols - 1) {
                const float v = p.pixels[static_cast<size_t>(r) * p.cols + c];
                border.push_back(std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 0.0f);
            }
    auto middle = border.begin() + border.size() / 2;
    std::nth_element(border.begin(), middle, border.end());
    return *middle;
}

// ink {rows, cols} in 0..1: how far each pixel is from the paper towards the ink's extreme.
std::vector<float> ink_of(const GreyImage& p, InkPolarity polarity) {
    float paper = 0.0f;
    bool dark_ink = polarity == InkPolarity::dark_on_light;
    if (polarity == InkPolarity::dark_on_light) paper = 1.0f;
    if (polarity == InkPolarity::from_border) {
        paper = median_of_border(p);
        dark_ink = paper > 0.5f;
    }
    const float range = dark_ink ? paper : 1.0f - paper;  // the contrast left for the ink
    std::vector<float> ink(p.pixels.size(), 0.0f);
    if (range < kMinContrast) return ink;
    for (size_t i = 0; i < ink.size(); ++i) {
        const float v = std::isfinite(p.pixels[i]) ? std::clamp(p.pixels[i], 0.0f, 1.0f) : paper;  // NaN: paper
        ink[i] = std::max(0.0f, (dark_ink ? paper - v : v - paper) / range);
    }
    return ink;
}

// One axis of the resampling: output pixel u takes source pixels first..first + weights.size() - 1 of the box
// [lo, hi] with the given weights (overlap length x s: they sum to 1 where the box covers the whole span).
struct Taps {
    int first = 0;
    std::vector<float> weights;
};
std::vector<Taps> taps_for(double centre, double s, int lo, int hi) {
    std::vector<Taps> axis(kDigitSide);
    for (int u = 0; u < kDigitSide; ++u) {
        const double a = centre + (u - kCentre) / s, b = a + 1.0 / s;  // the source span of output pixel u
        const int first = std::max(lo, static_cast<int>(std::floor(a)));
        const int last = std::min(hi, static_cast<int>(std::ceil(b)) - 1);
        axis[u].first = first;
        for (int i = first; i <= last; ++i)
            axis[u].weights.push_back(static_cast<float>(s * (std::min(b, i + 1.0) - std::max(a, double(i)))));
    }
    return axis;
}

}  // namespace

GreyImage grey_from_rgb(const uint8_t* rgb, int rows, int cols, int stride) {
    GreyImage grey{rows, cols, std::vector<float>(static_cast<size_t>(rows) * cols)};
    for (int r = 0; r < rows; ++r) {
        const uint8_t* px = rgb + static_cast<size_t>(r) * stride;
        for (int c = 0; c < cols; ++c, px += 3)
            grey.pixels[static_cast<size_t>(r) * cols + c] =
                (0.299f * px[0] + 0.587f * px[1] + 0.114f * px[2]) / 255.0f;
    }
    return grey;
}

std::optional<DigitImage> preprocess_digit(const GreyImage& picture, InkPolarity polarity) {
    if (picture.rows <= 0 || picture.cols <= 0 ||
        picture.pixels.size() != static_cast<size_t>(picture.rows) * picture.cols)
        return std::nullopt;
    std::vector<float> ink = ink_of(picture, polarity);
    const float peak = *std::max_element(ink.begin(), ink.end());
    if (!(peak >= kMinContrast)) return std::nullopt;

    // Noise floor, bounding box [r0, r1] x [c0, c1], mass and centre of mass (cx, cy).
    const int cols = picture.cols;
    int r0 = picture.rows, r1 = -1, c0 = cols, c1 = -1;
    double mass = 0.0, mx = 0.0, my = 0.0;
    for (int r = 0; r < picture.rows; ++r)
        for (int c = 0; c < cols; ++c) {
            float& v = ink[static_cast<size_t>(r) * cols + c];
            if (v < kNoiseFloor * peak) v = 0.0f;
            if (v == 0.0f) continue;
            r0 = std::min(r0, r), r1 = std::max(r1, r), c0 = std::min(c0, c), c1 = std::max(c1, c);
            mass += v, mx += v * (c + 0.5), my += v * (r + 0.5);
        }
    const int extent = std::max(r1 - r0 + 1, c1 - c0 + 1);
    if (extent < kMinInkExtent) return std::nullopt;
    const double s = double(kDigitBox) / extent;
    const std::vector<Taps> across = taps_for(mx / mass, s, c0, c1);
    const std::vector<Taps> down = taps_for(my / mass, s, r0, r1);

    // rows_pass {box rows, 28} = ink {box rows, box cols} x across^T; field {28, 28} = down x rows_pass.
    const int box_rows = r1 - r0 + 1;
    std::vector<float> rows_pass(static_cast<size_t>(box_rows) * kDigitSide, 0.0f);
    for (int r = 0; r < box_rows; ++r) {
        const float* src = ink.data() + static_cast<size_t>(r0 + r) * cols;
        for (int u = 0; u < kDigitSide; ++u) {
            float sum = 0.0f;
            for (size_t k = 0; k < across[u].weights.size(); ++k)
                sum += across[u].weights[k] * src[across[u].first + k];
            rows_pass[static_cast<size_t>(r) * kDigitSide + u] = sum;
        }
    }
    std::array<float, kDigitPixels> field{};
    for (int v = 0; v < kDigitSide; ++v)
        for (size_t k = 0; k < down[v].weights.size(); ++k) {
            const float w = down[v].weights[k];
            const float* src = rows_pass.data() + static_cast<size_t>(down[v].first - r0 + k) * kDigitSide;
            for (int u = 0; u < kDigitSide; ++u) field[v * kDigitSide + u] += w * src[u];
        }

    const float field_peak = *std::max_element(field.begin(), field.end());
    if (!(field_peak > 0.0f)) return std::nullopt;
    DigitImage digit{};
    for (int i = 0; i < kDigitPixels; ++i)
        digit[i] = static_cast<uint8_t>(std::lround(255.0f * std::min(1.0f, field[i] / field_peak)));
    return digit;
}

InkCentre ink_centre(const DigitImage& image) {
    double mass = 0.0, mx = 0.0, my = 0.0;
    for (int r = 0; r < kDigitSide; ++r)
        for (int c = 0; c < kDigitSide; ++c) {
            const double v = image[r * kDigitSide + c];
            mass += v, mx += v * (c + 0.5), my += v * (r + 0.5);
        }
    if (mass == 0.0) return {};
    return {mx / mass, my / mass};
}

}  // namespace mlpw
