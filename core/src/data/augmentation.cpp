// Augmentation in the batch assembly: per image, the layers' random draws, then one bilinear resampling.
#include "mlpw/data/augmentation.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "mlpw/nn/rng.h"

namespace mlpw {
namespace {

constexpr uint64_t kAugmentationStream = 4;  // 1, 2: initialisation and dropout (network.cpp), 3: shuffling

// The source index of coordinate i on an axis of n pixels under Keras' fill modes; -1: the fill value.
inline int fill_index(int i, int n, FillMode mode) {
    if (i >= 0 && i < n) return i;
    switch (mode) {
        case FillMode::constant: return -1;
        case FillMode::nearest: return i < 0 ? 0 : n - 1;
        case FillMode::wrap: return ((i % n) + n) % n;
        case FillMode::reflect: {  // d c b a | a b c d | d c b a: period 2n
            const int r = ((i % (2 * n)) + 2 * n) % (2 * n);
            return r < n ? r : 2 * n - 1 - r;
        }
    }
    return -1;
}

struct Sampler {
    const uint8_t* src;
    int rows, cols;
    FillMode mode;
    float fill;  // in pixel units

    float at(int x, int y) const {
        const int xi = fill_index(x, cols, mode), yi = fill_index(y, rows, mode);
        return xi < 0 || yi < 0 ? fill : static_cast<float>(src[yi * cols + xi]);
    }
    float bilinear(float x, float y) const {
        const float fx = std::floor(x), fy = std::floor(y);
        const float ax = x - fx, ay = y - fy;
        const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
        const float top = (1.0f - ax) * at(x0, y0) + ax * at(x0 + 1, y0);
        const float bottom = (1.0f - ax) * at(x0, y0 + 1) + ax * at(x0 + 1, y0 + 1);
        return (1.0f - ay) * top + ay * bottom;
    }
};

// A field value at a point (bilinear, edges extended): an elastic layer that is not the last one sees points
// off the pixel grid.
float field_at(const float* f, int rows, int cols, float x, float y) {
    const float cx = std::clamp(x, 0.0f, float(cols - 1)), cy = std::clamp(y, 0.0f, float(rows - 1));
    const int x0 = std::min(static_cast<int>(cx), cols - 2 < 0 ? 0 : cols - 2);
    const int y0 = std::min(static_cast<int>(cy), rows - 2 < 0 ? 0 : rows - 2);
    const int x1 = std::min(x0 + 1, cols - 1), y1 = std::min(y0 + 1, rows - 1);
    const float ax = cx - x0, ay = cy - y0;
    const float top = (1.0f - ax) * f[y0 * cols + x0] + ax * f[y0 * cols + x1];
    const float bottom = (1.0f - ax) * f[y1 * cols + x0] + ax * f[y1 * cols + x1];
    return (1.0f - ay) * top + ay * bottom;
}

// scipy.ndimage.gaussian_filter's kernel: radius int(4 sigma + 0.5), weights normalised to sum 1.
std::vector<float> gaussian_kernel(float sigma) {
    const int radius = static_cast<int>(4.0f * sigma + 0.5f);
    std::vector<float> k(static_cast<size_t>(2 * radius + 1));
    double sum = 0.0;
    for (int i = -radius; i <= radius; ++i)
        sum += k[i + radius] = static_cast<float>(std::exp(-0.5 * i * i / (sigma * sigma)));
    for (float& w : k) w = static_cast<float>(w / sum);
    return k;
}

}  // namespace

Augmenter::Augmenter(const ModelSpec& model, int rows, int cols, uint64_t seed)
    : m_rows(rows), m_cols(cols), m_seed(seed) {
    for (const LayerSpec& layer : model.layers)
        if (is_augmentation(layer.type)) {
            m_layers.push_back(layer);
            m_kernels.push_back(layer.type == LayerType::elastic_deformation ? gaussian_kernel(layer.sigma)
                                                                             : std::vector<float>{});
        }
    if (m_layers.empty()) return;
    const size_t pixels = static_cast<size_t>(rows) * cols;
    m_scratch.resize(static_cast<size_t>(std::max(omp_get_max_threads(), omp_get_num_procs())));
    for (Scratch& s : m_scratch) {
        s.dx.assign(pixels, 0.0f);
        s.dy.assign(pixels, 0.0f);
        s.row.assign(pixels, 0.0f);
        s.draws.assign(m_layers.size(), Draw{});
    }
}

// Separable Gaussian with zeros outside (scipy mode "constant"): rows into `row`, then columns back into field.
void Augmenter::smooth(std::vector<float>& field, std::vector<float>& row, const std::vector<float>& kernel) const {
    const int radius = static_cast<int>(kernel.size() / 2);
    for (int y = 0; y < m_rows; ++y)
        for (int x = 0; x < m_cols; ++x) {
            float sum = 0.0f;
            for (int k = std::max(-radius, -x); k <= std::min(radius, m_cols - 1 - x); ++k)
                sum += kernel[k + radius] * field[y * m_cols + x + k];
            row[y * m_cols + x] = sum;
        }
    for (int y = 0; y < m_rows; ++y)
        for (int x = 0; x < m_cols; ++x) {
            float sum = 0.0f;
            for (int k = std::max(-radius, -y); k <= std::min(radius, m_rows - 1 - y); ++k)
                sum += kernel[k + radius] * row[(y + k) * m_cols + x];
            field[y * m_cols + x] = sum;
        }
}

void Augmenter::augment(const uint8_t* src, float scale, float offset, uint64_t step, uint32_t index, float* dst,
                        Scratch& s) const {
    Rng rng(derive_seed(derive_seed(m_seed, kAugmentationStream, step), index));
    const float pi2 = 2.0f * std::numbers::pi_v<float>;
    bool elastic = false;
    for (size_t l = 0; l < m_layers.size(); ++l) {
        const LayerSpec& layer = m_layers[l];
        Draw& d = s.draws[l];
        d = Draw{};
        switch (layer.type) {
            case LayerType::random_translation:
                d.dy = rng.uniform(-layer.height_factor, layer.height_factor) * m_rows;
                d.dx = rng.uniform(-layer.width_factor.value_or(0.0f), layer.width_factor.value_or(0.0f)) * m_cols;
                break;
            case LayerType::random_rotation: d.angle = rng.uniform(-layer.factor, layer.factor) * pi2; break;
            case LayerType::random_zoom:
                d.zy = 1.0f + rng.uniform(-layer.height_factor, layer.height_factor);
                d.zx = layer.width_factor ? 1.0f + rng.uniform(-*layer.width_factor, *layer.width_factor) : d.zy;
                break;
            case LayerType::elastic_deformation: {
                elastic = true;
                for (float& v : s.dx) v = rng.uniform(-1.0f, 1.0f);
                for (float& v : s.dy) v = rng.uniform(-1.0f, 1.0f);
                smooth(s.dx, s.row, m_kernels[l]);
                smooth(s.dy, s.row, m_kernels[l]);
                for (float& v : s.dx) v *= layer.alpha;
                for (float& v : s.dy) v *= layer.alpha;
                break;
            }
            default: break;
        }
    }
    warp(src, scale, offset, s.draws.data(), elastic ? s.dx.data() : nullptr, elastic ? s.dy.data() : nullptr, dst);
}

void Augmenter::warp(const uint8_t* src, float scale, float offset, const Draw* draws, const float* field_dx,
                     const float* field_dy, float* dst) const {
    // The fill of the first layer that has one (elastic layers fill with zeros); in pixel units.
    FillMode mode = FillMode::constant;
    float fill = scale != 0.0f ? -offset / scale : 0.0f;
    for (const LayerSpec& layer : m_layers)
        if (layer.type != LayerType::elastic_deformation) {
            mode = layer.fill_mode;
            fill = scale != 0.0f ? (layer.fill_value - offset) / scale : 0.0f;
            break;
        }
    const Sampler sampler{src, m_rows, m_cols, mode, fill};
    const float cx = 0.5f * float(m_cols - 1), cy = 0.5f * float(m_rows - 1);
    float cosines[16], sines[16];  // per layer, for rotations (at most 16 layers rotate; more use sin/cos inline)
    const size_t layers = m_layers.size();
    for (size_t l = 0; l < std::min<size_t>(layers, 16); ++l) {
        cosines[l] = std::cos(draws[l].angle);
        sines[l] = std::sin(draws[l].angle);
    }
    for (int y = 0; y < m_rows; ++y)
        for (int x = 0; x < m_cols; ++x) {
            // From the output pixel back through the layers, last first: where the first layer's input is read.
            float px = float(x), py = float(y);
            for (size_t l = layers; l-- > 0;) {
                const Draw& d = draws[l];
                switch (m_layers[l].type) {
                    case LayerType::random_translation:  // output(p) = input(p - shift)
                        px -= d.dx;
                        py -= d.dy;
                        break;
                    case LayerType::random_rotation: {  // counter-clockwise on screen (y down)
                        const float c = l < 16 ? cosines[l] : std::cos(d.angle);
                        const float s = l < 16 ? sines[l] : std::sin(d.angle);
                        const float u = px - cx, v = cy - py;  // v points up
                        px = cx + (u * c + v * s);
                        py = cy - (v * c - u * s);
                        break;
                    }
                    case LayerType::random_zoom:  // input = c + (p - c) * zoom: a zoom > 1 shows more, smaller
                        px = cx + (px - cx) * d.zx;
                        py = cy + (py - cy) * d.zy;
                        break;
                    case LayerType::elastic_deformation:
                        if (field_dx) {
                            const float ddx = field_at(field_dx, m_rows, m_cols, px, py);
                            const float ddy = field_at(field_dy, m_rows, m_cols, px, py);
                            px += ddx;
                            py += ddy;
                        }
                        break;
                    default: break;
                }
            }
            dst[y * m_cols + x] = sampler.bilinear(px, py) * scale + offset;
        }
}

void Augmenter::gather(const BatchAssembler& assembler, const ImageSet& set, const uint32_t* indices, int n,
                       uint64_t step, float* dst) {
    const size_t features = static_cast<size_t>(set.features());
    const float scale = assembler.scale(), offset = assembler.offset();
    const int slots = static_cast<int>(m_scratch.size());
#pragma omp parallel for schedule(static) if (n > 1)
    for (int i = 0; i < n; ++i) {
        Scratch& s = m_scratch[static_cast<size_t>(std::min(omp_get_thread_num(), slots - 1))];
        augment(set.image(static_cast<int>(indices[i])), scale, offset, step, static_cast<uint32_t>(i),
                dst + static_cast<size_t>(i) * features, s);
    }
}

}  // namespace mlpw
