// Keras' Progbar text, re-implemented; see keras_format.h.
#include "mlpw/report/keras_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mlpw {
namespace {

constexpr int kBarWidth = 30;  // Keras' Progbar(width=30)

std::string format(const char* pattern, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

}  // namespace

std::string progress_bar(int current, int total) {
    total = std::max(total, 1);
    current = std::clamp(current, 0, total);
    const std::string count = std::to_string(current), of = std::to_string(total);
    std::string bar = std::string(of.size() - std::min(of.size(), count.size()), ' ') + count + "/" + of + " [";
    const int filled = static_cast<int>(kBarWidth * (static_cast<double>(current) / total));
    if (filled > 0) bar += std::string(static_cast<size_t>(filled - 1), '=') + (current < total ? '>' : '=');
    bar += std::string(static_cast<size_t>(kBarWidth - filled), '.') + "]";
    return bar;
}

std::string metric_value(double value) {
    return format(std::fabs(value) > 1e-3 || value == 0.0 || !std::isfinite(value) ? "%.4f" : "%.4e", value);
}

std::string step_time(double t) {
    if (t >= 1.0 || t <= 0.0) return format("%.0fs/step", t);
    if (t >= 9.95e-3) return format("%.0fms/step", t * 1e3);
    if (t >= 0.1e-3) return format("%.2gms/step", t * 1e3);
    return format("%.0fus/step", t * 1e6);
}

std::string eta_text(double seconds) {
    const long s = std::lround(std::max(seconds, 0.0));
    char buffer[32];
    if (s > 3600) std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, s % 3600 / 60, s % 60);
    else if (s > 60) std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
    else std::snprintf(buffer, sizeof buffer, "%lds", s);
    return buffer;
}

std::string epoch_line(const EpochMetrics& m) {
    std::string line = progress_bar(m.batches, m.batches) + " - " + format("%.0fs", m.seconds) + " " +
        step_time(m.train_seconds / std::max(m.batches, 1)) + " - accuracy: " + metric_value(m.accuracy) +
        " - loss: " + metric_value(m.loss);
    if (m.has_validation)
        line += " - val_accuracy: " + metric_value(m.val_accuracy) + " - val_loss: " + metric_value(m.val_loss);
    if (m.has_my_digits) line += " - my_digits_accuracy: " + metric_value(m.my_digits_accuracy);
    if (m.has_lr()) line += " - lr: " + metric_value(m.lr);  // tf.keras 2 prints the lr its callbacks log
    return line;
}

}  // namespace mlpw
