// Network: turns a ModelSpec into runtime layers and runs the softmax + cross-entropy head.
#include "mlpw/nn/network.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "mlpw/errors.h"
#include "mlpw/nn/rng.h"
#include "nn/layer.h"
#include "nn/vectorize.h"

namespace mlpw {

using detail::Layer;

namespace {
// Purposes for derive_seed: each consumer of randomness gets its own stream.
constexpr uint64_t kInitializerStream = 1;
constexpr uint64_t kDropoutStream = 2;

bool is_softmax(const LayerSpec& l) {
    return (l.type == LayerType::dense || l.type == LayerType::activation) && l.activation == ActivationFn::softmax;
}
bool is_activation_layer(const LayerSpec& l) {
    return l.type == LayerType::leaky_relu || l.type == LayerType::activation;
}
// l1 * sum|w| + l2 * sum w^2 over n weights, in double. A pass over every kernel at every step (the loss
// Keras reports includes it): vectorised (measured: 0.14 ms per q4 step before, twice plain SGD's update).
MLPW_VECTOR_CLONES
double l1_l2_penalty(const float* w, size_t n, double l1, double l2) {
    return detail::lane_sum(n, [&](size_t i) {
        const double x = w[i];
        return l1 * std::fabs(x) + l2 * x * x;
    });
}

detail::EltwiseFn eltwise_of(const LayerSpec& l) {
    const ActivationFn fn = l.type == LayerType::leaky_relu ? ActivationFn::leaky_relu : l.activation;
    return detail::eltwise_for(fn, l.negative_slope, l.elu_alpha);
}
}  // namespace

struct Network::Impl {
    detail::Engine engine;
    std::vector<std::unique_ptr<Layer>> layers;
    std::vector<ParamTensor> params;
    int input_features = 0, num_classes = 0, capacity = 0;
    bool input_gradient = false;
    bool mixed_bfloat16 = false;
    uint64_t step = 0;
    detail::Buffer input;          // {capacity, input_features}
    detail::Buffer probabilities;  // {capacity, classes}
    detail::Buffer head_gradient;  // {capacity, classes}: d loss / d logits

    const float* logits() const { return layers.back()->dst(); }

    void build(const ModelSpec& spec, uint64_t seed) {
        const auto names = layer_names(spec);
        const auto& specs = spec.layers;
        if (specs.empty() || !is_softmax(specs.back()))
            throw SpecError(
                "model.layers: the last layer must end in a softmax activation "
                "(categorical_crossentropy expects probabilities)");
        int features = input_features;
        const size_t last = specs.size() - 1;
        for (size_t i = 0; i < specs.size(); ++i) {
            const LayerSpec& l = specs[i];
            const std::string where = "model.layers[" + std::to_string(i) + "]";
            if (is_softmax(l) && i != last)
                throw SpecError(where + ": softmax is supported only as the final activation");
            switch (l.type) {
                case LayerType::flatten: break;  // inputs are already flat {rows, features}
                case LayerType::random_translation:
                case LayerType::random_rotation:
                case LayerType::random_zoom:
                case LayerType::elastic_deformation: break;  // applied in the batch assembly (augmentation.h)
                case LayerType::dense: {
                    // The softmax of the last layer belongs to the head; a following activation layer is fused.
                    // Tensors keep the Dense layer's Keras name (dense_1/kernel) whatever is fused into it.
                    detail::EltwiseFn act = i == last ? detail::EltwiseFn{} : eltwise_of(l);
                    const size_t dense_index = i;
                    if (act.is_identity() && i + 1 < last && is_activation_layer(specs[i + 1])) {
                        act = eltwise_of(specs[i + 1]);
                        ++i;
                    }
                    layers.push_back(detail::make_dense(engine, names[dense_index], features, capacity, l, act,
                                                        derive_seed(seed, kInitializerStream, dense_index),
                                                        mixed_bfloat16));
                    features = l.units;
                    break;
                }
                case LayerType::activation:
                case LayerType::leaky_relu:
                    if (i == last) break;  // the final softmax: applied by the head
                    if (!eltwise_of(l).is_identity())
                        layers.push_back(detail::make_activation(engine, names[i], features, capacity, eltwise_of(l)));
                    break;
                case LayerType::dropout:
                    if (l.rate > 0.0f)
                        layers.push_back(detail::make_dropout(engine, names[i], features, capacity, l.rate,
                                                              derive_seed(seed, kDropoutStream, i)));
                    break;
                case LayerType::batch_normalization:
                    layers.push_back(detail::make_batch_normalization(engine, names[i], features, capacity, l));
                    break;
            }
        }
        if (layers.empty() || features != num_classes)
            throw SpecError("model.layers: the network ends with " + std::to_string(features) +
                            " outputs but the data set has " + std::to_string(num_classes) + " classes");
        connect_and_collect_parameters();
    }

