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
        if (x0 >= 0 && y0 >= 0 && x0 + 1 < cols && y0 + 1 < rows) {  // inside: no fill rule to apply
            const uint8_t* p = src + y0 * cols + x0;
            const float top = (1.0f - ax) * float(p[0]) + ax * float(p[1]);
            const float bottom = (1.0f - ax) * float(p[cols]) + ax * float(p[cols + 1]);
            return (1.0f - ay) * top + ay * bottom;
        }
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

// scipy.ndimage.gaussian_filter's kernel with truncate=3.0: radius int(3 sigma + 0.5), weights summing to 1.
std::vector<float> gaussian_kernel(float sigma) {
    const int radius = static_cast<int>(3.0f * sigma + 0.5f);
    std::vector<float> k(static_cast<size_t>(2 * radius + 1));
    double sum = 0.0;
    for (int i = -radius; i <= radius; ++i)
        sum += k[i + radius] = static_cast<float>(std::exp(-0.5 * i * i / (sigma * sigma)));
    for (float& w : k) w = static_cast<float>(w / sum);
    return k;
}

// Nodes every `step` pixels from 0 until one is at or past the last pixel n - 1.
int node_count(int n, int step) { return (n - 1 + step - 1) / step + 1; }

// The translation, rotation and zoom layers as one affine map of the sampling point:
// p' = (a px + b py + c, d px + e py + f).
struct Affine {
    float a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
    bool identity() const { return a == 1 && b == 0 && c == 0 && d == 0 && e == 1 && f == 0; }
    // this after `inner`: p -> this(inner(p)).
    Affine after(const Affine& m) const {
        return {a * m.a + b * m.d, a * m.b + b * m.e, a * m.c + b * m.f + c,
                d * m.a + e * m.d, d * m.b + e * m.e, d * m.c + e * m.f + f};
    }
};

// The map from a layer's output point to the point of its input it reads; cx, cy: the image centre.
Affine layer_map(LayerType type, const Augmenter::Draw& draw, float cx, float cy) {
    switch (type) {
        case LayerType::random_translation: return {1, 0, -draw.dx, 0, 1, -draw.dy};  // output(p) = input(p - shift)
        case LayerType::random_rotation: {  // counter-clockwise on screen (y down): with v = cy - py pointing up,
            const float c = std::cos(draw.angle), s = std::sin(draw.angle);  // u' = u c + v s, v' = v c - u s
            return {c, -s, cx - c * cx + s * cy, s, c, cy - c * cy - s * cx};
        }
        case LayerType::random_zoom:  // input = c + (p - c) * zoom: a zoom > 1 shows more, smaller
            return {draw.zx, 0, cx * (1.0f - draw.zx), 0, draw.zy, cy * (1.0f - draw.zy)};
        default: return {};
    }
}

}  // namespace

Augmenter::ElasticSmoothing::ElasticSmoothing(float sigma, int rows, int cols)
    : kernel(gaussian_kernel(sigma)), radius(static_cast<int>(kernel.size() / 2)),
      step(std::max(1, static_cast<int>(sigma / 2.0f))), nodes_x(node_count(cols, step)),
      nodes_y(node_count(rows, step)), padded_cols((nodes_x - 1) * step + 1 + 2 * radius) {}

Augmenter::Augmenter(const ModelSpec& model, int rows, int cols, uint64_t seed)
    : m_rows(rows), m_cols(cols), m_seed(seed) {
    for (const LayerSpec& layer : model.layers)
        if (is_augmentation(layer.type)) {
            m_layers.push_back(layer);
            m_smoothing.push_back(layer.type == LayerType::elastic_deformation
                                      ? ElasticSmoothing(layer.sigma, rows, cols)
                                      : ElasticSmoothing());
        }
    if (m_layers.empty()) return;
    size_t noise = 0, row = 0, nodes = 0;
    for (const ElasticSmoothing& e : m_smoothing) {
        noise = std::max(noise, static_cast<size_t>(rows) * e.padded_cols);
        row = std::max(row, static_cast<size_t>(rows) * e.nodes_x);
        nodes = std::max(nodes, static_cast<size_t>(e.nodes_y) * e.nodes_x);
    }
    const size_t pixels = static_cast<size_t>(rows) * cols;
    m_scratch.resize(static_cast<size_t>(std::max(omp_get_max_threads(), omp_get_num_procs())));
    for (Scratch& s : m_scratch) {
        s.noise.assign(noise, 0.0f);
        s.row.assign(row, 0.0f);
        s.nodes.assign(nodes, 0.0f);
        s.dx.assign(pixels, 0.0f);
        s.dy.assign(pixels, 0.0f);
        s.draws.assign(m_layers.size(), Draw{});
    }
}

