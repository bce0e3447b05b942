// Dropout (inverted, as Keras): training dst = src * mask, mask = keep / (1 - rate) with keep = (u >= rate);
// inference dst = src. The mask of element i at training step s comes from a counter-based hash of
// (layer seed, s, i), so it does not depend on the thread count and needs no sequential RNG state.
#include <cstring>

#include "mlpw/nn/rng.h"
#include "nn/layer.h"
#include "nn/vectorize.h"

namespace mlpw::detail {
namespace {

constexpr size_t kParallelThreshold = size_t{1} << 16;  // elements; below this, waking a second thread costs more

// Elements [2 * begin, 2 * end): two 24-bit uniforms per 64-bit hash; keep when u >= threshold (exact in integers).
MLPW_VECTOR_CLONES
void dropout_pairs(const float* src, float* dst, float* mask, size_t begin, size_t end, uint64_t stream,
                   uint32_t threshold, float scale) {
    for (size_t pair = begin; pair < end; ++pair) {
        const uint64_t h = splitmix64(stream + pair);
        const float m0 = static_cast<uint32_t>(h >> 40) >= threshold ? scale : 0.0f;
        const float m1 = static_cast<uint32_t>((h >> 8) & 0xFFFFFF) >= threshold ? scale : 0.0f;
        mask[2 * pair] = m0;
        mask[2 * pair + 1] = m1;
        dst[2 * pair] = src[2 * pair] * m0;
        dst[2 * pair + 1] = src[2 * pair + 1] * m1;
    }
}

// diff_src = diff_dst * mask over [begin, end).
MLPW_VECTOR_CLONES
void masked_gradient(const float* __restrict diff_dst, const float* __restrict mask, float* __restrict diff_src,
                     size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) diff_src[i] = diff_dst[i] * mask[i];
}

class DropoutLayer final : public SameShapeLayer {
public:
    DropoutLayer(Engine& engine, const std::string& name, int features, int capacity, float rate, uint64_t seed)
        : SameShapeLayer(engine, name, features, capacity), m_rate(rate), m_scale(1.0f / (1.0f - rate)), m_seed(seed),
          m_mask(static_cast<size_t>(capacity) * features) {}

    void prepare(int, Pass) override {}

    void forward(int rows, Pass pass) override {
        const size_t n = static_cast<size_t>(rows) * m_in;
        if (pass == Pass::inference) {
            std::memcpy(m_dst.data(), m_src, n * sizeof(float));
            return;
        }
        const uint64_t stream = splitmix64(m_seed ^ (m_step++ * 0xD1B54A32D192ED03ull));
        const auto threshold = static_cast<uint32_t>(static_cast<double>(m_rate) * (1u << 24));
        const size_t pairs = n / 2;
        const float* src = m_src;
        float* dst = m_dst.data();
        float* mask = m_mask.data();
        parallel_chunks(pairs, kParallelThreshold / 2, [&](size_t begin, size_t end) {
            dropout_pairs(src, dst, mask, begin, end, stream, threshold, m_scale);
        });
        if (n % 2) {  // the odd last element takes the high half of the next pair's hash
            const bool keep = static_cast<uint32_t>(splitmix64(stream + pairs) >> 40) >= threshold;
            mask[n - 1] = keep ? m_scale : 0.0f;
            dst[n - 1] = src[n - 1] * mask[n - 1];
        }
    }

    void backward(int rows) override {
        if (!m_need_diff_src) return;
        const size_t n = static_cast<size_t>(rows) * m_in;
        const float* mask = m_mask.data();
        const float* diff_dst = m_diff_dst;
        float* diff_src = m_diff_src.data();
        parallel_chunks(n, kParallelThreshold,
                        [&](size_t begin, size_t end) { masked_gradient(diff_dst, mask, diff_src, begin, end); });
    }

    void set_training_step(uint64_t step) override { m_step = step; }

    std::string describe() const override {
        return m_name + " (Dropout " + std::to_string(m_in) + ", rate " + std::to_string(m_rate) + ")";
    }

private:
    float m_rate, m_scale;
    uint64_t m_seed;
    uint64_t m_step = 0;
    Buffer m_mask;  // {capacity, features}: 0 or 1 / (1 - rate)
};

}  // namespace

std::unique_ptr<Layer> make_dropout(Engine& engine, const std::string& name, int features, int capacity, float rate,
                                    uint64_t seed) {
    return std::make_unique<DropoutLayer>(engine, name, features, capacity, rate, seed);
}

}  // namespace mlpw::detail
