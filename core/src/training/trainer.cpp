// Trainer: the epoch and batch loops, validation, callbacks, divergence guard.
#include "mlpw/training/trainer.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "mlpw/data/augmentation.h"
#include "mlpw/errors.h"
#include "mlpw/nn/optimizer.h"
#include "mlpw/nn/rng.h"
#include "mlpw/training/callbacks.h"
#include "mlpw/training/evaluation.h"
#include "mlpw/training/initial_weights.h"
#include "mlpw/training/memory_estimate.h"
#include "training/thread_tuner.h"

namespace mlpw {
namespace {

constexpr uint64_t kShuffleStream = 3;

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// "initial weights" or "weights of epoch 3".
std::string weights_of(int epoch) {
    return epoch == 0 ? "initial weights" : "weights of epoch " + std::to_string(epoch);
}

std::string join_lines(const std::vector<SpecProblem>& problems) {
    std::string text;
    for (const auto& p : problems) text += "\n  " + p.text();
    return text;
}

}  // namespace

int automatic_thread_count() { return std::max(1, omp_get_num_procs()); }

struct Trainer::Impl {
    ExperimentSpec spec;
    const Dataset& data;
    SplitIndices split;
    BatchAssembler assembler;
    Augmenter augmenter;  // the model's augmentation layers, applied to training batches only
    detail::ThreadTuner tuner;
    Network network;
    std::unique_ptr<Optimizer> optimizer;
    std::vector<uint8_t> batch_labels;  // {capacity}
    RunRecord record;

    // `initial`: the model file the run starts from (training.initial_weights), or null for the initialisers.
    Impl(const ExperimentSpec& s, const Dataset& d, const ModelFile* initial)
        : spec(s), data(d), split(split_for_validation(d.train.count, s.data.validation_split)),
          assembler(
              initial ? BatchAssembler(s.data.normalization, initial->normalization_mean, initial->normalization_stddev)
                      : BatchAssembler(s.data.normalization, d.train, split.train)),
          augmenter(s.model, d.train.rows, d.train.cols, s.training.seed),
          tuner(s.training.threads, automatic_thread_count()),
          network(s.model, d.train.features(), d.num_classes(), s.training.seed,
                  {std::max(s.training.batch_size, kEvaluationRows), false,
                   s.training.dtype_policy == DTypePolicy::mixed_bfloat16}),
          optimizer(make_optimizer(s.optimizer)), batch_labels(static_cast<size_t>(network.capacity())) {
        if (initial)
            network.set_state(weights_in_layout(initial->weights, network.state(), s.training.initial_weights));
        record.experiment = spec;
        record.data = {data.name,
                       data.class_names,
                       data.train.rows,
                       data.train.cols,
                       static_cast<int>(split.train.size()),
                       static_cast<int>(split.validation.size()),
                       assembler.mean(),
                       assembler.stddev()};
        record.final_weights = network.state();
        record.sample_panel = choose_sample_panel(data.train, split.validation, data.num_classes(), network.capacity());
    }

    // Gathers rows of `set` (by index) into the network input and the label buffer.
    void load_batch(const ImageSet& set, const uint32_t* indices, int rows) {
        assembler.gather(set, indices, rows, network.input());
        for (int r = 0; r < rows; ++r) batch_labels[r] = set.labels[indices[r]];
    }

    // A training batch: augmented when the model has augmentation layers (deterministic per optimiser step).
    void load_training_batch(const uint32_t* indices, int rows) {
        if (!augmenter.active()) return load_batch(data.train, indices, rows);
        augmenter.gather(assembler, data.train, indices, rows, static_cast<uint64_t>(optimizer->iterations()),
                         network.input());
        for (int r = 0; r < rows; ++r) batch_labels[r] = data.train.labels[indices[r]];
    }

    EvaluationResult evaluate(const ImageSet& set, const std::vector<uint32_t>& indices,
                              const std::atomic<bool>* stop = nullptr) {
        return mlpw::evaluate(network, assembler, set, indices, kEvaluationRows, stop);
    }

    ModelFile model_file() const { return model_file_of(record, network.state()); }

