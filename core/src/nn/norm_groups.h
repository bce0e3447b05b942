#pragma once
// The norm groups of a kernel in oneDNN's (possibly blocked) layout, for max_norm and unit_norm (private to
// mlpw_core). The layout is cut once into runs of consecutive elements that either stay in one group (a unit's
// inputs stored side by side: axis 1 of a blocked kernel, axis 0 of a plain one) or step through consecutive
// groups (the 16 or 64 units of a block stored side by side), so both passes are vector loops over contiguous
// floats instead of an indexed scatter per element (measured on best_mlp's 1.86M weights: see
// docs/performance.md).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mlpw::detail {

class NormGroups {
public:
    NormGroups() = default;
    // group_of[e]: the group of element e, or `groups` for the layout's padding (zeros, left out).
    NormGroups(const std::vector<uint32_t>& group_of, uint32_t groups);

    uint32_t groups() const { return m_groups; }
    // sums[g] = the sum of w^2 over group g, in double, g < groups(). The order of the additions is fixed
    // (serial), so the result is the same for every thread count.
    void sum_squares(const float* w, double* sums) const;
    // w[e] *= factor[group of e], for every element outside the padding; split over the OpenMP threads.
    void scale(float* w, const float* factor) const;

    struct Run {
        size_t begin, length;
        uint32_t group;
        bool stepping;  // element begin + j belongs to group + j (else all to group)
    };

private:
    std::vector<Run> m_runs;
    size_t m_elements = 0;  // in the runs
    uint32_t m_groups = 0;
};

}  // namespace mlpw::detail
