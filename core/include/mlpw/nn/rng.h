#pragma once
// Explicit, portable random numbers. No std::*_distribution (their algorithms differ between standard
// libraries) and no global state: one seed gives the same numbers everywhere.
#include <cmath>
#include <cstdint>

namespace mlpw {

// SplitMix64 (Steele, Lea, Flood 2014): a stateless mixer, used to derive seeds and counter-based streams.
constexpr uint64_t splitmix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// Derive an independent seed for a named purpose (initialisation of layer k, shuffling, dropout...).
constexpr uint64_t derive_seed(uint64_t seed, uint64_t purpose, uint64_t index = 0) {
    return splitmix64(splitmix64(seed ^ splitmix64(purpose)) + index);
}

// xoshiro256** (Blackman, Vigna 2018): fast, 256-bit state, seeded through SplitMix64.
class Rng {
public:
    explicit Rng(uint64_t seed) {
        for (auto& word : m_state) {
            seed += 0x9E3779B97F4A7C15ull;
            word = splitmix64(seed - 0x9E3779B97F4A7C15ull);
        }
    }

    uint64_t next_u64() {
        const uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1) with 24 bits of resolution (exactly representable floats).
    float uniform() { return static_cast<float>(next_u64() >> 40) * 0x1.0p-24f; }
    // Uniform in [lo, hi).
    float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n), unbiased (Lemire 2019, with rejection).
    uint32_t below(uint32_t n) {
        uint64_t m = (next_u64() >> 32) * n;
        if (static_cast<uint32_t>(m) < n) {
            const uint32_t threshold = static_cast<uint32_t>(-n) % n;
            while (static_cast<uint32_t>(m) < threshold) m = (next_u64() >> 32) * n;
        }
        return static_cast<uint32_t>(m >> 32);
    }
    // Standard normal by the Box-Muller transform, computed in double for portability of the result.
    float normal() {
        double u1 = 0.0;
        while (u1 <= 0.0) u1 = static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
        const double u2 = static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
        return static_cast<float>(std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2));
    }
    // Normal(0, 1) redrawn until within two standard deviations (Keras' truncated_normal).
    float truncated_normal() {
        for (;;) {
            const float z = normal();
            if (z > -2.0f && z < 2.0f) return z;
        }
    }

private:
    static constexpr uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t m_state[4];
};

}  // namespace mlpw
