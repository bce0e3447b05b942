// mlpw sweep: every point of an experiment's sweep grid, trained one after another on data loaded once,
// then a table of the results sorted by any column (and results.csv plus a run bundle per point with --out).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>

#include "commands.h"
#include "experiment_input.h"
#include "interrupt.h"
#include "mlpw/dataset.h"
#include "mlpw/summary.h"
#include "run_bundle.h"
#include "training_session.h"

namespace mlpw::cli {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();  // no validation, no epoch

struct ResultRow {
    int run = 0;  // 1-based, as the folder run_<run>
    std::string varies;
    int best_epoch = 0, epochs_run = 0;
    bool stopped_early = false;
    double val_accuracy = kNone, val_loss = kNone, test_accuracy = kNone, test_loss = kNone, seconds = 0.0;
};

enum class Column { run, varies, best_epoch, epochs, val_accuracy, val_loss, test_accuracy, test_loss, seconds };

// The names --sort accepts for each column (the table's header first), and whether higher sorts first.
struct ColumnInfo {
    Column column;
    std::vector<std::string> names;
    bool higher_first;
};
const std::vector<ColumnInfo>& columns() {
    static const std::vector<ColumnInfo> list = {
        {Column::run, {"run"}, false},
        {Column::varies, {"varies"}, false},
        {Column::best_epoch, {"best_epoch"}, false},
        {Column::epochs, {"epochs", "epochs_run"}, false},
        {Column::val_accuracy, {"val_acc%", "val_acc", "val_accuracy"}, true},
        {Column::val_loss, {"val_loss"}, false},
        {Column::test_accuracy, {"test_acc%", "test_acc", "test_accuracy"}, true},
        {Column::test_loss, {"test_loss"}, false},
        {Column::seconds, {"seconds"}, false},
    };
    return list;
}

struct SortOrder {
    Column column = Column::val_loss;
    bool descending = false;
};

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
    for (const auto& info : columns()) {
        if (std::find(info.names.begin(), info.names.end(), name) != info.names.end())
            return {info.column, direction.empty() ? info.higher_first : direction == "desc"};
        known += (known.empty() ? "" : ", ") + info.names.front();
    }
    throw UsageError("--sort: no column '" + name + "'; the columns are " + known);
}

double numeric(const ResultRow& r, Column c) {
    switch (c) {
        case Column::run: return r.run;
        case Column::best_epoch: return r.best_epoch;
        case Column::epochs: return r.epochs_run;
        case Column::val_accuracy: return r.val_accuracy;
        case Column::val_loss: return r.val_loss;
        case Column::test_accuracy: return r.test_accuracy;
        case Column::test_loss: return r.test_loss;
        case Column::seconds: return r.seconds;
        case Column::varies: break;
    }
    return 0.0;
}

// Best first by the order; missing values (NaN) last; ties keep the run order.
std::vector<ResultRow> sorted(std::vector<ResultRow> rows, const SortOrder& order) {
    std::stable_sort(rows.begin(), rows.end(), [&](const ResultRow& a, const ResultRow& b) {
        if (order.column == Column::varies) return order.descending ? a.varies > b.varies : a.varies < b.varies;
        const double x = numeric(a, order.column), y = numeric(b, order.column);
        if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
        return order.descending ? x > y : x < y;
    });
    return rows;
}

