// The bench networks: see bench_networks.h.
#include "bench_networks.h"

#include <algorithm>

#include "commands.h"

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

}  // namespace

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
        throw UsageError("--network: expected q4 or final, got '" + network + "'");
    }
    spec.model.layers.push_back(dense(10, ActivationFn::softmax));
    return spec;
}

std::string describe_bench_network(const std::string& network) {
    if (network == "q4") return "784-512 ReLU-10, batch 32";
    return "784-4x[512 LeakyReLU, Dropout 0.3]-10, batch 128";
}

double median(std::vector<double> times) {
    if (times.empty()) return 0.0;
    std::sort(times.begin(), times.end());
    const size_t n = times.size();
    return n % 2 ? times[n / 2] : 0.5 * (times[n / 2 - 1] + times[n / 2]);
}

}  // namespace mlpw::cli
