// See classification_report.h.
#include "mlpw/report/classification_report.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>

namespace mlpw {
namespace {

// printf into a string (the report's layout is printf's).
[[gnu::format(printf, 2, 3)]] void append(std::string& text, const char* format, ...) {
    char buffer[512];
    va_list args;
    va_start(args, format);
    const int n = std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    if (n < 0) return;
    if (static_cast<size_t>(n) < sizeof buffer) {
        text.append(buffer, static_cast<size_t>(n));
        return;
    }
    std::string long_line(static_cast<size_t>(n) + 1, '\0');
    va_start(args, format);
    std::vsnprintf(long_line.data(), long_line.size(), format, args);
    va_end(args);
    text.append(long_line.data(), static_cast<size_t>(n));
}

}  // namespace

ClassificationReport classification_report(const ConfusionMatrix& cm) {
    ClassificationReport report;
    const double total = static_cast<double>(cm.total());
    for (int c = 0; c < cm.classes; ++c) {
        ClassScores s;
        for (int p = 0; p < cm.classes; ++p) s.support += cm.at(c, p);
        s.precision = cm.precision(c);
        s.recall = cm.recall(c);
        s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
        report.classes.push_back(s);
        const auto weighted = [&](double value) {
            return total > 0 ? value * static_cast<double>(s.support) / total : 0.0;
        };
        report.macro.precision += s.precision / cm.classes;
        report.macro.recall += s.recall / cm.classes;
        report.macro.f1 += s.f1 / cm.classes;
        report.weighted.precision += weighted(s.precision);
        report.weighted.recall += weighted(s.recall);
        report.weighted.f1 += weighted(s.f1);
    }
    report.macro.support = report.weighted.support = cm.total();
    report.accuracy = cm.accuracy();
    return report;
}

std::string classification_report_text(const ClassificationReport& report, const std::vector<std::string>& names) {
    size_t width = std::string("weighted avg").size();
    for (const auto& name : names) width = std::max(width, name.size());
    const int w = static_cast<int>(width);
    std::string text;
    append(text, "%*s %10s %10s %10s %10s\n\n", w, "", "precision", "recall", "f1-score", "support");
    for (size_t c = 0; c < report.classes.size(); ++c) {
        const ClassScores& s = report.classes[c];
        append(text, "%*s %10.4f %10.4f %10.4f %10lld\n", w, names[c].c_str(), s.precision, s.recall, s.f1,
               static_cast<long long>(s.support));
    }
    const auto total = static_cast<long long>(report.macro.support);
    append(text, "\n%*s %10s %10s %10.4f %10lld\n", w, "accuracy", "", "", report.accuracy, total);
    for (const auto& [label, s] : {std::pair{"macro avg", report.macro}, std::pair{"weighted avg", report.weighted}})
        append(text, "%*s %10.4f %10.4f %10.4f %10lld\n", w, label, s.precision, s.recall, s.f1, total);
    return text;
}

std::string confusion_matrix_text(const ConfusionMatrix& cm, const std::vector<std::string>& names) {
    bool short_names = true;
    size_t row_label = 0, cell = 1;
    for (const auto& name : names) short_names = short_names && name.size() <= 5;
    std::vector<std::string> rows, columns;
    for (int c = 0; c < cm.classes; ++c) {
        const std::string number = std::to_string(c);
        columns.push_back(short_names ? names[c] : number);
        rows.push_back(short_names || names[c] == number ? names[c] : number + " " + names[c]);
        row_label = std::max(row_label, rows.back().size());
        cell = std::max(cell, columns.back().size());
    }
    for (int64_t n : cm.counts) cell = std::max(cell, std::to_string(n).size());
    std::string text;
    append(text, "Confusion matrix (rows: true class, columns: predicted class)\n%*s", static_cast<int>(row_label), "");
    for (const auto& column : columns) append(text, "  %*s", static_cast<int>(cell), column.c_str());
    text += "\n";
    for (int t = 0; t < cm.classes; ++t) {
        append(text, "%-*s", static_cast<int>(row_label), rows[t].c_str());
        for (int p = 0; p < cm.classes; ++p)
            append(text, "  %*lld", static_cast<int>(cell), static_cast<long long>(cm.at(t, p)));
        text += "\n";
    }
    return text;
}

}  // namespace mlpw