std::string fixed(double value, const char* pattern) {
    if (std::isnan(value)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

std::string results_table(const std::vector<ResultRow>& rows) {
    const std::vector<std::string> header = {"run",      "varies",   "best_epoch", "epochs",
                                             "val_acc%", "val_loss", "test_acc%",  "seconds"};
    std::vector<std::vector<std::string>> cells = {header};
    for (const auto& r : rows)
        cells.push_back({std::to_string(r.run), r.varies, r.best_epoch ? std::to_string(r.best_epoch) : "-",
                         std::to_string(r.epochs_run) + (r.stopped_early ? "*" : ""),
                         fixed(r.val_accuracy * 100, "%.2f"), fixed(r.val_loss, "%.4f"),
                         fixed(r.test_accuracy * 100, "%.2f"), fixed(r.seconds, "%.1f")});
    std::vector<size_t> width(header.size(), 0);
    for (const auto& line : cells)
        for (size_t c = 0; c < line.size(); ++c) width[c] = std::max(width[c], line[c].size());
    std::string text;
    for (const auto& line : cells) {
        std::string out;
        for (size_t c = 0; c < line.size(); ++c) {
            const std::string pad(width[c] - line[c].size(), ' ');
            out += (c ? "  " : "") + (c == 1 ? line[c] + pad : pad + line[c]);  // "varies" reads left-aligned
        }
        out.erase(out.find_last_not_of(' ') + 1);
        text += out + "\n";
    }
    return text;
}

std::string results_csv(const std::vector<ResultRow>& rows) {
    std::string text =
        "run,varies,best_epoch,epochs_run,stopped_early,val_accuracy,val_loss,test_accuracy,test_loss,seconds,folder\n";
    for (const auto& r : rows)
        text += std::to_string(r.run) + "," + csv_field(r.varies) + "," + std::to_string(r.best_epoch) + "," +
                std::to_string(r.epochs_run) + "," + (r.stopped_early ? "true" : "false") + "," +
                csv_number(r.val_accuracy) + "," + csv_number(r.val_loss) + "," + csv_number(r.test_accuracy) + "," +
                csv_number(r.test_loss) + "," + csv_number(r.seconds) + ",run_" + std::to_string(r.run) + "\n";
    return text;
}

ResultRow result_row(int run, const std::string& label, const RunOutcome& outcome) {
    ResultRow row;
    row.run = run;
    row.varies = label.empty() ? "(base)" : label;
    const TrainingResult& r = outcome.result;
    row.best_epoch = r.best_epoch;
    row.epochs_run = r.epochs_run;
    row.stopped_early = r.stopped_early();
    for (const auto& m : r.history)
        if (m.epoch == r.best_epoch && m.has_validation) {
            row.val_accuracy = m.val_accuracy;
            row.val_loss = m.val_loss;
        }
    if (outcome.test.samples > 0) {
        row.test_accuracy = outcome.test.accuracy;
        row.test_loss = outcome.test.loss;
    }
    row.seconds = r.seconds;
    return row;
}

}  // namespace

int sweep_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw sweep --experiment FILE [--out DIR] [--sort COLUMN[:asc|:desc]] [--epochs N]\n"
            "                  [--set key.path=value ...] [--threads T]\n"
            "Trains every point of the experiment's \"sweep\" grid (all combinations of its values), each logged\n"
            "as mlpw train does, then prints one row per run: run, varies (the point's values), best_epoch\n"
            "(lowest val_loss), epochs (* when stopped early), val_acc% and val_loss at the best epoch,\n"
            "test_acc% of the final weights, seconds.\n"
            "  --sort COLUMN   any column; default val_loss. Best first: accuracies high to low, the rest low to\n"
            "                  high; :asc or :desc chooses (also val_accuracy, test_accuracy, test_loss)\n"
            "  --out DIR       writes DIR/results.csv (after every run) and each run's bundle to DIR/run_<run>/\n"
            "  --epochs N, --set PATH=VALUE, --threads T   as for mlpw train, applied to every point\n"
            "Ctrl-C stops the current run, keeps its completed epochs and skips the rest (exit status 130).");
        return 0;
    }
    const ExperimentInput input = take_experiment_input(args, "sweep");
    const std::string out_dir = take_option(args, "--out", "");
    const SortOrder order = parse_sort(take_option(args, "--sort", "val_loss"));
    expect_no_more(args, "sweep");

    const ExperimentSpec spec = load_experiment_input(input);
    const std::vector<SweepPoint> points = expand_sweep(spec);

    // Every data set once, and every point checked against it before the first run starts.
    std::map<std::string, Dataset> data;
    std::vector<std::string> problems;
    for (size_t i = 0; i < points.size(); ++i) {
        const ExperimentSpec& point = points[i].spec;
        if (!data.count(point.data.source)) data.emplace(point.data.source, load_dataset(point.data.source));
        for (const auto& p : check_against_data(point, shape_of(data.at(point.data.source))))
            problems.push_back("run " + std::to_string(i + 1) + " {" + points[i].label + "}: " + p.text());
    }
    if (!problems.empty()) {
        std::string text = input.path + ": the model does not fit the data set:";
        for (const auto& line : problems) text += (problems.size() == 1 ? " " : "\n") + line;
        throw SpecError(text);
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
        std::printf("\nRun %zu/%zu: %s\n", i + 1, points.size(), points[i].label.empty() ? "(base)" : points[i].label.c_str());
        if (!shown || !(*shown == point.model)) {
            std::fputs(summarize(point.model, shape_of(set)).text(point.model.name).c_str(), stdout);
            shown = &point.model;
        }
        const std::string run_dir =
            out_dir.empty() ? "" : (std::filesystem::path(out_dir) / ("run_" + std::to_string(i + 1))).string();
        const RunOutcome outcome = run_and_report(point, set, run_dir, stop);
        rows.push_back(result_row(static_cast<int>(i + 1), points[i].label, outcome));
        if (!out_dir.empty())
            write_file_atomically((std::filesystem::path(out_dir) / "results.csv").string(),
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
