// mlpw summary: Keras' model.summary() of an experiment's model (of each distinct model of a sweep), and
// whether the model fits its data set.
#include <cstdio>
#include <map>

#include "commands.h"
#include "experiment_input.h"
#include "mlpw/data/dataset.h"
#include "mlpw/report/summary.h"
#include "training_session.h"

namespace mlpw::cli {
namespace {

constexpr int64_t kWellKnownImages = 70000;  // MNIST and Fashion-MNIST: 60,000 training + 10,000 test images

struct DataFacts {
    DataShape shape;
    int64_t images = 0;  // train + test
};

// The well-known data sets' shape is fixed; a folder is read (its labels give the class count).
DataFacts data_facts(const std::string& source) {
    if (source == "mnist" || source == "fashion_mnist") return {DataShape{28 * 28, 10}, kWellKnownImages};
    const Dataset data = load_dataset(source);
    return {shape_of(data), int64_t(data.train.count) + data.test.count};
}

}  // namespace

int summary_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw summary --experiment FILE [--set key.path=value ...]\n"
            "Prints the model's layers, output shapes and parameter counts as Keras' model.summary() does\n"
            "(one table per distinct model of a sweep), then checks that the model fits its data set:\n"
            "exit status 1 with the problems when it does not.\n"
            "MNIST and Fashion-MNIST are 28x28 images of 10 classes; a folder data set is read.");
        return 0;
    }
    const ExperimentInput input = take_experiment_input(args, "summary", false);
    expect_no_more(args, "summary");

    const ExperimentSpec spec = load_experiment_input(input);
    const std::vector<SweepPoint> points = expand_sweep(spec);
    std::map<std::string, DataFacts> facts;  // by data source: a folder is read once
    std::vector<std::string> problems;
    const ModelSpec* shown = nullptr;
    for (size_t i = 0; i < points.size(); ++i) {
        const ExperimentSpec& point = points[i].spec;
        if (!facts.count(point.data.source)) facts[point.data.source] = data_facts(point.data.source);
        const DataShape shape = facts[point.data.source].shape;
        if (!shown || !(*shown == point.model)) {
            if (points.size() > 1) std::printf("%sRun %zu: %s\n", shown ? "\n" : "", i + 1, points[i].label.c_str());
            std::fputs(summarize(point.model, shape).text(point.model.name).c_str(), stdout);
            std::fputs(memory_line(estimate_memory(point, shape, facts[point.data.source].images)).c_str(), stdout);
            shown = &point.model;
        }
        const std::string fits = "the data set " + point.data.source + " (" + std::to_string(shape.input_features) +
            " inputs, " + std::to_string(shape.num_classes) + " classes): ";
        for (const auto& p : check_against_data(point, shape))
            problems.push_back(points.size() == 1 ? "the model does not fit " + fits + p.text()
                                                  : "run " + std::to_string(i + 1) + " {" + points[i].label +
                                       "} does not fit " + fits + p.text());
    }
    std::fflush(stdout);
    if (problems.size() == 1) throw SpecError(input.path + ": " + problems.front());
    if (!problems.empty()) {
        std::string text = input.path + ": " + std::to_string(problems.size()) + " problems";
        for (const auto& line : problems) text += "\n" + line;
        throw SpecError(text);
    }
    return 0;
}

}  // namespace mlpw::cli
