#pragma once
// Helpers for the element-wise kernels (optimiser updates, dropout masks).
#include <omp.h>

#include <algorithm>
#include <cstddef>

// Kernels are compiled for several instruction sets and picked at load time (GCC ifunc), so one binary runs
// everywhere and uses AVX-512 or AVX2 where the CPU has them.
#if defined(__clang__)
// Clang 14 (the fuzz build's compiler) cannot multiversion function templates: one baseline version there.
#define MLPW_VECTOR_CLONES
#else
#define MLPW_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif

namespace mlpw::detail {

// Calls kernel(begin, end) over [0, n): serially below `threshold` (waking a thread costs more than it
// saves), else one contiguous chunk per OpenMP thread, chunk starts aligned to 16 elements (64 bytes).
template <class Kernel>
void parallel_chunks(size_t n, size_t threshold, Kernel&& kernel) {
    if (n < threshold || omp_get_max_threads() == 1) {
        kernel(size_t{0}, n);
        return;
    }
#pragma omp parallel
    {
        const size_t threads = static_cast<size_t>(omp_get_num_threads());
        const size_t per_thread = ((n + threads - 1) / threads + 15) & ~size_t{15};
        const size_t begin = std::min(n, static_cast<size_t>(omp_get_thread_num()) * per_thread);
        const size_t end = std::min(n, begin + per_thread);
        if (begin < end) kernel(begin, end);
    }
}

// The sum of term(i) over [0, n), in double. kLanes partial sums let the loop vectorise (one running sum is a
// chain of dependent adds, 4 cycles per element); their order is fixed, so the result is the same for every
// instruction set and thread count. Call it from a MLPW_VECTOR_CLONES function so it is built for each.
template <class Term>
[[gnu::always_inline]] inline double lane_sum(size_t n, Term&& term) {
    constexpr size_t kLanes = 16;
    double lanes[kLanes] = {};
    size_t i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (size_t j = 0; j < kLanes; ++j) lanes[j] += term(i + j);
    for (size_t j = 0; i < n; ++i, ++j) lanes[j] += term(i);
    double sum = 0.0;
    for (const double lane : lanes) sum += lane;
    return sum;
}

}  // namespace mlpw::detail
