// Trainer + Keras log + test evaluation + run bundle.
#include "training_session.h"

#include <unistd.h>

#include <cstdio>

#include "keras_log.h"
#include "mlpw/io/run_bundle.h"
#include "mlpw/report/summary.h"
#include "mlpw/training/trainer.h"

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

RunRecord run_and_report(const ExperimentSpec& spec, const Dataset& data, const std::string& out_dir,
                         const std::atomic<bool>& stop) {
    Trainer trainer(spec, data);
    if (!spec.training.initial_weights.empty())
        std::printf("Starting from the weights of %s\n", spec.training.initial_weights.c_str());
    if (spec.training.dtype_policy != DTypePolicy::float32)
        std::printf("Mixed precision policy: %s (bfloat16 matrix products, float32 weights and evaluations)\n",
                    to_string(spec.training.dtype_policy).c_str());
    const RunData& split = trainer.record().data;
    if (split.validation_samples == 0)
        std::printf(
            "Train on %d samples (validation_split 0: no validation; the test set is the evaluation, once, "
            "after training, with no model selection on it)\n",
            split.train_samples);
    else std::printf("Train on %d samples, validate on %d samples\n", split.train_samples, split.validation_samples);
    std::fflush(stdout);

    KerasLog log(stdout, ::isatty(STDOUT_FILENO) == 1);
    const RunRecord& record = trainer.run(log.events(), stop);
    log.end_line();
    log.note(record.message);  // the stop (Ctrl-C, a callback, divergence), if any

    const EvaluationResult& test = trainer.evaluate_test_set();
    std::printf("Test accuracy: %s - test loss: %s\n", metric_value(test.accuracy).c_str(),
                metric_value(test.loss).c_str());
    std::printf("Training time: %.1f s\n", record.seconds);
    std::fflush(stdout);
    if (!out_dir.empty()) {
        write_run_bundle(out_dir, record);
        std::printf("Saved the run to %s (experiment.json, model.mlpw, history.csv, confusion.csv, summary.json)\n",
                    out_dir.c_str());
        std::fflush(stdout);
    }
    return record;
}

}  // namespace mlpw::cli
