// mlpw bench: times training epochs of the study's two reference networks on MNIST
// (the first 45,000 training images train, as Keras' validation_split=0.25 leaves them).
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "mlpw/dataset.h"
#include "mlpw/errors.h"
#include "mlpw/trainer.h"

namespace mlpw::cli {
namespace {

LayerSpec layer(LayerType type) {
    LayerSpec l;
    l.type = type;
    return l;
}
LayerSpec dense(int units, ActivationFn activation) {
    LayerSpec l = layer(LayerType::dense);
    l.units = units;
    l.activation = activation;
    return l;
}

// q4: 784-512 ReLU-10 softmax, Adam, batch 32. final: 784-4x[Dense 512, LeakyReLU 0.3, Dropout 0.3]-10 softmax,
// SGD lr 0.01 momentum 0.9, batch 128.
ExperimentSpec bench_experiment(const std::string& network) {
    ExperimentSpec spec;
    spec.name = network;
    spec.model.layers.push_back(layer(LayerType::flatten));
    if (network == "q4") {
        spec.model.layers.push_back(dense(512, ActivationFn::relu));
        spec.optimizer = defaults_for(OptimizerType::adam);
        spec.training.batch_size = 32;
    } else if (network == "final") {
        for (int i = 0; i < 4; ++i) {
            spec.model.layers.push_back(dense(512, ActivationFn::linear));
            spec.model.layers.push_back(layer(LayerType::leaky_relu));  // Keras' default slope 0.3
            LayerSpec dropout = layer(LayerType::dropout);
            dropout.rate = 0.3f;
            spec.model.layers.push_back(dropout);
        }
        spec.optimizer = defaults_for(OptimizerType::sgd);
        spec.optimizer.momentum = 0.9f;
        spec.training.batch_size = 128;
    } else {
        throw Error("--network: expected q4 or final, got '" + network + "'");
    }
    spec.model.layers.push_back(dense(10, ActivationFn::softmax));
    return spec;
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

int bench_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help")) {
        std::puts("usage: mlpw bench [--network q4|final] [--epochs N] [--threads T] [--seed S] [--json]\n"
                  "Trains on the first 45,000 MNIST training images and prints each epoch's training seconds\n"
                  "(the batch loop only) and their median.");
        return 0;
    }
    const std::string network = take_option(args, "--network", "q4");
    const int epochs = to_int(take_option(args, "--epochs", "3"), "--epochs");
    const int threads = to_int(take_option(args, "--threads", "0"), "--threads");
    const int seed = to_int(take_option(args, "--seed", "13"), "--seed");
    const bool json = take_flag(args, "--json");
    expect_no_more(args, "bench");
    if (epochs < 1) throw Error("--epochs: expected at least 1, got " + std::to_string(epochs));
    if (threads < 0) throw Error("--threads: expected 0 (automatic) or more, got " + std::to_string(threads));

    ExperimentSpec spec = bench_experiment(network);
    spec.training.epochs = epochs;
    spec.training.threads = threads;
    spec.training.seed = static_cast<uint64_t>(seed);
    const Dataset data = load_dataset("mnist");
    Trainer trainer(spec, data);
    if (!json)
        std::printf("bench %s: %d epochs, batch %d, threads %s\n", network.c_str(), epochs, spec.training.batch_size,
                    threads ? std::to_string(threads).c_str() : "auto");

    std::vector<double> epoch_seconds;
    double samples_per_s = 0.0;
    TrainerEvents events;
    events.on_epoch = [&](const EpochMetrics& m, const EvaluationResult&) {
        epoch_seconds.push_back(m.train_seconds);
        samples_per_s = m.samples_per_s;
        if (!json)
            std::printf("epoch %d: %.3f s train (%.0f samples/s), loss %.4f, accuracy %.4f, val_loss %.4f, "
                        "val_accuracy %.4f\n",
                        m.epoch, m.train_seconds, m.samples_per_s, m.loss, m.accuracy, m.val_loss, m.val_accuracy);
        std::fflush(stdout);
    };
    const std::atomic<bool> stop{false};
    trainer.run(events, stop);
    const double test_accuracy = trainer.evaluate(data.test).accuracy;
    const double med = median(epoch_seconds);
    if (json) {
        const nlohmann::json out = {{"network", network},          {"threads", trainer.threads()},
                                    {"epoch_seconds", epoch_seconds}, {"median_epoch_s", med},
                                    {"samples_per_s", samples_per_s}, {"peak_rss_mb", peak_rss_mb()},
                                    {"test_accuracy", test_accuracy}};
        std::puts(out.dump().c_str());
    } else {
        std::printf("median epoch: %.3f s; test accuracy %.4f; threads %s; peak RSS %.0f MB\n", med, test_accuracy,
                    trainer.threads().c_str(), peak_rss_mb());
    }
    return 0;
}

}  // namespace mlpw::cli
