#include "compare/queued_experiments.h"

#include <QStringList>

#include "mlpw/experiment/seed_repeats.h"

std::vector<mlpw::ExperimentSpec> seed_repeats(const mlpw::ExperimentSpec& base, int n) {
    std::vector<mlpw::ExperimentSpec> runs;
    for (mlpw::SweepPoint& point : mlpw::with_seeds({{"", base}}, n)) runs.push_back(std::move(point.spec));
    return runs;
}

std::vector<mlpw::ExperimentSpec> sweep_experiments(const mlpw::ExperimentSpec& base, const nlohmann::json& sweep,
                                                    int seeds) {
    mlpw::ExperimentSpec grid = base;
    grid.sweep = sweep;
    std::vector<mlpw::ExperimentSpec> runs;
    for (mlpw::SweepPoint& point : mlpw::sweep_runs(grid, seeds)) runs.push_back(std::move(point.spec));
    return runs;
}

nlohmann::json sweep_values(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) return nlohmann::json::array();
    std::string bracketed(1, '[');
    bracketed.append(trimmed.toStdString()).push_back(']');
    nlohmann::json list = nlohmann::json::parse(bracketed, nullptr, false);
    if (!list.is_discarded()) return list;
    list = nlohmann::json::array();  // bare words: each a string unless it reads as JSON (a number, true…)
    for (const QString& part : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::string word = part.trimmed().toStdString();
        const nlohmann::json value = nlohmann::json::parse(word, nullptr, false);
        list.push_back(value.is_discarded() ? nlohmann::json(word) : value);
    }
    return list;
}
