// mlpw study: every preset of the study (mlpw/report/study.h) in the study's order, each point of a sweep preset
// and each seed a run, then one report with a section per question.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

#include "commands.h"
#include "experiment_input.h"
#include "export/report_sections.h"
#include "export/run_report.h"
#include "interrupt.h"
#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"
#include "mlpw/experiment/seed_repeats.h"
#include "mlpw/io/run_bundle.h"
#include "mlpw/io/share_dir.h"
#include "mlpw/report/study.h"
#include "offscreen_app.h"
#include "report_input.h"
#include "training_session.h"

namespace mlpw::cli {

namespace fs = std::filesystem;

namespace {

std::string presets_folder(const std::string& given) {
    if (!given.empty()) return given;
    if (const char* env = std::getenv("MLPW_PRESETS_DIR"); env && *env) return env;
    return share_dir() + "/presets";
}

// The questions --only names ("hidden_size,optimizers"), in the study's order; all without --only.
std::vector<StudyQuestion> chosen_questions(const std::string& only) {
    if (only.empty()) return study_questions();
    std::vector<std::string> names;
    std::stringstream list(only);
    for (std::string name; std::getline(list, name, ',');) names.push_back(name);
    std::vector<StudyQuestion> chosen;
    std::string known;
    for (const auto& q : study_questions()) {
        known += (known.empty() ? "" : ", ") + q.key;
        if (std::find(names.begin(), names.end(), q.key) != names.end()) chosen.push_back(q);
    }
    for (const auto& name : names) {
        bool found = false;
        for (const auto& q : chosen) found = found || q.key == name;
        if (!found) throw UsageError("--only: no question '" + name + "'; the questions are " + known);
    }
    return chosen;
}

// A bundle already in `dir` from the same experiment (an earlier, interrupted study): kept, not trained again.
bool already_run(const std::string& dir, const ExperimentSpec& spec) {
    if (!is_run_bundle(dir)) return false;
    try {
        return read_run_bundle(dir).experiment == spec;
    } catch (const Error&) {
        return false;
    }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int study_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw study --out DIR [--seeds N] [--only QUESTION,...] [--epochs N] [--set key.path=value ...]\n"
            "                  [--threads T] [--presets DIR]\n"
            "Runs every preset of the study in the study's order, each point of a sweep preset and each seed a\n"
            "run (DIR/runs/<preset>/run_<i>/), then writes DIR/report.html and DIR/report.pdf: a section per\n"
            "question with its table (mean ± sd over the seeds), overlays with seed bands, and a sentence naming\n"
            "the best setting and whether its lead exceeds the seed spread.\n"
            "Questions: hidden_size, epochs, activations, initializers, optimizers, batch_optimizer,\n"
            "regularization, final.\n"
            "  --seeds N        seeds per setting: training.seed, +1, ..., +N-1 (default 1; 3 to see the spread)\n"
            "  --only Q,...     only these questions\n"
            "  --epochs N, --set PATH=VALUE, --threads T   applied to every preset (e.g. --epochs 1 for a try)\n"
            "  --presets DIR    the presets' folder (default: $MLPW_PRESETS_DIR, else the installed presets)\n"
            "A run whose bundle is already in DIR with the same experiment is kept, not trained again, so an\n"
            "interrupted study continues where it stopped. Ctrl-C stops, writes the report of what ran (exit 130).");
        return 0;
    }
    const std::string out = take_option(args, "--out", "");
    const int seeds = to_int(take_option(args, "--seeds", "1"), "--seeds");
    const std::vector<StudyQuestion> questions = chosen_questions(take_option(args, "--only", ""));
    const std::string presets = presets_folder(take_option(args, "--presets", ""));
    const std::vector<std::string> overrides = take_overrides(args);
    expect_no_more(args, "study");
    if (out.empty()) throw UsageError("--out: expected the study's folder");
    if (seeds < 1) throw UsageError("--seeds: expected 1 or more, got " + std::to_string(seeds));