    // probabilities {panel, classes} of the sample panel's images at the current weights.
    std::vector<float> panel_probabilities() {
        const SamplePanel& panel = record.sample_panel;
        if (panel.size() == 0) return {};
        assembler.gather(data.train, panel.indices.data(), panel.size(), network.input());
        const float* p = network.forward(panel.size(), Pass::inference);
        return {p, p + static_cast<size_t>(panel.size()) * network.num_classes()};
    }
};

namespace {

// What callbacks may do to a run.
class RunContext final : public CallbackContext {
public:
    RunContext(Trainer& trainer, const TrainerEvents& events) : m_trainer(trainer), m_events(events) {}
    void stop_training(const std::string& reason) override {
        m_stop = true;
        if (m_reason.empty()) m_reason = reason;
    }
    ModelState weights() const override { return m_trainer.network().state(); }
    void set_weights(const ModelState& state) override { m_trainer.network().set_state(state); }
    void log(const std::string& line) override {
        if (m_events.on_log) m_events.on_log(line);
    }
    void save_model(const std::string& path) override { mlpw::save_model(m_trainer.model_file(), path); }
    double learning_rate() const override { return m_trainer.optimizer().learning_rate(); }
    void set_learning_rate(double rate) override { m_trainer.optimizer().set_learning_rate(rate); }
    bool stop_requested() const { return m_stop; }
    const std::string& reason() const { return m_reason; }

private:
    Trainer& m_trainer;
    const TrainerEvents& m_events;
    bool m_stop = false;
    std::string m_reason;
};

}  // namespace

Trainer::Trainer(const ExperimentSpec& spec, const Dataset& data) {
    const auto problems = check_against_data(spec, {data.train.features(), data.num_classes()});
    if (!problems.empty())
        throw SpecError("experiment '" + spec.name + "' does not fit the data set " + data.name + ":" +
                        join_lines(problems));
    // Refuse what the machine cannot hold before allocating any of it; name what ran out if it still does.
    const MemoryEstimate memory = estimate_memory(spec, {data.train.features(), data.num_classes()});
    check_memory(memory, "experiment '" + spec.name + "'");
    const std::optional<ModelFile> initial =
        spec.training.initial_weights.empty() ? std::nullopt : std::optional(load_initial_weights(spec, data));
    m_impl = allocating("the network of experiment '" + spec.name + "' (" + memory.text() + ")",
                        [&] { return std::make_unique<Impl>(spec, data, initial ? &*initial : nullptr); });
    // Switching thread counts mid-run is only free when the results do not depend on it.
    if (!m_impl->network.thread_count_invariant()) m_impl->tuner.pin();
}

Trainer::~Trainer() = default;
Network& Trainer::network() { return m_impl->network; }
Optimizer& Trainer::optimizer() { return *m_impl->optimizer; }
const ExperimentSpec& Trainer::spec() const { return m_impl->spec; }
std::string Trainer::threads() const { return m_impl->tuner.describe(); }
ModelFile Trainer::model_file() const { return m_impl->model_file(); }
const RunRecord& Trainer::record() const { return m_impl->record; }

EvaluationResult Trainer::evaluate(const ImageSet& set) {
    m_impl->tuner.before_step();  // OpenMP thread counts are per calling thread: set it on this one
    std::vector<uint32_t> all(static_cast<size_t>(set.count));
    std::iota(all.begin(), all.end(), 0u);
    return m_impl->evaluate(set, all);
}

const EvaluationResult& Trainer::evaluate_test_set() {
    m_impl->record.test = evaluate(m_impl->data.test);
    return m_impl->record.test;
}

const RunRecord& Trainer::run(const TrainerEvents& events, const std::atomic<bool>& stop) {
    Impl& d = *m_impl;
    const TrainingSpec& ts = d.spec.training;
    const int batch = ts.batch_size;
    const auto n = static_cast<int>(d.split.train.size());
    const int batches = (n + batch - 1) / batch;
    Network& net = d.network;

    // Build every primitive before the loop, for each thread count the tuner may use: full batches, the last
    // partial batch, the evaluation sizes.
    for (const int threads : d.tuner.candidates()) {
        omp_set_num_threads(threads);
        net.prepare(std::min(batch, n), Pass::training);
        if (n % batch) net.prepare(n % batch, Pass::training);
        if (d.split.validation.empty()) net.prepare(std::min(batch, n), Pass::inference);
        if (d.record.sample_panel.size() > 0) net.prepare(d.record.sample_panel.size(), Pass::inference);
        for (size_t count : {d.split.validation.size(), size_t(d.data.test.count)}) {
            if (count == 0) continue;
            net.prepare(static_cast<int>(std::min<size_t>(kEvaluationRows, count)), Pass::inference);
            if (count % kEvaluationRows) net.prepare(static_cast<int>(count % kEvaluationRows), Pass::inference);
        }
    }
    d.tuner.before_step();  // OpenMP thread counts are per calling thread: set it on the training thread

    CallbackRun callbacks(d.spec.callbacks);
    RunContext context(*this, events);
    callbacks.begin(context);

    RunRecord& record = d.record;
    const auto run_start = Clock::now();
    std::vector<uint32_t> order = d.split.train;
    auto& params = net.parameters();
    ModelState last_good = allocating("the optimiser's slots and a copy of the weights", [&] {
        d.optimizer->prepare(params);
        return net.state();
    });
    const bool regularized = net.has_regularization();
    const bool constrained = net.has_constraints();
    // Mean loss of the first training batch, by inference (the divergence check when there is no validation).
    const int check_rows = std::min(batch, n);
    auto check_loss = [&] {
        d.load_batch(d.data.train, order.data(), check_rows);
        net.forward(check_rows, Pass::inference);
        return net.loss(d.batch_labels.data(), check_rows).loss_sum / check_rows;
    };

    for (int epoch = 1; epoch <= ts.epochs && record.stop_reason == StopReason::completed; ++epoch) {
        if (stop.load(std::memory_order_relaxed)) {
            record.stop_reason = StopReason::user;
            record.message = "Stopped by the user after epoch " + std::to_string(epoch - 1);
            break;
        }
        if (ts.shuffle) {  // Fisher-Yates from the run's seed; the validation part is never shuffled in
            Rng rng(derive_seed(ts.seed, kShuffleStream, static_cast<uint64_t>(epoch)));
            for (uint32_t i = static_cast<uint32_t>(order.size()) - 1; i > 0; --i)
                std::swap(order[i], order[rng.below(i + 1)]);
        }
        // Room for this epoch's batch points, so that the batch loop allocates nothing (doubling: few copies).
        const size_t points = record.batches.size() + static_cast<size_t>(batch_points_per_epoch(batches));
        if (record.batches.capacity() < points) record.batches.reserve(std::max(points, 2 * record.batches.capacity()));
        callbacks.epoch_begin(epoch, context);
        if (events.on_epoch_begin) events.on_epoch_begin(epoch, ts.epochs, batches);
        const auto epoch_start = Clock::now();
        double loss_sum = 0.0;
        int64_t correct = 0, seen = 0;
        for (int b = 0; b < batches; ++b) {
            if (stop.load(std::memory_order_relaxed)) {
                // Model, history and any saved file must agree: go back to the last completed epoch.
                net.set_state(last_good);
                record.stop_reason = StopReason::user;
                record.message =
                    "Stopped by the user in epoch " + std::to_string(epoch) + "; kept the " + weights_of(epoch - 1);
                break;
            }
            const int start = b * batch;
            const int rows = std::min(batch, n - start);
            d.tuner.before_step();
            const auto step_start = Clock::now();
            d.load_training_batch(order.data() + start, rows);
            net.forward(rows, Pass::training);
            const LossResult step = net.loss_and_gradient(d.batch_labels.data(), rows);
            const double batch_loss = step.loss_sum / rows + (regularized ? net.regularization_penalty() : 0.0);
            if (!std::isfinite(batch_loss)) {
                net.set_state(last_good);
                record.stop_reason = StopReason::diverged;
                record.message = "Epoch " + std::to_string(epoch) + ", batch " + std::to_string(b + 1) +
                    ": invalid loss (" + std::to_string(batch_loss) + "), terminating training; kept the " +
                    weights_of(epoch - 1);
                break;
            }
            net.backward(rows);
            d.optimizer->step(params);
            if (constrained) net.apply_constraints();
            d.tuner.after_step(seconds_since(step_start), rows == batch);
            loss_sum += batch_loss * rows;
            correct += step.correct;
            seen += rows;
            if (keeps_batch_point(b + 1, batches))
                record.batches.push_back(
                    {epoch - 1 + double(b + 1) / batches, loss_sum / seen, static_cast<double>(correct) / seen});
            if (events.on_batch)
                events.on_batch({epoch, b + 1, batches, d.optimizer->iterations(), loss_sum / seen,
                                 static_cast<double>(correct) / seen});
        }
        if (record.stop_reason != StopReason::completed) break;

        EpochMetrics m;
        m.epoch = epoch;
        m.epochs = ts.epochs;
        m.batches = batches;
        m.train_seconds = seconds_since(epoch_start);
        m.loss = loss_sum / std::max<int64_t>(seen, 1);
        m.accuracy = static_cast<double>(correct) / std::max<int64_t>(seen, 1);
        m.samples_per_s = seen / std::max(m.train_seconds, 1e-9);
        EvaluationResult validation;
        if (!d.split.validation.empty()) {
            validation = d.evaluate(d.data.train, d.split.validation, &stop);
            if (validation.samples < static_cast<int>(d.split.validation.size())) {  // stopped during validation
                net.set_state(last_good);
                record.stop_reason = StopReason::user;
                record.message = "Stopped by the user during the validation of epoch " + std::to_string(epoch) +
                    "; kept the " + weights_of(epoch - 1);
                break;
            }
            m.has_validation = true;
            m.val_loss = validation.loss;
            m.val_data_loss = validation.data_loss;
            m.val_accuracy = validation.accuracy;
        }
        // The epoch's last update may have overflowed: its weights count as good only when a forward pass on them
        // gives a finite loss (the validation loss, or without validation one training batch).
        if (!std::isfinite(m.has_validation ? m.val_loss : check_loss())) {
            net.set_state(last_good);
            record.stop_reason = StopReason::diverged;
            record.message = "Epoch " + std::to_string(epoch) +
                ": invalid loss after the last update, terminating training; kept the " + weights_of(epoch - 1);
            break;
        }
        m.seconds = seconds_since(epoch_start);
        m.lr = d.optimizer->learning_rate();
        last_good = net.state();
        record.final_weights = last_good;
        record.add_epoch(m, {validation.confusion, validation.misclassified, d.panel_probabilities()}, last_good);
        if (events.on_epoch) events.on_epoch(m, validation);

        callbacks.epoch_end(m, context);
        if (context.stop_requested()) {
            record.stop_reason = StopReason::callback;
            record.message = context.reason();
        }
    }
    if (auto restored = callbacks.end(context)) record.restored_epoch = restored;
    record.final_weights = net.state();  // a callback may have restored other weights
    record.threads = d.tuner.describe();
    record.seconds = seconds_since(run_start);
    return record;
}

}  // namespace mlpw
