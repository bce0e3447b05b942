// See seed_repeats.h.
#include "mlpw/experiment/seed_repeats.h"

#include "mlpw/errors.h"

namespace mlpw {

std::vector<SweepPoint> with_seeds(const std::vector<SweepPoint>& points, int seeds) {
    if (seeds < 1) throw Error("seeds: expected 1 or more, got " + std::to_string(seeds));
    if (seeds == 1) return points;
    std::vector<SweepPoint> out;
    out.reserve(points.size() * static_cast<size_t>(seeds));
    for (const SweepPoint& point : points)
        for (int i = 0; i < seeds; ++i) {
            SweepPoint repeat = point;
            repeat.spec.training.seed = point.spec.training.seed + static_cast<uint64_t>(i);
            repeat.label +=
                (point.label.empty() ? "" : ", ") + std::string("seed=") + std::to_string(repeat.spec.training.seed);
            out.push_back(std::move(repeat));
        }
    return out;
}

std::vector<SweepPoint> sweep_runs(const ExperimentSpec& spec, int seeds) {
    std::vector<SweepPoint> points = expand_sweep(spec);
    for (SweepPoint& point : points)
        if (!point.label.empty()) point.spec.name += " (" + point.label + ")";
    return with_seeds(points, seeds);
}

}  // namespace mlpw
