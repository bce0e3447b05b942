// Optimisers against the tf.keras 2 update rules, written out again here (independently of optimizer.cpp) and
// computed in double: a few steps on two small tensors, clipvalue, clipnorm, the L1/L2 regulariser gradient,
// the Keras defaults, reset(), hand-computed numbers, and every variant on a long tensor (the vectorised loops,
// the parallel path: 1 vs 2 OpenMP threads).
#include <QtTest>

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "mlpw/nn/network.h"
#include "mlpw/nn/optimizer.h"
#include "mlpw/nn/rng.h"

using namespace mlpw;

Q_DECLARE_METATYPE(mlpw::OptimizerSpec)

namespace {

using Tensor = std::vector<double>;

// The tf.keras 2 rules (keras/optimizers/optimizer_v2/*.py and the TensorFlow kernels they call,
// tensorflow/core/kernels/training_ops.cc), element-wise, in double:
//   gradient  g = dL/dw + l1 * sign(w) + 2 * l2 * w        (kernel_regularizer's penalty is part of the loss)
//             clipvalue: g = clip(g, -c, c); then clipnorm: g = g * c / max(||g||_2, c) per tensor
//                        (OptimizerV2._transform_gradients: clipvalue first, then tf.clip_by_norm)
//   SGD       (ResourceApplyKerasMomentum) v = m v - lr g; w += v; nesterov: w += m v - lr g; m = 0: w -= lr g
//   Adagrad   (ResourceApplyAdagradV2) a starts at initial_accumulator_value; a += g^2; w -= lr g / (sqrt(a) + eps)
//   RMSprop   ms = rho ms + (1 - rho) g^2 (ms starts at 0); centered: mg = rho mg + (1 - rho) g, d = ms - mg^2,
//             else d = ms. No momentum (rmsprop.py): w -= lr g / (sqrt(d) + eps).
//             Momentum (ResourceApply[Centered]RMSProp): mom = m mom + lr g / sqrt(d + eps); w -= mom
//   Adam      (ResourceApplyAdam[WithAmsgrad]) lr_t = lr sqrt(1 - b2^t) / (1 - b1^t); m = b1 m + (1 - b1) g;
//             v = b2 v + (1 - b2) g^2; amsgrad: vhat = max(vhat, v) replaces v below; w -= lr_t m / (sqrt(v) + eps)
class KerasReference {
public:
    explicit KerasReference(const OptimizerSpec& spec) : s(spec) {}

    void step(std::vector<Tensor>& weights, const std::vector<Tensor>& grads, const std::vector<RegularizerSpec>& reg) {
        ++t;
        if (perTensor.size() < weights.size()) perTensor.resize(weights.size());
        for (size_t k = 0; k < weights.size(); ++k) {
            Tensor& w = weights[k];
            Tensor g = grads[k];
            for (size_t i = 0; i < w.size(); ++i) {
                const double sign = (w[i] > 0) - (w[i] < 0);
                g[i] += double(reg[k].l1) * sign + 2.0 * double(reg[k].l2) * w[i];
                if (s.clipvalue > 0) g[i] = std::clamp(g[i], -double(s.clipvalue), double(s.clipvalue));
            }
            if (s.clipnorm > 0) {
                double norm = 0;
                for (double x : g) norm += x * x;
                norm = std::sqrt(norm);
                for (double& x : g) x = x * s.clipnorm / std::max(norm, double(s.clipnorm));
            }
            TensorSlots& sl = perTensor[k];
            if (sl.a.empty()) {
                const double a0 = s.type == OptimizerType::adagrad ? s.initial_accumulator_value : 0.0;
                sl.a.assign(w.size(), a0);
                sl.b.assign(w.size(), 0.0);
                sl.c.assign(w.size(), 0.0);
            }
            for (size_t i = 0; i < w.size(); ++i) update(w[i], g[i], sl.a[i], sl.b[i], sl.c[i]);
        }
    }

private:
    struct TensorSlots {
        Tensor a, b, c;
    };
    void update(double& w, double g, double& a, double& b, double& c) const {
        const double lr = s.learning_rate, eps = s.epsilon, m = s.momentum;
        switch (s.type) {
            case OptimizerType::sgd:
                if (m == 0) {
                    w -= lr * g;
                } else {
                    a = m * a - lr * g;
                    w += s.nesterov ? m * a - lr * g : a;
                }
                break;
            case OptimizerType::adagrad:
                a += g * g;
                w -= lr * g / (std::sqrt(a) + eps);
                break;
            case OptimizerType::rmsprop: {
                const double rho = s.rho;
                a = rho * a + (1 - rho) * g * g;  // ms
                double d = a;
                if (s.centered) {
                    b = rho * b + (1 - rho) * g;  // mg
                    d -= b * b;
                }
                if (m > 0) {
                    c = m * c + lr * g / std::sqrt(d + eps);  // mom
                    w -= c;
                } else {
                    w -= lr * g / (std::sqrt(d) + eps);
                }
                break;
            }
            case OptimizerType::adam: {
                const double b1 = s.beta_1, b2 = s.beta_2;
                const double lr_t = lr * std::sqrt(1 - std::pow(b2, double(t))) / (1 - std::pow(b1, double(t)));
                a = b1 * a + (1 - b1) * g;      // m
                b = b2 * b + (1 - b2) * g * g;  // v
                c = std::max(c, b);             // vhat
                w -= lr_t * a / (std::sqrt(s.amsgrad ? c : b) + eps);
                break;
            }
        }
    }

