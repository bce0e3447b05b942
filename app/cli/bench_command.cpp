// mlpw bench: times training epochs of the study's two reference networks on MNIST (the first 45,000 training
// images train, as Keras' validation_split=0.25 leaves them), or with --optimizer / --all-optimizers the step
// time of each optimiser and variant (optimizer_bench.h).
#include <sys/resource.h>

#include <atomic>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "augmentation_bench.h"
#include "bench_networks.h"
#include "commands.h"
#include "experiment_input.h"
#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"
#include "mlpw/training/trainer.h"
#include "optimizer_bench.h"

namespace mlpw::cli {
namespace {

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// --optimizer NAME / --all-optimizers: the options after those two are taken.
int optimizer_bench_command(Args& args, const std::string& optimizer, bool all_optimizers) {
    if (all_optimizers && !optimizer.empty()) throw UsageError("--optimizer and --all-optimizers: give one of them");
    OptimizerBenchOptions o;
    const std::string network = take_option(args, "--network", "both");
    o.networks = network == "both" ? std::vector<std::string>{"q4", "final"} : std::vector<std::string>{network};
    for (const auto& n : o.networks) bench_experiment(n);  // a wrong name fails before MNIST is read
    o.variants = all_optimizers ? optimizer_variants() : select_variants(optimizer);
    const std::string steps = take_option(args, "--steps", "");
    if (!steps.empty()) o.steps = to_int(steps, "--steps");
    o.warmup_steps = to_int(take_option(args, "--warmup", std::to_string(o.warmup_steps)), "--warmup");
    o.rounds = to_int(take_option(args, "--rounds", std::to_string(o.rounds)), "--rounds");
    o.threads = to_int(take_option(args, "--threads", "0"), "--threads");
    o.seed = static_cast<uint64_t>(to_int(take_option(args, "--seed", "13"), "--seed"));
    o.json = take_flag(args, "--json");
    expect_no_more(args, "bench");
    if (!steps.empty() && o.steps < 1) throw UsageError("--steps: expected at least 1, got " + steps);
    if (o.warmup_steps < 0) throw UsageError("--warmup: expected 0 or more, got " + std::to_string(o.warmup_steps));
    if (o.rounds < 1) throw UsageError("--rounds: expected at least 1, got " + std::to_string(o.rounds));
    if (o.threads < 0) throw UsageError("--threads: expected 0 (every core) or more, got " + std::to_string(o.threads));
    run_optimizer_bench(o);
    return 0;
}

}  // namespace

int bench_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help")) {
        std::puts(
            "usage: mlpw bench [--network q4|final | --experiment FILE] [--epochs N] [--threads T] [--seed S]\n"
            "                  [--dtype-policy float32|mixed_bfloat16] [--json]\n"
            "       mlpw bench --optimizer NAME | --all-optimizers [--network q4|final|both] [--steps N]\n"
            "                  [--warmup N] [--rounds R] [--threads T] [--seed S] [--json]\n"
            "       mlpw bench --augmentation EXPERIMENT [--threads T] [--rounds R]\n"
            "Trains on the first 45,000 MNIST training images (q4: 784-512 ReLU-10, Adam, batch 32; final:\n"
            "784-4x[512 LeakyReLU, Dropout 0.3]-10, SGD momentum 0.9, batch 128).\n"
            "--experiment FILE: that experiment instead (its data, model, optimiser, batch size; e.g. the best_mlp\n"
            "preset), for the epochs --epochs says (default 3).\n"
            "Without --optimizer: prints each epoch's training seconds (the batch loop only) and their median.\n"
            "--dtype-policy: Keras' mixed precision policy for the training steps (training.dtype_policy; the\n"
            "weights and the evaluations stay float32).\n"
            "--optimizer NAME: times plain SGD and the optimiser NAME (sgd, adagrad, rmsprop, adam: all its\n"
            "variants) or one variant (e.g. rmsprop_centered); --all-optimizers: every optimiser and variant.\n"
            "One line per variant: the median ms per training step, its ratio to plain SGD's, and the ms of the\n"
            "optimiser's update alone. The variants run in turn, --rounds times (default 3), each for --warmup\n"
            "untimed steps (default 20) then --steps timed ones (default 500 on q4, 40 on final). --network\n"
            "defaults to both, --threads to every core (fixed, not tuned). The load average is printed:\n"
            "compare numbers measured on a quiet machine (load near 0).\n"
            "--augmentation EXPERIMENT: the batch assembly of its augmentation layers against the plain one over\n"
            "every training image, in ms per step of its batch size (median of --rounds passes, default 3).");
        return 0;
    }
    const std::string optimizer = take_option(args, "--optimizer", "");
    const bool all_optimizers = take_flag(args, "--all-optimizers");
    if (all_optimizers || !optimizer.empty()) return optimizer_bench_command(args, optimizer, all_optimizers);
    const std::string augmentation = take_option(args, "--augmentation", "");
    if (!augmentation.empty()) {
        const int threads = to_int(take_option(args, "--threads", "0"), "--threads");
        const int rounds = to_int(take_option(args, "--rounds", "3"), "--rounds");
        expect_no_more(args, "bench");
        if (threads < 0) throw UsageError("--threads: expected 0 (every core) or more, got " + std::to_string(threads));
        if (rounds < 1) throw UsageError("--rounds: expected at least 1, got " + std::to_string(rounds));
        run_augmentation_bench(augmentation, threads, rounds);
        return 0;
    }
    const std::string experiment = take_option(args, "--experiment", "");
    const std::string network = take_option(args, "--network", experiment.empty() ? "q4" : "");
    const int epochs = to_int(take_option(args, "--epochs", "3"), "--epochs");
    const int threads = to_int(take_option(args, "--threads", "0"), "--threads");
    const int seed = to_int(take_option(args, "--seed", "13"), "--seed");
    const std::string policy = take_option(args, "--dtype-policy", "float32");
    const bool json = take_flag(args, "--json");
    expect_no_more(args, "bench");
    DTypePolicy dtype_policy = DTypePolicy::float32;
    if (!parse_dtype_policy(policy, dtype_policy))
        throw UsageError("--dtype-policy: expected float32 or mixed_bfloat16, got " + policy);
    if (epochs < 1) throw Error("--epochs: expected at least 1, got " + std::to_string(epochs));
    if (threads < 0) throw Error("--threads: expected 0 (automatic) or more, got " + std::to_string(threads));

    if (!experiment.empty() && !network.empty()) throw UsageError("--network and --experiment: give one of them");

    ExperimentSpec spec = experiment.empty() ? bench_experiment(network) : load_experiment_input({experiment, {}});
    spec.training.epochs = epochs;
    spec.training.threads = threads;
    spec.training.seed = static_cast<uint64_t>(seed);
    spec.training.dtype_policy = dtype_policy;
    const Dataset data = load_dataset(experiment.empty() ? "mnist" : spec.data.source);
    Trainer trainer(spec, data);
    const std::string name = experiment.empty() ? network : spec.name;
    if (!json)
        std::printf("bench %s: %d epochs, batch %d, threads %s, dtype policy %s\n", name.c_str(), epochs,
                    spec.training.batch_size, threads ? std::to_string(threads).c_str() : "auto", policy.c_str());

    std::vector<double> epoch_seconds;
    double samples_per_s = 0.0;
    TrainerEvents events;
    events.on_epoch = [&](const EpochMetrics& m, const EvaluationResult&) {
        epoch_seconds.push_back(m.train_seconds);
        samples_per_s = m.samples_per_s;
        if (!json)
            std::printf(
                "epoch %d: %.3f s train (%.0f samples/s), loss %.4f, accuracy %.4f, val_loss %.4f, "
                "val_accuracy %.4f\n",
                m.epoch, m.train_seconds, m.samples_per_s, m.loss, m.accuracy, m.val_loss, m.val_accuracy);
        std::fflush(stdout);
    };
    const std::atomic<bool> stop{false};
    trainer.run(events, stop);
    const double test_accuracy = trainer.evaluate(data.test).accuracy;
    const double med = median(epoch_seconds);
    if (json) {
        const nlohmann::json out = {{"network", name},
                                    {"threads", trainer.threads()},
                                    {"dtype_policy", policy},
                                    {"epoch_seconds", epoch_seconds},
                                    {"median_epoch_s", med},
                                    {"samples_per_s", samples_per_s},
                                    {"peak_rss_mb", peak_rss_mb()},
                                    {"test_accuracy", test_accuracy}};
        std::puts(out.dump().c_str());
    } else {
        std::printf("median epoch: %.3f s; test accuracy %.4f; threads %s; peak RSS %.0f MB\n", med, test_accuracy,
                    trainer.threads().c_str(), peak_rss_mb());
    }
    return 0;
}

}  // namespace mlpw::cli
