// NormGroups: see norm_groups.h.
#include "nn/norm_groups.h"

#include <algorithm>

#include "nn/vectorize.h"

namespace mlpw::detail {
namespace {

using Run = NormGroups::Run;

constexpr size_t kParallelThreshold = size_t{1} << 15;  // elements; below this, waking a second thread costs more

// One function per pass over all the runs (a call per run through the clones' dispatch would cost more than a
// short run's loop).
MLPW_VECTOR_CLONES
void sum_runs(const Run* runs, size_t count, const float* __restrict w, double* __restrict sums) {
    for (size_t r = 0; r < count; ++r) {
        const Run& run = runs[r];
        const float* x = w + run.begin;
        if (run.stepping) {
            double* s = sums + run.group;
            for (size_t j = 0; j < run.length; ++j) s[j] += double(x[j]) * x[j];
        } else {
            sums[run.group] += lane_sum(run.length, [&](size_t j) { return double(x[j]) * x[j]; });
        }
    }
}

MLPW_VECTOR_CLONES
void scale_runs(const Run* runs, size_t begin, size_t end, float* __restrict w, const float* __restrict factor) {
    for (size_t r = begin; r < end; ++r) {
        const Run& run = runs[r];
        float* x = w + run.begin;
        if (run.stepping) {
            const float* f = factor + run.group;
            for (size_t j = 0; j < run.length; ++j) x[j] *= f[j];
        } else {
            const float f = factor[run.group];
            for (size_t j = 0; j < run.length; ++j) x[j] *= f;
        }
    }
}

}  // namespace

NormGroups::NormGroups(const std::vector<uint32_t>& group_of, uint32_t groups) : m_groups(groups) {
    const size_t n = group_of.size();
    for (size_t e = 0; e < n;) {
        const uint32_t g = group_of[e];
        size_t length = 1;
        const bool stepping = e + 1 < n && g + 1 < groups && group_of[e + 1] == g + 1;
        if (stepping)
            while (e + length < n && g + length < groups && group_of[e + length] == g + length) ++length;
        else
            while (e + length < n && group_of[e + length] == g) ++length;
        if (g < groups) {  // padding is left out
            m_runs.push_back({e, length, g, stepping});
            m_elements += length;
        }
        e += length;
    }
}

void NormGroups::sum_squares(const float* w, double* sums) const {
    std::fill(sums, sums + m_groups, 0.0);
    sum_runs(m_runs.data(), m_runs.size(), w, sums);
}

void NormGroups::scale(float* w, const float* factor) const {
    // Runs have nearly equal lengths, so equal numbers of runs per thread are equal work.
    const Run* runs = m_runs.data();
    if (m_elements < kParallelThreshold) return scale_runs(runs, 0, m_runs.size(), w, factor);
    parallel_chunks(m_runs.size(), 0, [&](size_t begin, size_t end) { scale_runs(runs, begin, end, w, factor); });
}

}  // namespace mlpw::detail