    OptimizerSpec s;
    int64_t t = 0;
    std::vector<TensorSlots> perTensor;
};

// Tensors the optimiser sees: ParamTensor over our own float arrays.
struct Params {
    std::vector<std::vector<float>> value, grad;
    std::vector<ParamTensor> tensors;
    Params(const std::vector<Tensor>& w, const std::vector<RegularizerSpec>& reg) {
        for (const auto& t : w) {
            value.emplace_back(t.begin(), t.end());
            grad.emplace_back(t.size(), 0.0f);
        }
        for (size_t k = 0; k < w.size(); ++k)
            tensors.push_back({"t" + std::to_string(k), value[k].data(), grad[k].data(), value[k].size(), reg[k]});
    }
    void setGrad(const std::vector<Tensor>& g) {
        for (size_t k = 0; k < g.size(); ++k) std::copy(g[k].begin(), g[k].end(), grad[k].begin());
    }
};

// Weights of two tensors (with a 0, so sign(0) = 0 of L1 shows) and three steps of gradients: signs change,
// one gradient is 0, element 0 shrinks step by step (so AMSGrad's max differs from v).
const std::vector<Tensor> kWeights{{0.3, -0.7, 1.2, 0.0, -0.05}, {0.8, -0.25, 0.6}};
const std::vector<std::vector<Tensor>> kGrads{
    {{2.0, -1.5, 0.0, 0.8, -0.01}, {0.4, 0.9, -1.1}},
    {{0.1, 0.7, 0.3, -0.6, 0.02}, {-0.3, 0.5, 0.2}},
    {{0.05, -0.2, 1.4, -0.9, 0.5}, {0.35, -0.8, 0.05}},
};

OptimizerSpec keras(OptimizerType type, float lr) {
    OptimizerSpec s = defaults_for(type);
    s.learning_rate = lr;
    return s;
}

// Engine (float) against the reference (double): after three steps the float rounding is ~1e-7 of the
// weights; a wrong rule is off by far more (the rows with epsilon 0.1 make even epsilon's place count).
constexpr double kTolerance = 2e-6;

}  // namespace

class TestOptimizer : public QObject {
    Q_OBJECT
private slots:
    void matches_keras_rules_data();
    void matches_keras_rules();
    void hand_computed_values_data();
    void hand_computed_values();
    void clipvalue_and_clipnorm();
    void regularizer_gradient();
    void keras_defaults();
    void reset_starts_over();
    void parallel_path_is_thread_independent_data();
    void parallel_path_is_thread_independent();
};

