// See seed_statistics.h.
#include "mlpw/report/seed_statistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "mlpw/errors.h"
#include "mlpw/training/callbacks.h"

namespace mlpw {

Spread spread_of(const std::vector<double>& values) {
    Spread s;
    double sum = 0.0;
    for (const double v : values) {
        if (!std::isfinite(v)) continue;
        sum += v;
        s.min = s.count == 0 ? v : std::min(s.min, v);
        s.max = s.count == 0 ? v : std::max(s.max, v);
        ++s.count;
    }
    if (s.count == 0) return s;
    s.mean = sum / s.count;
    double squares = 0.0;  // two passes: no cancellation for values far from 0 (seconds)
    for (const double v : values)
        if (std::isfinite(v)) squares += (v - s.mean) * (v - s.mean);
    s.sd = s.count > 1 ? std::sqrt(squares / (s.count - 1)) : 0.0;
    return s;
}

Spread column_spread(const std::vector<ResultRow>& rows, ResultColumn column) {
    std::vector<double> values;
    values.reserve(rows.size());
    for (const auto& row : rows) values.push_back(result_value(row, column));
    return spread_of(values);
}

std::vector<EpochBand> epoch_bands(const std::vector<std::vector<EpochMetrics>>& histories, const std::string& metric) {
    const auto& names = monitor_names();
    if (std::find(names.begin(), names.end(), metric) == names.end())
        throw Error("epoch bands: unknown metric '" + metric + "' (expected loss, accuracy, val_loss or val_accuracy)");
    size_t longest = 0;
    for (const auto& h : histories) longest = std::max(longest, h.size());
    std::vector<EpochBand> bands;
    for (size_t e = 0; e < longest; ++e) {
        std::vector<double> values;
        for (const auto& h : histories) {
            if (e >= h.size()) continue;
            const EpochLogs logs = epoch_logs(h[e]);
            if (const auto it = logs.find(metric); it != logs.end()) values.push_back(it->second);
        }
        const Spread spread = spread_of(values);
        if (spread.count > 0) bands.push_back({static_cast<int>(e) + 1, spread});
    }
    return bands;
}

SpreadVerdict compare_spreads(const Spread& a, const Spread& b) {
    if (a.count < 2 || b.count < 2) return SpreadVerdict::unknown;
    return std::fabs(a.mean - b.mean) <= a.sd + b.sd ? SpreadVerdict::within_spread : SpreadVerdict::exceeds_spread;
}

std::string verdict_text(SpreadVerdict verdict) {
    switch (verdict) {
        case SpreadVerdict::within_spread: return "within the seed spread";
        case SpreadVerdict::exceeds_spread: return "exceeds the seed spread";
        case SpreadVerdict::unknown: break;
    }
    return "seed spread unknown (fewer than 2 runs)";
}

std::string mean_sd_text(const Spread& spread, double scale, int decimals) {
    if (spread.count == 0) return "-";
    char buffer[64];
    if (spread.count == 1) std::snprintf(buffer, sizeof buffer, "%.*f", decimals, spread.mean * scale);
    else
        std::snprintf(buffer, sizeof buffer, "%.*f ± %.*f", decimals, spread.mean * scale, decimals, spread.sd * scale);
    return buffer;
}

}  // namespace mlpw
