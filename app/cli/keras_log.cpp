// The CLI's training log: Keras' Progbar redrawn in place on a terminal (texts from mlpw/report/keras_format.h).
#include "keras_log.h"

#include <algorithm>
#include <cmath>

namespace mlpw::cli {
namespace {

constexpr std::chrono::milliseconds kRedrawInterval{100};  // at most 10 redraws a second

}  // namespace

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

void KerasLog::epoch_end(const EpochMetrics& m) { draw(epoch_line(m), true); }

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
