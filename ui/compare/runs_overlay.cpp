#include "compare/runs_overlay.h"

#include <QCoreApplication>

#include "run/run_store.h"

const std::vector<std::string>& overlay_metrics() {
    static const std::vector<std::string> metrics = {"val_accuracy", "val_loss", "accuracy", "loss"};
    return metrics;
}

OverlayData runs_overlay(const RunStore& store, const std::vector<OverlayRow>& rows, const std::string& metric,
                         BandKind band) {
    const QString name = QString::fromStdString(metric);
    const QString title = rows.size() == 1
        ? QCoreApplication::translate("RunsOverlay", "%1 of %2").arg(name, rows[0].name)
        : QCoreApplication::translate("RunsOverlay", "%1 of %n runs", nullptr, int(rows.size())).arg(name);
    std::vector<MetricGroup> groups;
    for (const OverlayRow& row : rows) {
        MetricGroup group{row.name, {}};
        for (int run : row.runs) group.runs.push_back(store.at(run)->history);
        groups.push_back(std::move(group));
    }
    return metric_overlay(title, metric, groups, band);
}
