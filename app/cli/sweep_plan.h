#pragma once
// mlpw sweep --plan DIR: the sweep written out as jobs for another scheduler (GNU parallel, a Slurm job array)
// instead of being run. Every path inside is relative to DIR, so the folder can be copied to a cluster:
//   DIR/sweep.json              the sweep as given, resolved (not experiment.json: DIR is no run bundle)
//   DIR/experiments/run_<i>.json one resolved experiment per grid point and seed (no sweep; its name says the point)
//   DIR/plan.csv                run,varies,seed,experiment,out
//   DIR/jobs.txt                one command per line, to run from DIR:
//                               <mlpw> train --experiment experiments/run_<i>.json --out runs/run_<i> > logs/run_<i>.log 2>&1
//   DIR/sweep.sbatch            a Slurm job array (1..N) running line $SLURM_ARRAY_TASK_ID of jobs.txt; submit from DIR
//   DIR/runs/, DIR/logs/        where the jobs write their run bundles and logs
// Run it with `cd DIR && parallel -j1 < jobs.txt` (or `sbatch sweep.sbatch`), then `mlpw report --runs DIR/runs`.
#include <string>
#include <vector>

#include "mlpw/experiment/experiment.h"

namespace mlpw::cli {

// `mlpw` is the command a job line starts with (shell-quoted when needed). Throws Error naming the file when a
// file cannot be written.
void write_sweep_plan(const std::string& dir, const ExperimentSpec& sweep, const std::vector<SweepPoint>& points,
                      const std::string& mlpw);

// The text as a POSIX shell reads it as one word: unchanged when it only has safe characters, else '...'.
std::string shell_quoted(const std::string& text);

}  // namespace mlpw::cli
