#pragma once
// The trainable network: a Keras Sequential model built from a ModelSpec on oneDNN primitives.
// Data path per training step (rows <= capacity):
//   input() {rows, in} -> forward -> probabilities {rows, classes} -> loss_and_gradient(labels) -> backward
//   -> parameters() hold fresh gradients for the Optimizer.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mlpw/experiment/model_spec.h"

namespace mlpw {

enum class Pass { training, inference };

// A trainable tensor as the optimiser sees it: value and gradient are contiguous floats in one layout
// (the forward primitive's preferred weights layout), so an update is one flat loop.
struct ParamTensor {
    std::string name;  // "dense_1/kernel"
    float* value = nullptr;
    float* grad = nullptr;
    size_t size = 0;
    RegularizerSpec regularizer;  // set on kernels only
};

// One tensor of the model's state in plain row-major layout, for model files and snapshots.
// Kernels are {units, inputs}; biases {units}; batch normalisation gamma, beta, moving_mean, moving_variance {features}.
struct NamedTensor {
    std::string name;  // "dense/kernel"
    std::vector<int> shape;
    std::vector<float> values;
    bool operator==(const NamedTensor&) const = default;
};
using ModelState = std::vector<NamedTensor>;

struct LossResult {
    double loss_sum = 0.0;  // sum over the rows of -log p(label) (no regularisation)
    int correct = 0;        // rows whose arg-max is the label
};

struct NetworkOptions {
    int capacity = 128;           // the largest number of rows one call may process
    bool input_gradient = false;  // also compute d loss / d input (tests and saliency); off for training
    // Keras' mixed_bfloat16 for the training pass (see DTypePolicy): the Dense layers' three inner products read
    // bfloat16 copies of src, weights and diff_dst; inference stays float32. Throws Error on a CPU without
    // bfloat16 kernels (oneDNN offers only its reference code there, far slower than float32).
    bool mixed_bfloat16 = false;
};

// Whether this CPU has the bfloat16 instructions NetworkOptions::mixed_bfloat16 needs (AVX512_BF16 or AMX, as
// oneDNN sees it: ONEDNN_MAX_CPU_ISA can lower it).
bool mixed_bfloat16_available();

class Network {
public:
    // Builds the layers and initialises the weights from `seed` (same seed, same weights).
    // Throws SpecError when the model cannot be built (e.g. softmax not at the end).
    Network(const ModelSpec& spec, int input_features, int num_classes, uint64_t seed, NetworkOptions options = {});
    ~Network();
    Network(Network&&) noexcept;
    Network& operator=(Network&&) noexcept;
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;

    int input_features() const;
    int num_classes() const;
    int capacity() const;

    // Builds the primitives for `rows` in `pass` (idempotent). Call before the batch loop, never in it;
    // forward() on an unprepared size prepares it (and so allocates) once.
    void prepare(int rows, Pass pass);

    // {capacity, input_features}: fill the first rows before forward().
    float* input();
    // probabilities {rows, num_classes} = softmax(layers(input {rows, in})). Training advances the dropout step.
    const float* forward(int rows, Pass pass);
    // After a training forward: cross-entropy of the probabilities against `labels` {rows}; writes
    // d loss / d logits = (p - onehot) / rows into the head. Returns sums for running means.
    LossResult loss_and_gradient(const uint8_t* labels, int rows);
    // Cross-entropy and correct count of the last forward, without gradients.
    LossResult loss(const uint8_t* labels, int rows) const;
    // Back-propagates the head gradient; fills every ParamTensor::grad.
    void backward(int rows);
    // d loss / d input {rows, input_features}; only with NetworkOptions::input_gradient.
    const float* input_gradient() const;

    std::vector<ParamTensor>& parameters();
    // Keras' kernel_regularizer penalty of the current weights: sum over kernels of l1*sum|w| + l2*sum w^2.
    double regularization_penalty() const;
    bool has_regularization() const;
    // Keras' kernel constraints (max_norm, unit_norm, non_neg), applied after each optimiser step; no allocation.
    void apply_constraints();
    bool has_constraints() const;

    ModelState state() const;
    // Throws ModelFileError naming the tensor when names or shapes do not match this network.
    void set_state(const ModelState& state);

    // The dropout masks of training step s derive from (seed, layer, s); the trainer sets it on resume.
    void set_training_step(uint64_t step);
    uint64_t training_step() const;

    // True when training gives bit-identical results for any OpenMP thread count. oneDNN 2.6's AVX-512 inner
    // product does; its AVX2 one (sgemm) splits sums across threads, so 1 and 2 threads differ in the last bits.
    bool thread_count_invariant() const;

    // One line per runtime layer, e.g. "dense (784->512, relu fused) brgemm:avx512_core", for logs and tests.
    std::vector<std::string> describe() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace mlpw