    // Every run planned and checked before the first one trains.
    struct PresetRuns {
        std::string preset;
        std::vector<SweepPoint> runs;
    };
    std::vector<PresetRuns> plan;
    for (const auto& q : questions)
        for (const auto& preset : q.presets) {
            bool planned = false;
            for (const auto& p : plan) planned = planned || p.preset == preset;
            if (planned) continue;  // the baseline answers two questions: trained once
            const ExperimentSpec spec = load_experiment_input({presets + "/" + preset + ".json", overrides});
            plan.push_back({preset, sweep_runs(spec, seeds)});
        }
    std::map<std::string, Dataset> data;
    size_t total = 0;
    for (const auto& p : plan)
        for (const auto& run : p.runs) {
            ++total;
            if (!data.count(run.spec.data.source))
                data.emplace(run.spec.data.source, load_dataset(run.spec.data.source));
            const auto problems = check_against_data(run.spec, shape_of(data.at(run.spec.data.source)));
            if (!problems.empty())
                throw SpecError(p.preset + " {" + run.label +
                                "}: the model does not fit the data set: " + problems.front().text());
        }
    prepare_output_folder(out);

    std::printf("Study: %zu questions, %zu presets, %zu runs (%d seed%s each)\n", questions.size(), plan.size(), total,
                seeds, seeds == 1 ? "" : "s");
    const std::atomic<bool>& stop = install_interrupt_handler();
    const auto start = std::chrono::steady_clock::now();
    size_t done = 0, reused = 0;
    for (const auto& p : plan)
        for (size_t i = 0; i < p.runs.size() && !stop.load(); ++i) {
            const SweepPoint& run = p.runs[i];
            const std::string dir = (fs::path(out) / "runs" / p.preset / ("run_" + std::to_string(i + 1))).string();
            ++done;
            if (already_run(dir, run.spec)) {
                ++reused;
                continue;
            }
            std::printf("\nStudy run %zu/%zu: %s %s (%.0f s so far)\n", done, total, p.preset.c_str(),
                        run.label.empty() ? "" : ("{" + run.label + "}").c_str(), seconds_since(start));
            std::fflush(stdout);
            run_and_report(run.spec, data.at(run.spec.data.source), dir, stop);
        }
    const double wall = seconds_since(start);

    ReportInput input;
    input.title = QString("The study (%1 seed%2 per setting)").arg(seeds).arg(seeds == 1 ? "" : "s");
    input.note = QString("mlpw study --seeds %1: %2 runs in %3 s of wall time%4%5.")
                     .arg(seeds)
                     .arg(total)
                     .arg(wall, 0, 'f', 0)
                     .arg(reused ? QString(" (%1 runs kept from an earlier study, not timed)").arg(reused) : QString())
                     .arg(stop.load() ? QString(", stopped by the user") : QString());
    ReportSection all;  // every run read, cut into a section per question as the window's report does
    for (const auto& p : plan)
        if (const std::string folder = (fs::path(out) / "runs" / p.preset).string(); fs::is_directory(folder))
            add_runs(input, all, folder);
    SectionOptions sections;
    sections.questions = questions;
    sections.keepEmptyQuestions = true;
    input.sections = report_sections(input.runs, sections);
    ensure_offscreen_application();
    for (const char* name : {"report.html", "report.pdf"}) {
        const QString error = write_report(input, QString::fromStdString((fs::path(out) / name).string()));
        if (!error.isEmpty()) throw Error(error.toStdString());
    }
    std::printf("\nStudy: %zu runs in %.0f s wall time%s\nReport: %s/report.html and %s/report.pdf\n", total, wall,
                reused ? (" (" + std::to_string(reused) + " kept from an earlier study)").c_str() : "", out.c_str(),
                out.c_str());
    return stop.load() ? kExitInterrupted : 0;
}

}  // namespace mlpw::cli
