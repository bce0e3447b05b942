// See results_table.h.
#include "mlpw/report/results_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "mlpw/io/csv.h"

namespace mlpw {
namespace {

std::string fixed(double value, const char* pattern) {
    if (std::isnan(value)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

}  // namespace

double result_value(const ResultRow& r, ResultColumn c) {
    switch (c) {
        case ResultColumn::run: return r.run;
        case ResultColumn::best_epoch: return r.best_epoch;
        case ResultColumn::epochs: return r.epochs_run;
        case ResultColumn::val_accuracy: return r.val_accuracy;
        case ResultColumn::val_loss: return r.val_loss;
        case ResultColumn::test_accuracy: return r.test_accuracy;
        case ResultColumn::test_loss: return r.test_loss;
        case ResultColumn::seconds: return r.seconds;
        case ResultColumn::varies: break;
    }
    return ResultRow::kNone;
}

ResultRow result_row(int run, const std::string& label, const RunRecord& record) {
    ResultRow row;
    row.run = run;
    row.varies = label.empty() ? "(base)" : label;
    row.best_epoch = record.best_epoch;
    row.epochs_run = record.epochs_run();
    row.stopped_early = record.stopped_early();
    if (const EpochMetrics* kept = record.kept(); kept && kept->has_validation) {
        row.val_accuracy = kept->val_accuracy;
        row.val_loss = kept->val_loss;
    }
    if (record.test.samples > 0) {
        row.test_accuracy = record.test.accuracy;
        row.test_loss = record.test.loss;
    }
    row.seconds = record.seconds;
    return row;
}

const std::vector<ResultColumnInfo>& result_columns() {
    using C = ResultColumn;
    static const std::vector<ResultColumnInfo> list = {
        {C::run, {"run"}, false},
        {C::varies, {"varies"}, false},
        {C::best_epoch, {"best_epoch"}, false},
        {C::epochs, {"epochs", "epochs_run"}, false},
        {C::val_accuracy, {"val_acc%", "val_acc", "val_accuracy"}, true},
        {C::val_loss, {"val_loss"}, false},
        {C::test_accuracy, {"test_acc%", "test_acc", "test_accuracy"}, true},
        {C::test_loss, {"test_loss"}, false},
        {C::seconds, {"seconds"}, false},
    };
    return list;
}

std::vector<ResultRow> sorted(std::vector<ResultRow> rows, const SortOrder& order) {
    std::stable_sort(rows.begin(), rows.end(), [&](const ResultRow& a, const ResultRow& b) {
        if (order.column == ResultColumn::varies) return order.descending ? a.varies > b.varies : a.varies < b.varies;
        const double x = result_value(a, order.column), y = result_value(b, order.column);
        if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
        return order.descending ? x > y : x < y;
    });
    return rows;
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

}  // namespace mlpw