void TestOptimizer::matches_keras_rules_data() {
    QTest::addColumn<OptimizerSpec>("spec");
    QTest::addColumn<float>("l1");  // the first tensor's kernel_regularizer
    QTest::addColumn<float>("l2");
    using T = OptimizerType;
    auto with = [](OptimizerSpec s, auto change) {
        change(s);
        return s;
    };
    QTest::newRow("sgd") << keras(T::sgd, 0.1f) << 0.0f << 0.0f;
    QTest::newRow("sgd momentum") << with(keras(T::sgd, 0.1f), [](auto& s) { s.momentum = 0.9f; }) << 0.0f << 0.0f;
    QTest::newRow("sgd nesterov") << with(keras(T::sgd, 0.1f), [](auto& s) {
        s.momentum = 0.9f;
        s.nesterov = true;
    }) << 0.0f << 0.0f;
    QTest::newRow("adagrad") << keras(T::adagrad, 0.1f) << 0.0f << 0.0f;
    QTest::newRow("adagrad, accumulator 0.5, epsilon 0.1") << with(keras(T::adagrad, 0.1f), [](auto& s) {
        s.initial_accumulator_value = 0.5f;
        s.epsilon = 0.1f;
    }) << 0.0f << 0.0f;
    QTest::newRow("rmsprop") << keras(T::rmsprop, 0.01f) << 0.0f << 0.0f;
    QTest::newRow("rmsprop, epsilon 0.1")
        << with(keras(T::rmsprop, 0.01f), [](auto& s) { s.epsilon = 0.1f; }) << 0.0f << 0.0f;
    QTest::newRow("rmsprop, rho 0.5") << with(keras(T::rmsprop, 0.01f), [](auto& s) { s.rho = 0.5f; }) << 0.0f << 0.0f;
    QTest::newRow("rmsprop momentum") << with(keras(T::rmsprop, 0.01f), [](auto& s) { s.momentum = 0.9f; }) << 0.0f
                                      << 0.0f;
    QTest::newRow("rmsprop momentum, epsilon 0.1") << with(keras(T::rmsprop, 0.01f), [](auto& s) {
        s.momentum = 0.9f;
        s.epsilon = 0.1f;
    }) << 0.0f << 0.0f;
    QTest::newRow("rmsprop centered") << with(keras(T::rmsprop, 0.01f), [](auto& s) { s.centered = true; }) << 0.0f
                                      << 0.0f;
    QTest::newRow("rmsprop centered, epsilon 0.1") << with(keras(T::rmsprop, 0.01f), [](auto& s) {
        s.centered = true;
        s.epsilon = 0.1f;
    }) << 0.0f << 0.0f;
    QTest::newRow("rmsprop centered momentum") << with(keras(T::rmsprop, 0.01f), [](auto& s) {
        s.centered = true;
        s.momentum = 0.5f;
    }) << 0.0f << 0.0f;
    QTest::newRow("adam") << keras(T::adam, 0.01f) << 0.0f << 0.0f;
    QTest::newRow("adam, epsilon 0.1") << with(keras(T::adam, 0.01f), [](auto& s) { s.epsilon = 0.1f; }) << 0.0f
                                       << 0.0f;
    QTest::newRow("adam, betas 0.5 0.6") << with(keras(T::adam, 0.01f), [](auto& s) {
        s.beta_1 = 0.5f;
        s.beta_2 = 0.6f;
    }) << 0.0f << 0.0f;
    QTest::newRow("adam amsgrad, beta_2 0.5") << with(keras(T::adam, 0.01f), [](auto& s) {
        s.amsgrad = true;
        s.beta_2 = 0.5f;
    }) << 0.0f << 0.0f;
    QTest::newRow("sgd clipvalue 0.5") << with(keras(T::sgd, 0.1f), [](auto& s) { s.clipvalue = 0.5f; }) << 0.0f
                                       << 0.0f;
    QTest::newRow("adam clipvalue 0.5") << with(keras(T::adam, 0.01f), [](auto& s) { s.clipvalue = 0.5f; }) << 0.0f
                                        << 0.0f;
    QTest::newRow("sgd clipnorm 1") << with(keras(T::sgd, 0.1f), [](auto& s) { s.clipnorm = 1.0f; }) << 0.0f << 0.0f;
    QTest::newRow("rmsprop momentum clipnorm 0.5") << with(keras(T::rmsprop, 0.01f), [](auto& s) {
        s.momentum = 0.9f;
        s.clipnorm = 0.5f;
    }) << 0.0f << 0.0f;
    QTest::newRow("sgd l1 0.1 l2 0.05") << keras(T::sgd, 0.1f) << 0.1f << 0.05f;
    QTest::newRow("adagrad l2 0.2") << keras(T::adagrad, 0.1f) << 0.0f << 0.2f;
    QTest::newRow("adam l1 l2 clipnorm 1")
        << with(keras(T::adam, 0.01f), [](auto& s) { s.clipnorm = 1.0f; }) << 0.1f << 0.05f;
    QTest::newRow("sgd momentum l1 clipvalue 0.5") << with(keras(T::sgd, 0.1f), [](auto& s) {
        s.momentum = 0.9f;
        s.clipvalue = 0.5f;
    }) << 0.3f << 0.0f;
}

