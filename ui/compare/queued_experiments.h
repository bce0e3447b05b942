#pragma once
// The experiments a RunQueue runs, each named as its run will be: one experiment with N seeds (Repeat × N), a
// sweep's grid (mlpw::expand_sweep, the CLI's `sweep` section), optionally each point with N seeds.
#include <QString>
#include <vector>

#include <nlohmann/json.hpp>

#include "mlpw/experiment/experiment.h"

// n copies of `base` with the seeds base.training.seed, +1, +2… (mlpw::with_seeds, as `mlpw sweep --seeds`); the
// name is kept (the runs form one group). Throws Error for n < 1.
std::vector<mlpw::ExperimentSpec> seed_repeats(const mlpw::ExperimentSpec& base, int n);
// The grid of `sweep` ({"field.path": [values…], …}) over `base`, each point `seeds` times, named
// "<base name> (<point label>)" (mlpw::sweep_runs, as `mlpw sweep`). Throws SpecError for a key or value the
// experiment does not accept.
std::vector<mlpw::ExperimentSpec> sweep_experiments(const mlpw::ExperimentSpec& base, const nlohmann::json& sweep,
                                                    int seeds = 1);
// The values typed for one sweep field: a JSON list without its brackets ("32, 64, 128",
// "{\"type\": \"sgd\"}, {\"type\": \"adam\"}") or bare words ("relu, tanh"); an empty array when blank.
nlohmann::json sweep_values(const QString& text);
