#include "compare/sweep_plot.h"

#include <QCoreApplication>

#include "export/overlay_figure.h"

#include <algorithm>
#include <map>
#include <vector>

#include "mlpw/experiment/experiment_diff.h"
#include "mlpw/report/seed_statistics.h"
#include "run/run_store.h"

namespace {

bool number_of(const std::string& text, double& value) {
    bool ok = false;
    value = QString::fromStdString(text).toDouble(&ok);
    return ok;
}

}  // namespace

OverlayData sweep_plot(const RunStore& store, const mlpw::ExperimentSpec& base, const std::string& field,
                       mlpw::ResultColumn column) {
    mlpw::ConfigDiffOptions options;
    options.ignored.push_back(mlpw::kSeedPath);
    std::map<double, std::vector<mlpw::ResultRow>> byValue;
    std::vector<mlpw::ResultRow> unchanged;  // the base's own value, known once some run says what it was
    double baseValue = 0.0;
    bool baseKnown = false;
    for (int i = 0; i < store.size(); ++i) {
        const auto& record = *store.at(i);
        const auto changes = mlpw::config_diff(base, record.experiment, options);
        const mlpw::ResultRow row = mlpw::result_row(i + 1, "", record);
        double value = 0.0;
        if (changes.empty()) unchanged.push_back(row);
        else if (changes.size() == 1 && changes[0].path == field && number_of(changes[0].after, value)) {
            byValue[value].push_back(row);
            baseKnown = baseKnown || number_of(changes[0].before, baseValue);
        }
    }
    if (baseKnown) byValue[baseValue].insert(byValue[baseValue].end(), unchanged.begin(), unchanged.end());

    const auto& info = mlpw::result_columns();
    const auto name = std::find_if(info.begin(), info.end(), [&](const auto& c) { return c.column == column; });
    OverlayData data;
    data.yTitle = QString::fromStdString(name == info.end() ? std::string() : name->names.back());
    data.xTitle = QString::fromStdString(field);
    data.title = QCoreApplication::translate("SweepPlot", "%1 against %2").arg(data.yTitle, data.xTitle);
    data.percent = data.yTitle.endsWith(QLatin1String("accuracy"));
    data.integerX = false;
    OverlayCurve curve{QString::fromStdString(base.name), overlay_colour(0), {}, {}, {}, false};
    bool banded = false;
    for (const auto& [value, rows] : byValue) {
        const mlpw::Spread s = mlpw::column_spread(rows, column);
        if (s.count == 0) continue;
        curve.points.append({value, s.mean});
        curve.lower.append({value, s.min});
        curve.upper.append({value, s.max});
        banded = banded || s.count > 1;
    }
    if (!banded) curve.lower.clear(), curve.upper.clear();
    if (!curve.points.isEmpty()) data.curves.push_back(std::move(curve));
    return data;
}
