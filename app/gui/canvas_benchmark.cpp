#include "canvas_benchmark.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "cli/bench_networks.h"
#include "inspect/digit_drawing.h"
#include "inspect/grey_picture.h"
#include "mlpw/training/digit_classifier.h"
#include "recorded_strokes.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> times, double p) {
    if (times.empty()) return 0.0;
    std::sort(times.begin(), times.end());
    return times[std::min(times.size() - 1, size_t(p * double(times.size())))];
}

// The 4x512 network with its initial weights: the time of a forward pass does not depend on their values.
mlpw::ModelFile final_network() {
    mlpw::ModelFile model;
    model.experiment = mlpw::cli::bench_experiment("final");
    model.class_names = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    model.weights =
        mlpw::Network(model.experiment.model, mlpw::kDigitPixels, 10, model.experiment.training.seed).state();
    return model;
}

struct Placement {
    double left, top, size;  // in drawing pixels
    const char* name;
};

}  // namespace

int run_canvas_benchmark() {
    mlpw::DigitClassifier classifier(final_network());
    const Placement placements[] = {
        {20, 20, 296, "large"}, {220, 230, 90, "small, bottom-right"}, {60, 40, 200, "middle"}};
    std::vector<double> paint, preprocess, read;
    int readable_moves = 0;
    for (int warmup = 1; warmup >= 0; --warmup) {  // the first pass pays for the primitives' first executions
        paint.clear(), preprocess.clear(), read.clear();
        for (const Placement& at : placements)
            for (const auto& strokes : recorded_digit_strokes()) {
                DigitDrawing drawing;
                for (const UnitStroke& stroke : strokes)
                    for (qsizetype i = 0; i < stroke.size(); ++i) {
                        const DigitDrawing::Point p{QPointF(at.left, at.top) + stroke[i] * at.size, 1.0};
                        auto start = Clock::now();
                        if (i == 0) drawing.beginStroke(p);
                        else drawing.extendStroke(p);
                        paint.push_back(ms_since(start));
                        start = Clock::now();
                        const mlpw::GreyImage grey = grey_picture_of(drawing.image());
                        const bool readable =
                            mlpw::preprocess_digit(grey, mlpw::InkPolarity::light_on_dark).has_value();
                        preprocess.push_back(ms_since(start));
                        start = Clock::now();
                        const mlpw::DigitReading reading =
                            classifier.read(grey_picture_of(drawing.image()), mlpw::InkPolarity::light_on_dark);
                        read.push_back(ms_since(start));
                        readable_moves += reading.input.has_value() && readable;
                    }
            }
    }
    double load[3] = {-1, -1, -1};
    getloadavg(load, 3);
    std::printf(
        "Canvas benchmark: %zu mouse moves over the ten digits drawn large, small in a corner and middle\n"
        "(a %dx%d px drawing; network %s)\n",
        read.size(), DigitDrawing::kSide, DigitDrawing::kSide, mlpw::cli::describe_bench_network("final").c_str());
    std::printf("  read (preprocessing + forward, the reader thread): p50 %.2f ms  p99 %.2f ms  max %.2f ms\n",
                percentile(read, 0.5), percentile(read, 0.99), percentile(read, 1.0));
    std::printf("  of which preprocessing alone:                      p50 %.2f ms  p99 %.2f ms\n",
                percentile(preprocess, 0.5), percentile(preprocess, 0.99));
    std::printf("  paint one segment (the GUI thread):                p50 %.3f ms  p99 %.3f ms\n",
                percentile(paint, 0.5), percentile(paint, 0.99));
    std::printf("  load average: %.2f %.2f %.2f on %ld cores (the target, p99 <= 5 ms, is for an idle machine)\n",
                load[0], load[1], load[2], sysconf(_SC_NPROCESSORS_ONLN));
    return readable_moves > 0 ? 0 : 1;
}
