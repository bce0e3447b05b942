#pragma once
// The training log as Keras' fit(verbose=1) prints it:
//   Epoch 3/5
//    812/1407 [================>.............] - ETA: 0s - accuracy: 0.9801 - loss: 0.0612     (terminal only)
//   1407/1407 [==============================] - 1s 0.7ms/step - accuracy: 0.9821 - loss: 0.0574 - val_accuracy: ...
// On a terminal the bar is redrawn in place (\r) at most 10 times a second; otherwise only each epoch's final
// line is written. Callback lines (EarlyStopping's "Epoch 7: early stopping") are printed as they come.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "mlpw/report/keras_format.h"
#include "mlpw/training/trainer.h"

namespace mlpw::cli {

class KerasLog {
public:
    // `interactive`: redraw the bar in place (stdout is a terminal).
    KerasLog(std::FILE* out, bool interactive);

    // Events that print this log; the log must outlive the run.
    TrainerEvents events();
    // Ends a bar left half-drawn (a run stopped mid-epoch) so the next line starts clean.
    void end_line();
    // Prints a line of the run's own (the stop message) unless a callback already logged exactly it.
    void note(const std::string& line);

private:
    using Clock = std::chrono::steady_clock;
    void epoch_begin(int epoch, int epochs, int batches);
    void batch(const BatchMetrics& m);
    void epoch_end(const EpochMetrics& m);
    void callback_line(const std::string& line);
    void draw(const std::string& line, bool final);

    std::FILE* m_out;
    bool m_interactive;
    Clock::time_point m_epoch_start, m_last_draw;
    size_t m_drawn_width = 0;  // of the bar on screen, to blank out a longer previous one
    bool m_line_open = false;  // a bar without its newline is on screen
    std::vector<std::string> m_logged;
};

}  // namespace mlpw::cli
