// Trainer + Keras log + test evaluation + run bundle.
#include "training_session.h"

#include <unistd.h>

#include <cstdio>

#include "keras_log.h"
#include "mlpw/summary.h"
#include "run_bundle.h"

namespace mlpw::cli {

DataShape shape_of(const Dataset& data) { return {data.train.features(), data.num_classes()}; }

std::string memory_line(const MemoryEstimate& estimate) {
    std::string line = "Memory to train: " + estimate.text();
    if (const auto available = available_memory()) {
        line += "; available: " + readable_size(*available);
        if (estimate.training() > *available) line += " (too little: training would be refused)";
    }
    return line + "\n";
}

RunOutcome run_and_report(const ExperimentSpec& spec, const Dataset& data, const std::string& out_dir,
                          const std::atomic<bool>& stop) {
    Trainer trainer(spec, data);
    const SplitIndices split = split_for_validation(data.train.count, spec.data.validation_split);
    if (split.validation.empty())
        std::printf("Train on %zu samples\n", split.train.size());
    else
        std::printf("Train on %zu samples, validate on %zu samples\n", split.train.size(), split.validation.size());
    std::fflush(stdout);

    KerasLog log(stdout, ::isatty(STDOUT_FILENO) == 1);
    TrainerEvents events = log.events();
    RunOutcome outcome;
    outcome.result = trainer.run(events, stop);
    log.end_line();
    const TrainingResult& result = outcome.result;
    log.note(result.message);  // the stop (Ctrl-C, a callback, divergence), if any

    outcome.test = trainer.evaluate(data.test);
    std::printf("Test accuracy: %s - test loss: %s\n", metric_value(outcome.test.accuracy).c_str(),
                metric_value(outcome.test.loss).c_str());
    std::fflush(stdout);
    if (!out_dir.empty()) {
        write_run_bundle(out_dir, trainer.model_file(), outcome.result, outcome.test);
        std::printf("Saved the run to %s (experiment.json, model.mlpw, history.csv, confusion.csv, summary.json)\n",
                    out_dir.c_str());
        std::fflush(stdout);
    }
    return outcome;
}

}  // namespace mlpw::cli
