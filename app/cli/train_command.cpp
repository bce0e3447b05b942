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
            "usage: mlpw train --experiment FILE [--initial-weights MODEL] [--epochs N] [--set key.path=value ...]\n"
            "                  [--out DIR] [--threads T]\n"
            "       mlpw train --from-model MODEL [--epochs N] [--set ...] [--out DIR] [--threads T]\n"
            "Trains one experiment: prints the model summary, then one progress line per epoch as Keras' fit\n"
            "does, the stop message if a callback or Ctrl-C ended the run, and the test set's accuracy and loss.\n"
            "  --experiment FILE   the experiment (JSON), e.g. resources/presets/baseline.json\n"
            "  --initial-weights MODEL\n"
            "                      starts from the weights of a model file (.mlpw) instead of the initialisers,\n"
            "                      as Keras' model.load_weights before fit (--set training.initial_weights=MODEL);\n"
            "                      its layers and normalisation must match the experiment's\n"
            "  --from-model MODEL  fine-tunes a model file (saved or imported): trains the experiment stored in\n"
            "                      it, starting from its weights (--epochs and --set change that experiment)\n"
            "  --epochs N          shortcut for --set training.epochs=N\n"
            "  --set PATH=VALUE    overrides an option before validation (repeatable), e.g.\n"
            "                      --set training.batch_size=64 --set optimizer=sgd --set model.layers[1].units=256\n"
            "  --threads T         shortcut for --set training.threads=T (0: automatic)\n"
            "  --out DIR           writes the run: experiment.json, model.mlpw, history.csv, confusion.csv,\n"
            "                      summary.json\n"
            "Ctrl-C stops after the current batch and still writes the completed epochs (exit status 130).");
        return 0;
    }
    const std::string model_path = take_option(args, "--from-model", "");
    ExperimentInput input;
    if (model_path.empty()) input = take_experiment_input(args, "train");
    else if (!take_option(args, "--experiment", "").empty())
        throw UsageError("--from-model trains the model file's own experiment: give --experiment or --from-model");
    else input = {model_path, take_overrides(args)};
    // Applied last, so it wins over --set; quoted so any path stays a string.
    const std::string initial = take_option(args, "--initial-weights", "");
    if (!initial.empty()) input.overrides.push_back("training.initial_weights=" + nlohmann::json(initial).dump());
    const std::string out_dir = take_option(args, "--out", "");
    expect_no_more(args, "train");

    const ExperimentSpec spec =
        model_path.empty() ? load_experiment_input(input) : load_model_experiment(model_path, input.overrides);
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
