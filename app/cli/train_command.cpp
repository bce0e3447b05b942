// mlpw train: one experiment, logged as Keras' fit prints it, tested, and saved as a run bundle.
#include <cstdio>

#include "commands.h"
#include "experiment_input.h"
#include "interrupt.h"
#include "mlpw/data/dataset.h"
#include "mlpw/io/run_bundle.h"
#include "mlpw/report/summary.h"
#include "training_session.h"

namespace mlpw::cli {

int train_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw train --experiment FILE [--epochs N] [--set key.path=value ...] [--out DIR] [--threads T]\n"
            "Trains one experiment: prints the model summary, then one progress line per epoch as Keras' fit\n"
            "does, the stop message if a callback or Ctrl-C ended the run, and the test set's accuracy and loss.\n"
            "  --experiment FILE   the experiment (JSON), e.g. resources/presets/baseline.json\n"
            "  --epochs N          shortcut for --set training.epochs=N\n"
            "  --set PATH=VALUE    overrides an option before validation (repeatable), e.g.\n"
            "                      --set training.batch_size=64 --set optimizer=sgd --set model.layers[1].units=256\n"
            "  --threads T         shortcut for --set training.threads=T (0: automatic)\n"
            "  --out DIR           writes the run: experiment.json, model.mlpw, history.csv, confusion.csv,\n"
            "                      summary.json\n"
            "Ctrl-C stops after the current batch and still writes the completed epochs (exit status 130).");
        return 0;
    }
    const ExperimentInput input = take_experiment_input(args, "train");
    const std::string out_dir = take_option(args, "--out", "");
    expect_no_more(args, "train");

    const ExperimentSpec spec = load_experiment_input(input);
    if (spec.sweep.is_object() && !spec.sweep.empty())
        throw SpecError(input.path + ": the experiment has a sweep (" + std::to_string(expand_sweep(spec).size()) +
                        " runs); run it with mlpw sweep, or train its base with --set sweep={}");
    if (!out_dir.empty()) prepare_output_folder(out_dir);  // fail before training, not after it
    const Dataset data = load_dataset(spec.data.source);
    const auto problems = check_against_data(spec, shape_of(data));
    if (!problems.empty()) {
        std::string text = input.path + ": the model does not fit the data set " + data.name + ":";
        for (const auto& p : problems) text.append(problems.size() == 1 ? " " : "\n").append(p.text());
        throw SpecError(text);
    }
    std::fputs(summarize(spec.model, shape_of(data)).text(spec.model.name).c_str(), stdout);
    std::fputs(memory_line(estimate_memory(spec, shape_of(data), data.train.count + data.test.count)).c_str(), stdout);

    const std::atomic<bool>& stop = install_interrupt_handler();
    const RunRecord record = run_and_report(spec, data, out_dir, stop);
    return record.stop_reason == StopReason::user ? kExitInterrupted : 0;
}

}  // namespace mlpw::cli