    // A layer computes diff_src only when something before it uses it: a layer with parameters, or the input
    // gradient. So a Dense after the input Dropout skips its backward-data pass (best_mlp: 0.2 of 1.4 GFLOP a step).
    void connect_and_collect_parameters() {
        bool upstream_needs_gradient = input_gradient;
        for (size_t i = 0; i < layers.size(); ++i) {
            const float* src = i == 0 ? input.data() : layers[i - 1]->dst();
            float* diff_dst = i + 1 < layers.size() ? layers[i + 1]->diff_src() : head_gradient.data();
            layers[i]->connect(src, diff_dst, upstream_needs_gradient);
            const size_t before = params.size();
            layers[i]->collect_parameters(params);
            upstream_needs_gradient = upstream_needs_gradient || params.size() > before;
        }
    }
};

bool mixed_bfloat16_available() { return dnnl::get_effective_cpu_isa() >= dnnl::cpu_isa::avx512_core_bf16; }

Network::Network(const ModelSpec& spec, int input_features, int num_classes, uint64_t seed, NetworkOptions options)
    : m_impl(std::make_unique<Impl>()) {
    Impl& d = *m_impl;
    d.input_features = input_features;
    d.num_classes = num_classes;
    d.capacity = options.capacity;
    d.input_gradient = options.input_gradient;
    d.mixed_bfloat16 = options.mixed_bfloat16;
    d.input.assign(static_cast<size_t>(d.capacity) * input_features, 0.0f);
    d.probabilities.assign(static_cast<size_t>(d.capacity) * num_classes, 0.0f);
    d.head_gradient.assign(static_cast<size_t>(d.capacity) * num_classes, 0.0f);
    d.build(spec, seed);
}

Network::~Network() = default;
Network::Network(Network&&) noexcept = default;
Network& Network::operator=(Network&&) noexcept = default;

int Network::input_features() const { return m_impl->input_features; }
int Network::num_classes() const { return m_impl->num_classes; }
int Network::capacity() const { return m_impl->capacity; }
float* Network::input() { return m_impl->input.data(); }
std::vector<ParamTensor>& Network::parameters() { return m_impl->params; }
uint64_t Network::training_step() const { return m_impl->step; }

void Network::prepare(int rows, Pass pass) {
    if (rows < 1 || rows > m_impl->capacity)
        throw Error("network: batch of " + std::to_string(rows) + " rows exceeds the capacity of " +
                    std::to_string(m_impl->capacity));
    for (auto& layer : m_impl->layers) layer->prepare(rows, pass);
}

const float* Network::forward(int rows, Pass pass) {
    Impl& d = *m_impl;
    if (rows < 1 || rows > d.capacity) prepare(rows, pass);  // throws with the reason
    for (auto& layer : d.layers) layer->forward(rows, pass);
    d.engine.stream.wait();
    if (pass == Pass::training) ++d.step;
    // probabilities {rows, classes} = softmax(logits), stable: exp(z - max z).
    const int k = d.num_classes;
    const float* z = d.logits();
    float* p = d.probabilities.data();
    for (int r = 0; r < rows; ++r) {
        const float* zr = z + static_cast<size_t>(r) * k;
        float* pr = p + static_cast<size_t>(r) * k;
        const float top = *std::max_element(zr, zr + k);
        float sum = 0.0f;
        for (int c = 0; c < k; ++c) sum += pr[c] = std::exp(zr[c] - top);
        for (int c = 0; c < k; ++c) pr[c] /= sum;
    }
    return p;
}

LossResult Network::loss(const uint8_t* labels, int rows) const {
    // -log p(label) from the logits (log-sum-exp), exact even where p underflows.
    const Impl& d = *m_impl;
    const int k = d.num_classes;
    LossResult result;
    for (int r = 0; r < rows; ++r) {
        const float* zr = d.logits() + static_cast<size_t>(r) * k;
        const float* pr = d.probabilities.data() + static_cast<size_t>(r) * k;
        const float top = *std::max_element(zr, zr + k);
        double sum = 0.0;
        for (int c = 0; c < k; ++c) sum += std::exp(static_cast<double>(zr[c] - top));
        result.loss_sum += std::log(sum) - (zr[labels[r]] - top);
        if (std::max_element(pr, pr + k) - pr == labels[r]) ++result.correct;
    }
    return result;
}

LossResult Network::loss_and_gradient(const uint8_t* labels, int rows) {
    const LossResult result = loss(labels, rows);
    Impl& d = *m_impl;
    const int k = d.num_classes;
    const float inv_rows = 1.0f / static_cast<float>(rows);
    for (int r = 0; r < rows; ++r) {
        const float* pr = d.probabilities.data() + static_cast<size_t>(r) * k;
        float* gr = d.head_gradient.data() + static_cast<size_t>(r) * k;
        for (int c = 0; c < k; ++c) gr[c] = (pr[c] - (c == labels[r] ? 1.0f : 0.0f)) * inv_rows;
    }
    return result;
}

void Network::backward(int rows) {
    Impl& d = *m_impl;
    for (auto it = d.layers.rbegin(); it != d.layers.rend(); ++it) (*it)->backward(rows);
    d.engine.stream.wait();
}

const float* Network::input_gradient() const {
    return m_impl->input_gradient ? m_impl->layers.front()->diff_src() : nullptr;
}

void Network::apply_constraints() {
    for (auto& layer : m_impl->layers) layer->apply_constraint();
}

bool Network::has_constraints() const {
    return std::any_of(m_impl->layers.begin(), m_impl->layers.end(), [](const auto& l) { return l->has_constraint(); });
}

bool Network::has_regularization() const {
    return std::any_of(m_impl->params.begin(), m_impl->params.end(),
                       [](const ParamTensor& p) { return p.regularizer.active(); });
}

double Network::regularization_penalty() const {
    double penalty = 0.0;
    for (const ParamTensor& p : m_impl->params) {
        if (!p.regularizer.active()) continue;
        penalty += l1_l2_penalty(p.value, p.size, p.regularizer.l1, p.regularizer.l2);
    }
    return penalty;
}

ModelState Network::state() const {
    ModelState state;
    for (const auto& layer : m_impl->layers) layer->append_state(state);
    return state;
}

void Network::set_state(const ModelState& state) {
    // Check every name and shape before touching a weight, so a bad file leaves the model as it was.
    const ModelState current = this->state();
    for (size_t i = 0; i < current.size(); ++i) detail::expect_tensor(state, i, current[i].name, current[i].shape);
    if (state.size() > current.size())
        throw ModelFileError("weights: " + std::to_string(state.size() - current.size()) +
                             " tensors more than the model has (first extra: " + state[current.size()].name + ")");
    size_t pos = 0;
    for (auto& layer : m_impl->layers) layer->read_state(state, pos);
}

void Network::set_training_step(uint64_t step) {
    m_impl->step = step;
    for (auto& layer : m_impl->layers) layer->set_training_step(step);
}

bool Network::thread_count_invariant() const {
    return std::all_of(m_impl->layers.begin(), m_impl->layers.end(),
                       [](const auto& layer) { return layer->thread_count_invariant(); });
}

std::vector<std::string> Network::describe() const {
    std::vector<std::string> lines;
    for (const auto& layer : m_impl->layers) lines.push_back(layer->describe());
    return lines;
}

}  // namespace mlpw
