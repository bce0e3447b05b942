#pragma once
// The sweep's results: one row per run, sortable by any column, as a text table (mlpw sweep's output) and as
// results.csv. Missing values (no validation, not tested) are NaN: "-" in the table, empty in the CSV.
#include <limits>
#include <string>
#include <vector>

#include "mlpw/training/run_record.h"

namespace mlpw {

struct ResultRow {
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    int run = 0;  // 1-based, as the folder run_<run>
    std::string varies;
    int best_epoch = 0, epochs_run = 0;
    bool stopped_early = false;
    double val_accuracy = kNone, val_loss = kNone, test_accuracy = kNone, test_loss = kNone, seconds = 0.0;
};

// The validation values of the weights a run kept (RunRecord::kept: the last epoch, or the one a callback
// restored; like the test values, what the model taken away scores) and the test values of a run; `label` is its sweep point ("" for the base).
ResultRow result_row(int run, const std::string& label, const RunRecord& record);

enum class ResultColumn { run, varies, best_epoch, epochs, val_accuracy, val_loss, test_accuracy, test_loss, seconds };

// The names a column answers to (the table's header first), and whether higher values sort first by default.
struct ResultColumnInfo {
    ResultColumn column;
    std::vector<std::string> names;
    bool higher_first;
};
const std::vector<ResultColumnInfo>& result_columns();
// A numeric column's value (NaN when missing, and for varies).
double result_value(const ResultRow& row, ResultColumn column);

struct SortOrder {
    ResultColumn column = ResultColumn::val_loss;
    bool descending = false;
};

// Best first by the order; missing values last; ties keep the run order.
std::vector<ResultRow> sorted(std::vector<ResultRow> rows, const SortOrder& order);

// Aligned columns run, varies, best_epoch, epochs (* when stopped early), val_acc%, val_loss, test_acc%, seconds.
std::string results_table(const std::vector<ResultRow>& rows);
// run,varies,best_epoch,epochs_run,stopped_early,val_accuracy,val_loss,test_accuracy,test_loss,seconds,folder
std::string results_csv(const std::vector<ResultRow>& rows);

}  // namespace mlpw
