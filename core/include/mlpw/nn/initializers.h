#pragma once
// Keras initialisers (tf.keras 2 semantics and defaults), driven by an explicit Rng.
#include <cstddef>

#include "mlpw/experiment/model_spec.h"
#include "mlpw/nn/rng.h"

namespace mlpw {

// Fills dst[n] for a tensor with the given fans (Dense kernel: fan_in = inputs, fan_out = units).
// glorot_uniform: U(-l, l), l = sqrt(6 / (fan_in + fan_out)); he_uniform: l = sqrt(6 / fan_in);
// glorot_normal / he_normal / lecun_normal: truncated normal (2 sd) with stddev sqrt(s / fan) / 0.8796...
// (s = 2, 2, 1; fan = fan_in + fan_out, fan_in, fan_in), as Keras' VarianceScaling does;
// random_normal(mean, stddev), random_uniform(minval, maxval), zeros, ones, constant(value).
// Throws SpecError for an unknown name.
void initialize(const InitializerSpec& spec, float* dst, size_t n, int fan_in, int fan_out, Rng& rng);

}  // namespace mlpw