void TestOptimizer::matches_keras_rules() {
    QFETCH(OptimizerSpec, spec);
    QFETCH(float, l1);
    QFETCH(float, l2);
    const std::vector<RegularizerSpec> reg{{l1, l2}, {}};
    Params params(kWeights, reg);
    auto optimizer = make_optimizer(spec);
    KerasReference reference(spec);
    std::vector<Tensor> expected = kWeights;
    for (size_t step = 0; step < kGrads.size(); ++step) {
        params.setGrad(kGrads[step]);
        optimizer->step(params.tensors);
        reference.step(expected, kGrads[step], reg);
        QCOMPARE(optimizer->iterations(), int64_t(step + 1));
        for (size_t k = 0; k < expected.size(); ++k)
            for (size_t i = 0; i < expected[k].size(); ++i) {
                const double got = params.value[k][i], want = expected[k][i];
                QVERIFY2(std::fabs(got - want) <= kTolerance,
                         qPrintable(QString("step %1, tensor %2[%3]: %4, expected %5 (started at %6)")
                                        .arg(step + 1)
                                        .arg(k)
                                        .arg(i)
                                        .arg(got, 0, 'g', 9)
                                        .arg(want, 0, 'g', 9)
                                        .arg(kWeights[k][i])));
            }
        // The gradients are inputs: the optimiser must not change them.
        for (size_t k = 0; k < expected.size(); ++k)
            for (size_t i = 0; i < expected[k].size(); ++i) QCOMPARE(params.grad[k][i], float(kGrads[step][k][i]));
    }
    if (spec.amsgrad) {  // the AMSGrad row must be one where the max matters
        OptimizerSpec plain = spec;
        plain.amsgrad = false;
        KerasReference adam(plain);
        std::vector<Tensor> other = kWeights;
        for (const auto& g : kGrads) adam.step(other, g, reg);
        QVERIFY(std::fabs(other[0][0] - expected[0][0]) > 100 * kTolerance);
    }
}

