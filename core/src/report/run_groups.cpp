// See run_groups.h.
#include "mlpw/report/run_groups.h"

#include <cmath>

#include "mlpw/experiment/experiment_diff.h"

namespace mlpw {

namespace {

ConfigDiffOptions settings_only() {
    ConfigDiffOptions options;
    options.ignored.push_back(kSeedPath);
    return options;
}

void fill_spreads(RunGroup& g) {
    g.val_accuracy = column_spread(g.rows, ResultColumn::val_accuracy);
    g.val_loss = column_spread(g.rows, ResultColumn::val_loss);
    g.test_accuracy = column_spread(g.rows, ResultColumn::test_accuracy);
    g.test_loss = column_spread(g.rows, ResultColumn::test_loss);
    g.best_epoch = column_spread(g.rows, ResultColumn::best_epoch);
    g.epochs_run = column_spread(g.rows, ResultColumn::epochs);
    g.seconds = column_spread(g.rows, ResultColumn::seconds);
}

const Spread& metric_of(const RunGroup& g, bool validation) { return validation ? g.val_accuracy : g.test_accuracy; }

std::string runs_text(const Spread& s) { return std::to_string(s.count) + (s.count == 1 ? " run" : " seeds"); }

}  // namespace

std::vector<RunGroup> group_by_setting(const std::vector<const RunRecord*>& runs) {
    const ConfigDiffOptions options = settings_only();
    std::vector<RunGroup> groups;
    std::vector<const ExperimentSpec*> settings;  // the first run's experiment of each group
    for (size_t i = 0; i < runs.size(); ++i) {
        const ExperimentSpec& spec = runs[i]->experiment;
        size_t g = 0;
        while (g < groups.size() &&
               (settings[g]->name != spec.name || !config_diff(*settings[g], spec, options).empty()))
            ++g;
        if (g == groups.size()) {
            groups.push_back({});
            groups.back().name = spec.name;
            if (g > 0) groups.back().differs = config_diff_text(config_diff(*settings[0], spec, options));
            settings.push_back(&spec);
        }
        groups[g].runs.push_back(i);
        groups[g].seeds.push_back(spec.training.seed);
        groups[g].rows.push_back(
            result_row(static_cast<int>(i + 1), "seed=" + std::to_string(spec.training.seed), *runs[i]));
    }
    for (auto& g : groups) fill_spreads(g);
    return groups;
}

GroupComparison compare_groups(const std::vector<RunGroup>& groups) {
    GroupComparison c;
    bool validation = false;
    for (const auto& g : groups) validation = validation || g.val_accuracy.count > 0;
    c.metric = validation ? "val_accuracy" : "test_accuracy";
    for (size_t i = 0; i < groups.size(); ++i) {
        const Spread& s = metric_of(groups[i], validation);
        if (s.count == 0) continue;
        if (!c.best || s.mean > metric_of(groups[*c.best], validation).mean) {
            c.runner_up = c.best;
            c.best = i;
        } else if (!c.runner_up || s.mean > metric_of(groups[*c.runner_up], validation).mean) {
            c.runner_up = i;
        }
    }
    if (!c.best) {
        c.sentence = "No run has a validation or test accuracy to compare.";
        return c;
    }
    const RunGroup& best = groups[*c.best];
    const Spread& b = metric_of(best, validation);
    c.sentence = "Best: " + best.name + ", " + c.metric + " " + mean_sd_text(b, 100, 2) + " % (" + runs_text(b) + ")";
    if (!c.runner_up) {
        c.sentence += ".";
        return c;
    }
    const RunGroup& next = groups[*c.runner_up];
    const Spread& n = metric_of(next, validation);
    c.verdict = compare_spreads(b, n);
    c.sentence += "; the runner-up " + next.name + " (" + mean_sd_text(n, 100, 2) + " %, " + runs_text(n) + ")";
    switch (c.verdict) {
        case SpreadVerdict::within_spread:
            c.sentence += " is within the seed spread: the difference may be noise.";
            break;
        case SpreadVerdict::exceeds_spread: c.sentence += ": the difference exceeds the seed spread."; break;
        case SpreadVerdict::unknown:
            c.sentence += ": with fewer than 2 runs per setting the seed spread is unknown (repeat with --seeds 3).";
            break;
    }
    return c;
}

}  // namespace mlpw
