// Keras initialisers, tf.keras 2 semantics (keras/initializers/initializers_v2.py).
#include "mlpw/nn/initializers.h"

#include <algorithm>
#include <cmath>

#include "mlpw/errors.h"

namespace mlpw {
namespace {
// Keras' VarianceScaling truncated normal: the stddev of a unit normal truncated to (-2, 2).
constexpr float kTruncatedNormalStddev = 0.87962566103423978f;

void fill_uniform(float* dst, size_t n, float lo, float hi, Rng& rng) {
    for (size_t i = 0; i < n; ++i) dst[i] = rng.uniform(lo, hi);
}
void fill_truncated_normal(float* dst, size_t n, float stddev, Rng& rng) {
    for (size_t i = 0; i < n; ++i) dst[i] = stddev * rng.truncated_normal();
}
}  // namespace

void initialize(const InitializerSpec& spec, float* dst, size_t n, int fan_in, int fan_out, Rng& rng) {
    const float in = static_cast<float>(std::max(fan_in, 1));
    const float avg = static_cast<float>(std::max(fan_in + fan_out, 1));
    switch (spec.type) {
        case InitializerType::zeros: std::fill(dst, dst + n, 0.0f); return;
        case InitializerType::ones: std::fill(dst, dst + n, 1.0f); return;
        case InitializerType::constant: std::fill(dst, dst + n, spec.value); return;
        case InitializerType::random_normal:
            for (size_t i = 0; i < n; ++i) dst[i] = spec.mean + spec.stddev * rng.normal();
            return;
        case InitializerType::random_uniform: fill_uniform(dst, n, spec.minval, spec.maxval, rng); return;
        case InitializerType::glorot_uniform: {
            const float limit = std::sqrt(6.0f / avg);
            fill_uniform(dst, n, -limit, limit, rng);
            return;
        }
        case InitializerType::he_uniform: {
            const float limit = std::sqrt(6.0f / in);
            fill_uniform(dst, n, -limit, limit, rng);
            return;
        }
        case InitializerType::glorot_normal:
            fill_truncated_normal(dst, n, std::sqrt(2.0f / avg) / kTruncatedNormalStddev, rng);
            return;
        case InitializerType::he_normal:
            fill_truncated_normal(dst, n, std::sqrt(2.0f / in) / kTruncatedNormalStddev, rng);
            return;
        case InitializerType::lecun_normal:
            fill_truncated_normal(dst, n, std::sqrt(1.0f / in) / kTruncatedNormalStddev, rng);
            return;
    }
    throw SpecError("initializer: unknown type " + std::to_string(static_cast<int>(spec.type)));
}

}  // namespace mlpw