// Numbers worked out by hand on one weight w = 1 with gradients 0.5 then 0.5 (lr 0.1), leaving out epsilon
// (1e-7: it moves these results by < 1e-6 per step, hence the tolerance 3e-6).
void TestOptimizer::hand_computed_values_data() {
    QTest::addColumn<OptimizerSpec>("spec");
    QTest::addColumn<double>("afterOne");
    QTest::addColumn<double>("afterTwo");
    using T = OptimizerType;
    OptimizerSpec sgd = keras(T::sgd, 0.1f);
    // w = 1 - 0.1 * 0.5 = 0.95; 0.95 - 0.05 = 0.9
    QTest::newRow("sgd") << sgd << 0.95 << 0.9;
    // v = -0.05, w = 0.95; v = 0.9 * -0.05 - 0.05 = -0.095, w = 0.855
    sgd.momentum = 0.9f;
    QTest::newRow("sgd momentum 0.9") << sgd << 0.95 << 0.855;
    // v = -0.05, w = 1 + 0.9 * -0.05 - 0.05 = 0.905; v = -0.095, w = 0.905 - 0.0855 - 0.05 = 0.7695
    sgd.nesterov = true;
    QTest::newRow("sgd nesterov 0.9") << sgd << 0.905 << 0.7695;
    // a = 0.1 + 0.25 = 0.35, w = 1 - 0.05 / (sqrt(0.35) + 1e-7) = 0.915485; a = 0.6, w -= 0.05 / sqrt(0.6)
    QTest::newRow("adagrad") << keras(T::adagrad, 0.1f) << 1 - 0.05 / std::sqrt(0.35)
                             << 1 - 0.05 / std::sqrt(0.35) - 0.05 / std::sqrt(0.6);
    // ms = 0.1 * 0.25 = 0.025, w = 1 - 0.05 / sqrt(0.025); ms = 0.0475, w -= 0.05 / sqrt(0.0475)
    QTest::newRow("rmsprop") << keras(T::rmsprop, 0.1f) << 1 - 0.05 / std::sqrt(0.025)
                             << 1 - 0.05 / std::sqrt(0.025) - 0.05 / std::sqrt(0.0475);
    // step 1: m = 0.05, v = 0.00025, lr_t = 0.1 * sqrt(0.001) / 0.1, w = 1 - lr_t * 0.05 / sqrt(0.00025) = 0.9
    // step 2: m = 0.095, v = 0.00049975, lr_t = 0.1 * sqrt(0.001999) / 0.19; w = 0.9 - lr_t * 0.095 / sqrt(v) = 0.8
    QTest::newRow("adam") << keras(T::adam, 0.1f) << 0.9 << 0.8;
}

void TestOptimizer::hand_computed_values() {
    QFETCH(OptimizerSpec, spec);
    QFETCH(double, afterOne);
    QFETCH(double, afterTwo);
    float w = 1.0f, g = 0.5f;
    std::vector<ParamTensor> p{{"w", &w, &g, 1, {}}};
    auto optimizer = make_optimizer(spec);
    optimizer->step(p);
    QVERIFY2(std::fabs(w - afterOne) < 3e-6, qPrintable(QString::number(w, 'g', 9)));
    optimizer->step(p);
    QVERIFY2(std::fabs(w - afterTwo) < 3e-6, qPrintable(QString::number(w, 'g', 9)));
}

void TestOptimizer::clipvalue_and_clipnorm() {
    // SGD with lr 1: the weight change is minus the transformed gradient, so the clipping shows directly.
    OptimizerSpec spec = keras(OptimizerType::sgd, 1.0f);
    spec.clipvalue = 0.5f;
    {
        std::vector<float> w(5, 0.0f), g{2.0f, -3.0f, 0.2f, -0.5f, 0.49f};
        std::vector<ParamTensor> p{{"w", w.data(), g.data(), w.size(), {}}};
        make_optimizer(spec)->step(p);
        QCOMPARE(w, (std::vector<float>{-0.5f, 0.5f, -0.2f, 0.5f, -0.49f}));
    }
    // clipnorm is per tensor (tf.clip_by_norm): {3, 4} has norm 5 -> {0.6, 0.8}; {0.3, 0.4} (norm 0.5) is kept.
    spec.clipvalue = 0.0f;
    spec.clipnorm = 1.0f;
    std::vector<float> a(2, 0.0f), ga{3.0f, 4.0f}, b(2, 0.0f), gb{0.3f, 0.4f};
    std::vector<ParamTensor> p{{"a", a.data(), ga.data(), 2, {}}, {"b", b.data(), gb.data(), 2, {}}};
    make_optimizer(spec)->step(p);
    QVERIFY(std::fabs(a[0] + 0.6f) < 1e-7f && std::fabs(a[1] + 0.8f) < 1e-7f);
    QVERIFY(std::fabs(b[0] + 0.3f) < 1e-7f && std::fabs(b[1] + 0.4f) < 1e-7f);
}