template <class Value>
void Augmenter::load_noise(const ElasticSmoothing& e, Scratch& s, Value value) const {
    std::fill(s.noise.begin(), s.noise.end(), 0.0f);
    for (int y = 0; y < m_rows; ++y)
        for (int x = 0; x < m_cols; ++x) s.noise[static_cast<size_t>(y) * e.padded_cols + x + e.radius] = value(x, y);
}

// The separable Gaussian (zeros outside: scipy's mode "constant") at the nodes only, then bilinear in between.
// Rows: every image row, at the node columns; columns: at the node rows. The inner loops run over nodes
// (independent sums, contiguous in the column pass) so they vectorise.
void Augmenter::smooth(const ElasticSmoothing& e, float alpha, Scratch& s, float* field) const {
    const int taps = 2 * e.radius + 1, g = e.step, nx = e.nodes_x;
    for (int y = 0; y < m_rows; ++y) {
        float* out = s.row.data() + static_cast<size_t>(y) * nx;
        const float* in = s.noise.data() + static_cast<size_t>(y) * e.padded_cols;  // in[x + radius]: pixel x
        std::fill(out, out + nx, 0.0f);
        for (int k = 0; k < taps; ++k)
            for (int j = 0; j < nx; ++j) out[j] += e.kernel[k] * in[j * g + k];
    }
    for (int jy = 0; jy < e.nodes_y; ++jy) {
        float* out = s.nodes.data() + static_cast<size_t>(jy) * nx;
        std::fill(out, out + nx, 0.0f);
        const int y = jy * g;
        for (int k = std::max(-e.radius, -y); k <= std::min(e.radius, m_rows - 1 - y); ++k) {
            const float w = e.kernel[k + e.radius];
            const float* in = s.row.data() + static_cast<size_t>(y + k) * nx;
            for (int j = 0; j < nx; ++j) out[j] += w * in[j];
        }
    }
    for (int y = 0; y < m_rows; ++y) {
        const int jy = y / g, jy1 = std::min(jy + 1, e.nodes_y - 1);
        const float ay = float(y - jy * g) / float(g);
        const float* top = s.nodes.data() + static_cast<size_t>(jy) * nx;
        const float* bottom = s.nodes.data() + static_cast<size_t>(jy1) * nx;
        for (int x = 0; x < m_cols; ++x) {
            const int jx = x / g, jx1 = std::min(jx + 1, nx - 1);
            const float ax = float(x - jx * g) / float(g);
            const float t = (1.0f - ax) * top[jx] + ax * top[jx1];
            const float b = (1.0f - ax) * bottom[jx] + ax * bottom[jx1];
            field[y * m_cols + x] = alpha * ((1.0f - ay) * t + ay * b);
        }
    }
}

void Augmenter::elastic_field(const ElasticSmoothing& smoothing, float alpha, const float* noise_x,
                              const float* noise_y, float* field_x, float* field_y) const {
    Scratch s = m_scratch.front();
    load_noise(smoothing, s, [&](int x, int y) { return noise_x[y * m_cols + x]; });
    smooth(smoothing, alpha, s, field_x);
    load_noise(smoothing, s, [&](int x, int y) { return noise_y[y * m_cols + x]; });
    smooth(smoothing, alpha, s, field_y);
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
                const ElasticSmoothing& e = m_smoothing[l];
                for (float* field : {s.dx.data(), s.dy.data()}) {  // x noise first, row by row, then y
                    load_noise(e, s, [&](int, int) { return rng.uniform(-1.0f, 1.0f); });
                    smooth(e, layer.alpha, s, field);
                }
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
    // From the output pixel back through the layers, last first: p -> outer(p + field(inner(p))), where inner
    // composes the affine layers after the elastic one and outer those before it (all of them without one).
    Affine inner, outer;
    bool after_elastic = true;
    for (size_t l = m_layers.size(); l-- > 0;) {
        if (m_layers[l].type == LayerType::elastic_deformation) {
            after_elastic = false;
            continue;
        }
        Affine& m = after_elastic && field_dx ? inner : outer;
        m = layer_map(m_layers[l].type, draws[l], cx, cy).after(m);
    }
    const bool on_grid = inner.identity();  // the field is read at the pixels themselves: no interpolation
    for (int y = 0; y < m_rows; ++y)
        for (int x = 0; x < m_cols; ++x) {
            float px = float(x), py = float(y);
            if (field_dx) {
                if (on_grid) {
                    px += field_dx[y * m_cols + x];
                    py += field_dy[y * m_cols + x];
                } else {
                    const float qx = inner.a * px + inner.b * py + inner.c, qy = inner.d * px + inner.e * py + inner.f;
                    px = qx + field_at(field_dx, m_rows, m_cols, qx, qy);
                    py = qy + field_at(field_dy, m_rows, m_cols, qx, qy);
                }
            }
            const float sx = outer.a * px + outer.b * py + outer.c, sy = outer.d * px + outer.e * py + outer.f;
            dst[y * m_cols + x] = sampler.bilinear(sx, sy) * scale + offset;
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
