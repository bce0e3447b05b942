// See sweep_plan.h.
#include "sweep_plan.h"

#include <filesystem>

#include "mlpw/io/csv.h"
#include "mlpw/io/run_bundle.h"

namespace mlpw::cli {

namespace fs = std::filesystem;

std::string shell_quoted(const std::string& text) {
    const bool safe = !text.empty() &&
        text.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
            "0123456789_-+=./:@%,") == std::string::npos;
    if (safe) return text;
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

namespace {

std::string sbatch_script(const ExperimentSpec& sweep, size_t jobs) {
    const int threads = sweep.training.threads > 0 ? sweep.training.threads : 1;
    return "#!/bin/bash\n"
           "# A Slurm job array over jobs.txt, one run per task. Submit from this folder: sbatch sweep.sbatch\n"
           "#SBATCH --job-name=" +
        shell_quoted(sweep.name.empty() ? "mlpw-sweep" : sweep.name) +
        "\n"
        "#SBATCH --array=1-" +
        std::to_string(jobs) +
        "\n"
        "#SBATCH --cpus-per-task=" +
        std::to_string(threads) +
        "\n"
        "#SBATCH --output=logs/slurm_%A_%a.out\n"
        "set -euo pipefail\n"
        "cd \"${SLURM_SUBMIT_DIR:-.}\"\n"
        "line=$(sed -n \"${SLURM_ARRAY_TASK_ID}p\" jobs.txt)\n"
        "[ -n \"$line\" ] || { echo \"jobs.txt has no line ${SLURM_ARRAY_TASK_ID}\" >&2; exit 1; }\n"
        "exec bash -c \"$line\"\n";
}

}  // namespace

void write_sweep_plan(const std::string& dir, const ExperimentSpec& sweep, const std::vector<SweepPoint>& points,
                      const std::string& mlpw) {
    prepare_output_folder(dir);
    const fs::path root(dir);
    for (const char* sub : {"experiments", "runs", "logs"}) prepare_output_folder((root / sub).string());
    save_experiment(sweep, (root / "sweep.json").string());

    std::string jobs, plan = "run,varies,seed,experiment,out\n";
    for (size_t i = 0; i < points.size(); ++i) {
        const std::string run = "run_" + std::to_string(i + 1);
        const std::string experiment = "experiments/" + run + ".json", out = "runs/" + run;
        const ExperimentSpec& spec = points[i].spec;
        save_experiment(spec, (root / experiment).string());
        jobs += shell_quoted(mlpw) + " train --experiment " + experiment + " --out " + out + " > logs/" + run +
            ".log 2>&1\n";
        plan += std::to_string(i + 1) + "," + csv_field(points[i].label) + "," + std::to_string(spec.training.seed) +
            "," + experiment + "," + out + "\n";
    }
    write_text_file((root / "plan.csv").string(), plan);
    write_text_file((root / "jobs.txt").string(), jobs);
    write_text_file((root / "sweep.sbatch").string(), sbatch_script(sweep, points.size()));
    std::error_code ignored;  // executable for ./sweep.sbatch; sbatch itself does not need it
    fs::permissions(root / "sweep.sbatch", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add, ignored);
}

}  // namespace mlpw::cli