void TestOptimizer::regularizer_gradient() {
    // g' = g + l1 * sign(w) + 2 * l2 * w (sign(0) = 0), with SGD lr 1: w' = w - g'.
    const float l1 = 0.1f, l2 = 0.05f;
    std::vector<float> w{0.5f, -2.0f, 0.0f}, g{0.0f, 0.3f, 0.0f};
    std::vector<ParamTensor> p{{"kernel", w.data(), g.data(), 3, {l1, l2}}};
    make_optimizer(keras(OptimizerType::sgd, 1.0f))->step(p);
    QVERIFY(std::fabs(w[0] - (0.5f - (0.1f + 0.05f))) < 1e-7f);
    QVERIFY(std::fabs(w[1] - (-2.0f - (0.3f - 0.1f - 0.2f))) < 1e-7f);
    QCOMPARE(w[2], 0.0f);  // a zero weight with a zero gradient stays 0 (as padding must)
}

void TestOptimizer::keras_defaults() {
    // tf.keras 2: SGD(learning_rate=0.01, momentum=0.0, nesterov=False), Adagrad(0.001,
    // initial_accumulator_value=0.1, epsilon=1e-07), RMSprop(0.001, rho=0.9, momentum=0.0, epsilon=1e-07,
    // centered=False), Adam(0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False); no clipping.
    const OptimizerSpec sgd = defaults_for(OptimizerType::sgd);
    QCOMPARE(sgd.type, OptimizerType::sgd);
    QCOMPARE(sgd.learning_rate, 0.01f);
    QCOMPARE(sgd.momentum, 0.0f);
    QCOMPARE(sgd.nesterov, false);
    const OptimizerSpec adagrad = defaults_for(OptimizerType::adagrad);
    QCOMPARE(adagrad.type, OptimizerType::adagrad);
    QCOMPARE(adagrad.learning_rate, 0.001f);
    QCOMPARE(adagrad.initial_accumulator_value, 0.1f);
    QCOMPARE(adagrad.epsilon, 1e-7f);
    const OptimizerSpec rmsprop = defaults_for(OptimizerType::rmsprop);
    QCOMPARE(rmsprop.type, OptimizerType::rmsprop);
    QCOMPARE(rmsprop.learning_rate, 0.001f);
    QCOMPARE(rmsprop.rho, 0.9f);
    QCOMPARE(rmsprop.momentum, 0.0f);
    QCOMPARE(rmsprop.epsilon, 1e-7f);
    QCOMPARE(rmsprop.centered, false);
    const OptimizerSpec adam = defaults_for(OptimizerType::adam);
    QCOMPARE(adam.type, OptimizerType::adam);
    QCOMPARE(adam.learning_rate, 0.001f);
    QCOMPARE(adam.beta_1, 0.9f);
    QCOMPARE(adam.beta_2, 0.999f);
    QCOMPARE(adam.epsilon, 1e-7f);
    QCOMPARE(adam.amsgrad, false);
    for (const auto& s : {sgd, adagrad, rmsprop, adam}) {
        QCOMPARE(s.clipnorm, 0.0f);
        QCOMPARE(s.clipvalue, 0.0f);
    }
    QCOMPARE(OptimizerSpec{}, adam);  // a default-constructed spec is Keras' Adam
}

void TestOptimizer::reset_starts_over() {
    // After reset(), the iteration count and the slots start again: the next step is a first step.
    const OptimizerSpec spec = keras(OptimizerType::adam, 0.01f);
    Params params(kWeights, {{}, {}});
    auto optimizer = make_optimizer(spec);
    for (int s = 0; s < 2; ++s) {
        params.setGrad(kGrads[s]);
        optimizer->step(params.tensors);
    }
    optimizer->reset();
    QCOMPARE(optimizer->iterations(), int64_t(0));
    Params fresh(kWeights, {{}, {}});
    for (size_t k = 0; k < kWeights.size(); ++k) fresh.value[k] = params.value[k];
    params.setGrad(kGrads[2]);
    fresh.setGrad(kGrads[2]);
    optimizer->step(params.tensors);
    make_optimizer(spec)->step(fresh.tensors);
    QCOMPARE(params.value, fresh.value);
    QCOMPARE(optimizer->iterations(), int64_t(1));
}

