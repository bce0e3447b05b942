#pragma once
// "Repeat × N": every point of a sweep (or the one experiment) run with N seeds, so the results table can show
// mean ± sd and say whether a difference is larger than the seeds' spread (report/seed_statistics.h).
#include <vector>

#include "mlpw/experiment/experiment.h"

namespace mlpw {

// Each point `seeds` times, point by point: seeds training.seed, training.seed + 1, ..., training.seed + N - 1
// (so seed 13 with 3 seeds is 13, 14, 15, and the first repeat is the run without --seeds). With N > 1 each
// label ends with "seed=S" ("optimizer=adam, seed=14"; the base: "seed=14"). N = 1 returns the points as they
// are. Throws Error for N < 1.
std::vector<SweepPoint> with_seeds(const std::vector<SweepPoint>& points, int seeds);

// The runs of an experiment's sweep with N seeds: expand_sweep, each point's experiment named
// "<name> (<label>)" (so its run bundle and a report tell the points apart; the seed is not in the name, so a
// point's seeds share it), then with_seeds. A spec without a sweep keeps its name.
std::vector<SweepPoint> sweep_runs(const ExperimentSpec& spec, int seeds);

}  // namespace mlpw
