// mlpw sweep: every point of an experiment's sweep grid (each with N seeds), trained one after another on data
// loaded once, then a table of the results sorted by any column (and results.csv plus a run bundle per point
// with --out); or, with --plan DIR, the grid written out as jobs for GNU parallel or Slurm (sweep_plan.h).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "commands.h"
#include "experiment_input.h"
#include "interrupt.h"
#include "mlpw/data/dataset.h"
#include "mlpw/experiment/seed_repeats.h"
#include "mlpw/io/run_bundle.h"
#include "mlpw/report/results_table.h"
#include "mlpw/report/summary.h"
#include "sweep_plan.h"
#include "training_session.h"

namespace mlpw::cli {
namespace {

// "val_loss", "val_acc%", "seconds:desc"...
SortOrder parse_sort(const std::string& text) {
    std::string name = text, direction;
    if (const size_t colon = text.rfind(':'); colon != std::string::npos) {
        name = text.substr(0, colon);
        direction = text.substr(colon + 1);
        if (direction != "asc" && direction != "desc")
            throw UsageError("--sort: expected COLUMN, COLUMN:asc or COLUMN:desc, got '" + text + "'");
    }
    std::string known;
    for (const auto& info : result_columns()) {
        if (std::find(info.names.begin(), info.names.end(), name) != info.names.end())
            return {info.column, direction.empty() ? info.higher_first : direction == "desc"};
        known += (known.empty() ? "" : ", ") + info.names.front();
    }
    throw UsageError("--sort: no column '" + name + "'; the columns are " + known);
}

// Every data set the points use, loaded once; throws SpecError listing every point that does not fit its data.
std::map<std::string, Dataset> load_and_check(const std::vector<SweepPoint>& points, const std::string& origin) {
    std::map<std::string, Dataset> data;
    std::vector<std::string> problems;
    for (size_t i = 0; i < points.size(); ++i) {
        const ExperimentSpec& point = points[i].spec;
        if (!data.count(point.data.source)) data.emplace(point.data.source, load_dataset(point.data.source));
        for (const auto& p : check_against_data(point, shape_of(data.at(point.data.source))))
            problems.push_back("run " + std::to_string(i + 1) + " {" + points[i].label + "}: " + p.text());
    }
    if (!problems.empty()) {
        std::string text = origin + ": the model does not fit the data set:";
        for (const auto& line : problems) text += (problems.size() == 1 ? " " : "\n") + line;
        throw SpecError(text);
    }
    return data;
}

// The running program's absolute path (what a job line starts with unless --mlpw says otherwise).
std::string this_program() {
    std::error_code error;
    const auto path = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string("mlpw") : path.string();
}

}  // namespace

int sweep_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw sweep --experiment FILE [--out DIR] [--sort COLUMN[:asc|:desc]] [--seeds N] [--epochs N]\n"
            "                  [--set key.path=value ...] [--threads T]\n"
            "       mlpw sweep --experiment FILE --plan DIR [--seeds N] [--mlpw COMMAND] [--epochs N] [--set ...]\n"
            "Trains every point of the experiment's \"sweep\" grid (all combinations of its values), each logged\n"
            "as mlpw train does, then prints one row per run: run, varies (the point's values), best_epoch\n"
            "(lowest val_loss), epochs (* when stopped early), val_acc% and val_loss at the best epoch,\n"
            "test_acc% of the final weights, seconds.\n"
            "  --sort COLUMN   any column; default val_loss. Best first: accuracies high to low, the rest low to\n"
            "                  high; :asc or :desc chooses (also val_accuracy, test_accuracy, test_loss)\n"
            "  --out DIR       writes DIR/results.csv (after every run) and each run's bundle to DIR/run_<run>/\n"
            "  --seeds N       runs every point with N seeds: training.seed, +1, ..., +N-1 (default 1)\n"
            "  --plan DIR      trains nothing: writes DIR/experiments/run_<i>.json (one resolved experiment per\n"
            "                  point and seed), DIR/jobs.txt (one `mlpw train ... --out runs/run_<i>` per line,\n"
            "                  paths relative to DIR) and DIR/sweep.sbatch (a Slurm array over jobs.txt). Run it\n"
            "                  with `cd DIR && parallel -j1 < jobs.txt` or `cd DIR && sbatch sweep.sbatch`, then\n"
            "                  `mlpw report --runs DIR/runs --out report.html`\n"
            "  --mlpw COMMAND  how the job lines call mlpw (default: this program's absolute path)\n"
            "  --epochs N, --set PATH=VALUE, --threads T   as for mlpw train, applied to every point\n"
            "Ctrl-C stops the current run, keeps its completed epochs and skips the rest (exit status 130).");
        return 0;
    }
    const ExperimentInput input = take_experiment_input(args, "sweep");
    const std::string out_dir = take_option(args, "--out", "");
    const SortOrder order = parse_sort(take_option(args, "--sort", "val_loss"));
    const int seeds = to_int(take_option(args, "--seeds", "1"), "--seeds");
    const std::string plan_dir = take_option(args, "--plan", "");
    const std::string mlpw = take_option(args, "--mlpw", this_program());
    expect_no_more(args, "sweep");
    if (seeds < 1) throw UsageError("--seeds: expected 1 or more, got " + std::to_string(seeds));
    if (!plan_dir.empty() && !out_dir.empty())
        throw UsageError("--plan and --out: choose one (the plan's jobs write runs/)");

    const ExperimentSpec spec = load_experiment_input(input);
    const std::vector<SweepPoint> points = sweep_runs(spec, seeds);
    // Every data set once, and every point checked against it before the first run starts (or the plan is written).
    const std::map<std::string, Dataset> data = load_and_check(points, input.path);
    if (!plan_dir.empty()) {
        write_sweep_plan(plan_dir, spec, points, mlpw);
        std::printf(
            "Plan \"%s\": %zu run%s in %s\n  cd %s && parallel -j1 < jobs.txt\n  cd %s && sbatch sweep.sbatch\n",
            spec.name.c_str(), points.size(), points.size() == 1 ? "" : "s", plan_dir.c_str(),
            shell_quoted(plan_dir).c_str(), shell_quoted(plan_dir).c_str());
        return 0;
    }
    if (!out_dir.empty()) {
        prepare_output_folder(out_dir);
        save_experiment(spec, (std::filesystem::path(out_dir) / "experiment.json").string());
    }

    std::printf("Sweep \"%s\": %zu run%s\n", spec.name.c_str(), points.size(), points.size() == 1 ? "" : "s");
    const std::atomic<bool>& stop = install_interrupt_handler();
    std::vector<ResultRow> rows;
    const ModelSpec* shown = nullptr;
    for (size_t i = 0; i < points.size() && !stop.load(); ++i) {
        const ExperimentSpec& point = points[i].spec;
        const Dataset& set = data.at(point.data.source);
        std::printf("\nRun %zu/%zu: %s\n", i + 1, points.size(),
                    points[i].label.empty() ? "(base)" : points[i].label.c_str());
        if (!shown || !(*shown == point.model)) {
            std::fputs(summarize(point.model, shape_of(set)).text(point.model.name).c_str(), stdout);
            std::fputs(memory_line(estimate_memory(point, shape_of(set), set.train.count + set.test.count)).c_str(),
                       stdout);
            shown = &point.model;
        }
        const std::string run_dir =
            out_dir.empty() ? "" : (std::filesystem::path(out_dir) / ("run_" + std::to_string(i + 1))).string();
        const RunRecord record = run_and_report(point, set, run_dir, stop);
        rows.push_back(result_row(static_cast<int>(i + 1), points[i].label, record));
        if (!out_dir.empty())
            write_text_file((std::filesystem::path(out_dir) / "results.csv").string(),
                            results_csv(sorted(rows, order)));
    }

    std::printf("\n%s", results_table(sorted(rows, order)).c_str());
    if (std::any_of(rows.begin(), rows.end(), [](const ResultRow& r) { return r.stopped_early; }))
        std::printf("* stopped early (a callback, a diverged loss or Ctrl-C)\n");
    if (rows.size() < points.size())
        std::printf("Stopped by the user: %zu of %zu runs not started\n", points.size() - rows.size(), points.size());
    if (!out_dir.empty()) std::printf("Results: %s\n", (std::filesystem::path(out_dir) / "results.csv").c_str());
    std::fflush(stdout);
    return stop.load() ? kExitInterrupted : 0;
}

}  // namespace mlpw::cli
