#pragma once
// Optimisers with tf.keras 2 update rules. A strategy class per optimiser (tiny-dnn optimizers/optimizer.h):
// a subclass provides `update` (one step of its rule for one tensor, over contiguous floats) and keeps its
// slots (momentum, accumulators) per tensor; `reset` drops them.
#include <cstdint>
#include <memory>
#include <vector>

#include "mlpw/experiment/optimizer_spec.h"
#include "mlpw/nn/network.h"

namespace mlpw {

// Applied to each gradient element before the rule: g' = clip(g * scale + l1 * sign(w) + 2 * l2 * w).
// The regulariser terms are the gradient of Keras' kernel_regularizer penalty; scale implements clipnorm.
struct GradientTransform {
    float scale = 1.0f;
    float l1 = 0.0f;
    float two_l2 = 0.0f;
    float clip = 0.0f;  // 0: no clipvalue
};

class Optimizer {
public:
    explicit Optimizer(const OptimizerSpec& spec) : m_spec(spec) {}
    virtual ~Optimizer() = default;
    Optimizer(const Optimizer&) = delete;
    Optimizer& operator=(const Optimizer&) = delete;

    // Allocates the slots of tensors not seen yet (step() does it too); call before the batch loop.
    void prepare(const std::vector<ParamTensor>& params);
    // One update of every tensor from its gradient; iterations() counts the steps (Keras' optimizer.iterations).
    void step(std::vector<ParamTensor>& params);
    int64_t iterations() const { return m_iterations; }
    const OptimizerSpec& spec() const { return m_spec; }
    void reset();

    // The rate the next step uses: the schedule at iterations(), else the constant rate (Keras'
    // optimizer.learning_rate). set_learning_rate changes the constant rate (ReduceLROnPlateau,
    // LearningRateScheduler); with a schedule it has no effect (the validator refuses such callbacks).
    double learning_rate() const;
    void set_learning_rate(double rate) { m_constant_rate = rate; }

protected:
    // w[n] -= rule(transform(g[n])) for tensor `index` at step `t` (1-based).
    virtual void update(size_t index, float* w, const float* g, size_t n, const GradientTransform& tf, int64_t t) = 0;
    // Allocates the slots for tensor `index` of size n (called once per tensor, before its first update).
    virtual void allocate(size_t index, size_t n) = 0;
    virtual void clear_slots() = 0;
    // The rate of the step being taken (inside update()).
    float lr() const { return m_step_rate; }

    OptimizerSpec m_spec;

private:
    double m_constant_rate = m_spec.learning_rate;
    float m_step_rate = m_spec.learning_rate;
    int64_t m_iterations = 0;
    size_t m_allocated = 0;
};

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSpec& spec);

// The slots the optimiser keeps per parameter: SGD 0 (1 with momentum), Adagrad 1, RMSprop 1 (+1 centered,
// +1 momentum), Adam and AdamW 2 (3 with AMSGrad), Nadam 2.
int slots_per_parameter(const OptimizerSpec& spec);

}  // namespace mlpw
