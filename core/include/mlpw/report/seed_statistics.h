#pragma once
// Seed statistics: how much one experiment's results move when only the seed changes, and whether the
// difference between two experiments is larger than that.
//   spread_of({0.97, 0.98, 0.975})                  mean, sample sd, min, max of any scalar
//   column_spread(rows, ResultColumn::val_accuracy) the same over a results table's runs
//   epoch_bands(histories, "val_loss")             mean / sd / min / max per epoch, for a curve with a band
//   compare_spreads(a, b)                          "the difference is within the seed spread" or not
#include <string>
#include <vector>

#include "mlpw/report/results_table.h"
#include "mlpw/training/metrics.h"

namespace mlpw {

// Over the finite values given (NaN, a missing value, is skipped). sd is the sample standard deviation
// (divides by count - 1, as numpy's std(ddof=1) and pandas' std()); 0 for a single value. All NaN when count is 0.
struct Spread {
    int count = 0;
    double mean = ResultRow::kNone, sd = ResultRow::kNone, min = ResultRow::kNone, max = ResultRow::kNone;
};
Spread spread_of(const std::vector<double>& values);

// One numeric column (val_accuracy, test_accuracy, val_loss, seconds...) over the rows, e.g. the runs of one
// experiment repeated with N seeds.
Spread column_spread(const std::vector<ResultRow>& rows, ResultColumn column);

// One epoch of a band: the spread of a metric at that epoch over the histories that reached it.
struct EpochBand {
    int epoch = 0;  // 1-based
    Spread spread;  // spread.count: how many histories reached this epoch and have the metric
};
// The rule for histories of different lengths (early stopping ends seeds at different epochs): epoch e's band
// is over the histories that have an epoch e, so the bands run to the longest history and the count says how
// many runs each epoch stands for (a chart may fade epochs with fewer runs). Epochs where no history has the
// metric (no validation) are left out. metric: "loss", "accuracy", "val_loss" or "val_accuracy" (Keras' names,
// as in EpochLogs); throws Error for another name.
std::vector<EpochBand> epoch_bands(const std::vector<std::vector<EpochMetrics>>& histories, const std::string& metric);

// The rule "the difference between A and B is within the seed spread": |mean_A - mean_B| <= sd_A + sd_B, the
// sample standard deviations. Kept simple on purpose: with 3 seeds a t-test has little power, and sd_A + sd_B is
// what a person reads off two "mean ± sd" cells. Needs two or more runs on each side to say anything.
enum class SpreadVerdict { unknown, within_spread, exceeds_spread };
SpreadVerdict compare_spreads(const Spread& a, const Spread& b);
// "within the seed spread", "exceeds the seed spread", "seed spread unknown (fewer than 2 runs)".
std::string verdict_text(SpreadVerdict verdict);

// "97.52 ± 0.14" (scale 100 for percentages; decimals after the point); a single run: "97.52"; none: "-".
std::string mean_sd_text(const Spread& spread, double scale, int decimals);

}  // namespace mlpw
