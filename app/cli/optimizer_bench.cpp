// mlpw bench --optimizer / --all-optimizers: see optimizer_bench.h.
#include "optimizer_bench.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "bench_networks.h"
#include "commands.h"
#include "mlpw/data/dataset.h"
#include "mlpw/nn/optimizer.h"
#include "mlpw/training/trainer.h"

namespace mlpw::cli {
namespace {

using Clock = std::chrono::steady_clock;
double ms_between(Clock::time_point t0, Clock::time_point t1) {
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

constexpr int kUpdateWarmup = 5;  // optimiser updates run before the timed ones (the first allocates the slots)
constexpr int kUpdates = 30;      // optimiser updates timed per variant and round

// Timed steps per variant and round unless --steps says: about a quarter of a second on a quiet machine.
int default_steps(const std::string& network) { return network == "q4" ? 500 : 40; }

OptimizerVariant variant(std::string name, std::string keras, OptimizerType type, void (*change)(OptimizerSpec&),
                         RegularizerSpec regularizer = {}) {
    OptimizerSpec spec = defaults_for(type);
    if (change) change(spec);
    return {std::move(name), std::move(keras), spec, regularizer};
}

std::vector<OptimizerVariant> make_variants() {
    using T = OptimizerType;
    return {
        variant("sgd", "SGD()", T::sgd, nullptr),
        variant("sgd_momentum", "SGD(momentum=0.9)", T::sgd, [](OptimizerSpec& s) { s.momentum = 0.9f; }),
        variant("sgd_nesterov", "SGD(momentum=0.9, nesterov=True)", T::sgd,
                [](OptimizerSpec& s) {
                    s.momentum = 0.9f;
                    s.nesterov = true;
                }),
        variant("sgd_clipnorm", "SGD(clipnorm=1.0)", T::sgd, [](OptimizerSpec& s) { s.clipnorm = 1.0f; }),
        variant("sgd_clipvalue", "SGD(clipvalue=0.5)", T::sgd, [](OptimizerSpec& s) { s.clipvalue = 0.5f; }),
        variant("sgd_l1_l2", "SGD(), Dense(kernel_regularizer=l1_l2(1e-5, 1e-4))", T::sgd, nullptr, {1e-5f, 1e-4f}),
        variant("adagrad", "Adagrad()", T::adagrad, nullptr),
        variant("rmsprop", "RMSprop()", T::rmsprop, nullptr),
        variant("rmsprop_momentum", "RMSprop(momentum=0.9)", T::rmsprop, [](OptimizerSpec& s) { s.momentum = 0.9f; }),
        variant("rmsprop_centered", "RMSprop(centered=True)", T::rmsprop, [](OptimizerSpec& s) { s.centered = true; }),
        variant("rmsprop_centered_momentum", "RMSprop(momentum=0.9, centered=True)", T::rmsprop,
                [](OptimizerSpec& s) {
                    s.momentum = 0.9f;
                    s.centered = true;
                }),
        variant("adam", "Adam()", T::adam, nullptr),
        variant("adam_amsgrad", "Adam(amsgrad=True)", T::adam, [](OptimizerSpec& s) { s.amsgrad = true; }),
    };
}

double load_average() {
    double load[1] = {0.0};
    return getloadavg(load, 1) == 1 ? load[0] : -1.0;
}

// The times of one variant, over all rounds.
struct VariantTimes {
    std::vector<double> step_ms;    // whole training steps: batch, forward, loss, backward, update
    std::vector<double> update_ms;  // Optimizer::step alone on the network's tensors
};

ExperimentSpec with_variant(ExperimentSpec spec, const OptimizerVariant& v) {
    spec.optimizer = v.optimizer;
    for (LayerSpec& layer : spec.model.layers)
        if (layer.type == LayerType::dense) layer.kernel_regularizer = v.kernel_regularizer;
    return spec;
}

// Trains until `steps` steps are timed after `warmup` untimed ones and appends their times (the interval between
// consecutive batch events; the first step of an epoch, which follows the validation, is not timed), then times
// the optimiser's update alone.
void time_variant(const ExperimentSpec& spec, const Dataset& data, int warmup, int steps, VariantTimes& out) {
    Trainer trainer(spec, data);
    std::atomic<bool> stop{false};
    int step = 0, timed = 0;
    Clock::time_point previous;
    TrainerEvents events;
    events.on_batch = [&](const BatchMetrics& b) {
        const auto now = Clock::now();
        if (++step > warmup && b.batch > 1) {
            out.step_ms.push_back(ms_between(previous, now));
            if (++timed == steps) stop = true;
        }
        previous = now;
    };
    trainer.run(events, stop);

    std::vector<ParamTensor>& params = trainer.network().parameters();  // the last step's gradients
    const auto optimizer = make_optimizer(spec.optimizer);
    for (int i = 0; i < kUpdateWarmup + kUpdates; ++i) {
        const auto t0 = Clock::now();
        optimizer->step(params);
        if (i >= kUpdateWarmup) out.update_ms.push_back(ms_between(t0, Clock::now()));
    }
}

struct Row {
    const OptimizerVariant* variant;
    double step_ms, ratio, update_ms;
};

void print_table(const std::string& network, int threads, int steps, const OptimizerBenchOptions& o,
                 const std::vector<Row>& rows, double load_start, double load_end) {
    if (o.json) {
        nlohmann::json variants = nlohmann::json::array();
        for (const Row& r : rows)
            variants.push_back({{"name", r.variant->name},
                                {"keras", r.variant->keras},
                                {"ms_per_step", r.step_ms},
                                {"ratio_to_sgd", r.ratio},
                                {"update_ms", r.update_ms}});
        const nlohmann::json out = {{"network", network},
                                    {"threads", threads},
                                    {"warmup_steps", o.warmup_steps},
                                    {"steps", steps},
                                    {"rounds", o.rounds},
                                    {"load_average_start", load_start},
                                    {"load_average_end", load_end},
                                    {"variants", variants}};
        std::puts(out.dump().c_str());
        return;
    }
    std::printf("%-26s %-52s %8s %6s %10s\n", "variant", "Keras", "ms/step", "x SGD", "update ms");
    for (const Row& r : rows)
        std::printf("%-26s %-52s %8.3f %6.2f %10.3f\n", r.variant->name.c_str(), r.variant->keras.c_str(), r.step_ms,
                    r.ratio, r.update_ms);
    std::printf(
        "load average %.2f at the start, %.2f at the end (1-minute; above 0 means other work shared the "
        "cores)\n\n",
        load_start, load_end);
}

void bench_network(const std::string& network, const Dataset& data, const OptimizerBenchOptions& o) {
    ExperimentSpec base = bench_experiment(network);
    const int threads = o.threads > 0 ? o.threads : automatic_thread_count();
    base.training.threads = threads;  // fixed: the automatic tuner would switch counts in the middle of a timing
    base.training.seed = o.seed;
    const int steps = o.steps > 0 ? o.steps : default_steps(network);
    const int train_rows =
        static_cast<int>(split_for_validation(data.train.count, base.data.validation_split).train.size());
    const int batches = (train_rows + base.training.batch_size - 1) / base.training.batch_size;
    base.training.epochs = 2 + (o.warmup_steps + steps) / std::max(batches - 1, 1);  // enough to time `steps`
    if (!o.json)
        std::printf(
            "optimizers on %s (%s), %d thread%s: median step of %d rounds x %d steps per variant, "
            "each after %d untimed steps;\nms/step: a whole training step; x SGD: its ratio to plain SGD's; "
            "update ms: the optimiser's update alone (median of %d)\n",
            network.c_str(), describe_bench_network(network).c_str(), threads, threads == 1 ? "" : "s", o.rounds, steps,
            o.warmup_steps, kUpdates * o.rounds);
    std::fflush(stdout);

    const double load_start = load_average();
    std::vector<VariantTimes> times(o.variants.size());
    for (int round = 0; round < o.rounds; ++round)
        for (size_t v = 0; v < o.variants.size(); ++v)
            time_variant(with_variant(base, o.variants[v]), data, o.warmup_steps, steps, times[v]);
    const double load_end = load_average();

    std::vector<Row> rows;
    for (size_t v = 0; v < o.variants.size(); ++v)
        rows.push_back({&o.variants[v], median(times[v].step_ms), 0.0, median(times[v].update_ms)});
    for (Row& r : rows) r.ratio = r.step_ms / rows.front().step_ms;  // rows.front() is plain SGD
    print_table(network, threads, steps, o, rows, load_start, load_end);
}

}  // namespace

const std::vector<OptimizerVariant>& optimizer_variants() {
    static const std::vector<OptimizerVariant> variants = make_variants();
    return variants;
}

std::vector<OptimizerVariant> select_variants(const std::string& name) {
    const auto& all = optimizer_variants();
    std::vector<OptimizerVariant> selected{all.front()};
    for (size_t i = 1; i < all.size(); ++i)
        if (all[i].name == name || to_string(all[i].optimizer.type) == name) selected.push_back(all[i]);
    if (selected.size() == 1 && name != all.front().name) {
        std::string names;
        for (const auto& v : all) names += (names.empty() ? "" : ", ") + v.name;
        throw UsageError("--optimizer: expected an optimiser (sgd, adagrad, rmsprop, adam) or one of its variants (" +
                         names + "), got '" + name + "'");
    }
    return selected;
}

void run_optimizer_bench(const OptimizerBenchOptions& options) {
    const Dataset data = load_dataset("mnist");
    for (const std::string& network : options.networks) bench_network(network, data, options);
}

}  // namespace mlpw::cli
