// Keras' Progbar (tf.keras 2, keras/utils/generic_utils.py) re-implemented for the training log.
#include "keras_log.h"

#include <algorithm>
#include <cmath>

namespace mlpw::cli {
namespace {

constexpr int kBarWidth = 30;                            // Keras' Progbar(width=30)
constexpr std::chrono::milliseconds kRedrawInterval{100};  // at most 10 redraws a second

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
    // Keras prints whole ms; two significant digits below 10 ms keep fast steps readable (0.7ms, 2.5ms; Keras
    // would say 700us and 2ms).
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

KerasLog::KerasLog(std::FILE* out, bool interactive) : m_out(out), m_interactive(interactive) {}

TrainerEvents KerasLog::events() {
    TrainerEvents events;
    events.on_epoch_begin = [this](int epoch, int epochs, int batches) { epoch_begin(epoch, epochs, batches); };
    if (m_interactive) events.on_batch = [this](const BatchMetrics& m) { batch(m); };
    events.on_epoch = [this](const EpochMetrics& m, const EvaluationResult&) { epoch_end(m); };
    events.on_log = [this](const std::string& line) { callback_line(line); };
    return events;
}

void KerasLog::epoch_begin(int epoch, int epochs, int batches) {
    end_line();
    std::fprintf(m_out, "Epoch %d/%d\n", epoch, epochs);
    std::fflush(m_out);
    m_epoch_start = m_last_draw = Clock::now();
    m_drawn_width = 0;
    (void)batches;
}

void KerasLog::batch(const BatchMetrics& m) {
    const auto now = Clock::now();
    if (m.batch >= m.batches || now - m_last_draw < kRedrawInterval) return;  // the epoch's end draws the last
    m_last_draw = now;
    const double elapsed = std::chrono::duration<double>(now - m_epoch_start).count();
    const double eta = elapsed / m.batch * (m.batches - m.batch);
    draw(progress_bar(m.batch, m.batches) + " - ETA: " + eta_text(eta) + " - accuracy: " + metric_value(m.accuracy) +
             " - loss: " + metric_value(m.loss),
         false);
}

void KerasLog::epoch_end(const EpochMetrics& m) {
    std::string line = progress_bar(m.batches, m.batches) + " - " + format("%.0fs", m.seconds) + " " +
                       step_time(m.train_seconds / std::max(m.batches, 1)) +
                       " - accuracy: " + metric_value(m.accuracy) + " - loss: " + metric_value(m.loss);
    if (m.has_validation)
        line += " - val_accuracy: " + metric_value(m.val_accuracy) + " - val_loss: " + metric_value(m.val_loss);
    draw(line, true);
}

void KerasLog::callback_line(const std::string& line) {
    end_line();
    std::fprintf(m_out, "%s\n", line.c_str());
    std::fflush(m_out);
    m_logged.push_back(line);
}

void KerasLog::note(const std::string& line) {
    if (line.empty() || std::find(m_logged.begin(), m_logged.end(), line) != m_logged.end()) return;
    callback_line(line);
}

void KerasLog::end_line() {
    if (!m_line_open) return;
    std::fputc('\n', m_out);
    std::fflush(m_out);
    m_line_open = false;
}

void KerasLog::draw(const std::string& line, bool final) {
    std::string text;
    if (m_interactive) {
        text = "\r" + line;
        // Blank out what is left of a longer previous bar, as Keras does.
        if (m_drawn_width > line.size()) text.append(m_drawn_width - line.size(), ' ');
        m_drawn_width = line.size();
    } else {
        text = line;
    }
    if (final) text += '\n';
    std::fputs(text.c_str(), m_out);
    m_line_open = !final;
    std::fflush(m_out);
}

}  // namespace mlpw::cli