void TestOptimizer::parallel_path_is_thread_independent_data() {
    // Every kernel (one per optimiser variant) and the clipping: the tensors of matches_keras_rules are shorter
    // than one AVX-512 vector, so only these rows run the vectorised loop bodies.
    QTest::addColumn<OptimizerSpec>("spec");
    using T = OptimizerType;
    auto with = [](OptimizerSpec s, auto change) {
        change(s);
        return s;
    };
    QTest::newRow("sgd") << keras(T::sgd, 0.05f);
    QTest::newRow("sgd momentum") << with(keras(T::sgd, 0.05f), [](auto& s) { s.momentum = 0.9f; });
    QTest::newRow("sgd nesterov") << with(keras(T::sgd, 0.05f), [](auto& s) {
        s.momentum = 0.9f;
        s.nesterov = true;
    });
    QTest::newRow("sgd clipvalue") << with(keras(T::sgd, 0.05f), [](auto& s) { s.clipvalue = 0.5f; });
    QTest::newRow("adagrad") << keras(T::adagrad, 0.05f);
    QTest::newRow("rmsprop") << keras(T::rmsprop, 0.01f);
    QTest::newRow("rmsprop momentum") << with(keras(T::rmsprop, 0.01f), [](auto& s) { s.momentum = 0.9f; });
    QTest::newRow("rmsprop centered") << with(keras(T::rmsprop, 0.01f), [](auto& s) { s.centered = true; });
    QTest::newRow("rmsprop centered momentum") << with(keras(T::rmsprop, 0.01f), [](auto& s) {
        s.centered = true;
        s.momentum = 0.5f;
    });
    QTest::newRow("rmsprop clipnorm") << with(keras(T::rmsprop, 0.01f), [](auto& s) { s.clipnorm = 5.0f; });
    QTest::newRow("adam") << keras(T::adam, 0.01f);
    QTest::newRow("adam clipvalue") << with(keras(T::adam, 0.01f), [](auto& s) { s.clipvalue = 0.5f; });
    QTest::newRow("adam amsgrad clipnorm") << with(keras(T::adam, 0.01f), [](auto& s) {
        s.amsgrad = true;
        s.clipnorm = 5.0f;
    });
}

void TestOptimizer::parallel_path_is_thread_independent() {
    // 40000 elements (above the 32768 threshold: split over the threads; not a multiple of 16, so the last
    // chunk is partial) with L1/L2 terms: 1 and 2 OpenMP threads give the same bits, and match the reference.
    QFETCH(OptimizerSpec, spec);
    constexpr size_t n = 40000;
    constexpr int steps = 3;
    Rng rng(77);
    Tensor w0(n);
    for (double& x : w0) x = rng.uniform(-1.0f, 1.0f);
    std::vector<Tensor> grads(steps, Tensor(n));
    for (auto& g : grads)
        for (double& x : g) x = rng.uniform(-2.0f, 2.0f);
    const std::vector<RegularizerSpec> reg{{0.01f, 0.02f}};

    std::vector<std::vector<float>> results;
    for (int threads : {1, 2}) {
        const int saved = omp_get_max_threads();
        omp_set_num_threads(threads);
        Params params({w0}, reg);
        auto optimizer = make_optimizer(spec);
        for (const auto& g : grads) {
            params.setGrad({g});
            optimizer->step(params.tensors);
        }
        omp_set_num_threads(saved);
        results.push_back(params.value[0]);
    }
    QVERIFY(std::memcmp(results[0].data(), results[1].data(), n * sizeof(float)) == 0);

    KerasReference reference(spec);
    std::vector<Tensor> expected{w0};
    for (const auto& g : grads) reference.step(expected, {g}, reg);
    for (size_t i = 0; i < n; ++i)
        QVERIFY2(std::fabs(results[1][i] - expected[0][i]) <= kTolerance,
                 qPrintable(QString("element %1: %2, expected %3").arg(i).arg(results[1][i]).arg(expected[0][i])));
}

QTEST_APPLESS_MAIN(TestOptimizer)
#include "tst_optimizer.moc"
