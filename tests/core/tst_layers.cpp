// The network's layers and its softmax + cross-entropy head: known-value forwards computed by hand, numerical
// gradient checks (central differences) for inputs, kernels, biases, gamma and beta, dropout masks, batch
// normalisation statistics, the regularisation penalty, state round trips, and a tiny overfit.
#include <QtTest>

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <optional>

#include "mlpw/errors.h"
#include "mlpw/nn/network.h"
#include "mlpw/nn/optimizer.h"
#include "mlpw/nn/rng.h"

using namespace mlpw;

Q_DECLARE_METATYPE(mlpw::ModelSpec)
Q_DECLARE_METATYPE(mlpw::ActivationFn)

namespace {

// The gradient-check geometry: tiny, so every element can be perturbed.
constexpr int kFeatures = 5;
constexpr int kClasses = 3;
constexpr int kRows = 4;

// Central differences over float32 oneDNN maths. The mean loss of a forward is exact to ~1e-7 (float logits,
// log-sum-exp in double), so a quotient (L(x+e) - L(x-e)) / 2e with e = 1e-3 carries ~1e-4 of rounding noise;
// the truncation error (e^2/6 * L''') is ~1e-7. An element passes when
//   |analytic - numeric| <= kAbsTol + kRelTol * max(|analytic|, |numeric|);
// the gradients checked are ~1e-2..1e-1, and each check also proves that the analytic gradient scaled by
// kWrongScale (5% wrong) would FAIL, so the tolerance cannot hide a wrong gradient.
constexpr double kEps = 1e-3;
constexpr double kAbsTol = 5e-4;
constexpr double kRelTol = 1e-2;
constexpr double kWrongScale = 1.05;

LayerSpec dense(int units, ActivationFn fn = ActivationFn::linear) {
    LayerSpec l;
    l.type = LayerType::dense;
    l.units = units;
    l.activation = fn;
    return l;
}
LayerSpec denseNoBias(int units, ActivationFn fn = ActivationFn::linear) {
    LayerSpec l = dense(units, fn);
    l.use_bias = false;
    return l;
}
LayerSpec activation(ActivationFn fn) {
    LayerSpec l;
    l.type = LayerType::activation;
    l.activation = fn;
    return l;
}
LayerSpec leakyRelu(float slope) {
    LayerSpec l;
    l.type = LayerType::leaky_relu;
    l.negative_slope = slope;
    return l;
}
LayerSpec dropout(float rate) {
    LayerSpec l;
    l.type = LayerType::dropout;
    l.rate = rate;
    return l;
}
LayerSpec batchNorm(float momentum = 0.99f) {
    LayerSpec l;
    l.type = LayerType::batch_normalization;
    l.momentum = momentum;
    return l;
}
ModelSpec model(std::vector<LayerSpec> layers) {
    ModelSpec m;
    m.layers = std::move(layers);
    return m;
}

// Sets the OpenMP thread count of this thread for one scope.
class ThreadCount {
public:
    explicit ThreadCount(int n) : m_saved(omp_get_max_threads()) { omp_set_num_threads(n); }
    ~ThreadCount() { omp_set_num_threads(m_saved); }
    ThreadCount(const ThreadCount&) = delete;
    ThreadCount& operator=(const ThreadCount&) = delete;

private:
    int m_saved;
};

NetworkOptions withInputGradient(int capacity) { return NetworkOptions{.capacity = capacity, .input_gradient = true}; }

std::vector<float> uniformValues(size_t n, uint64_t seed, float lo = -1.0f, float hi = 1.0f) {
    Rng rng(seed);
    std::vector<float> v(n);
    for (float& x : v) x = rng.uniform(lo, hi);
    return v;
}

const NamedTensor& tensorNamed(const ModelState& state, const std::string& name) {
    for (const auto& t : state)
        if (t.name == name) return t;
    qFatal("no tensor %s in the state", name.c_str());
}

QString describeNetwork(const Network& net) {
    QStringList lines;
    for (const auto& l : net.describe()) lines << QString::fromStdString(l);
    return lines.join(" | ");
}

// Mean cross-entropy of one training forward of x {rows, in} with the dropout masks of `step`.
double trainingLoss(Network& net, const std::vector<float>& x, const std::vector<uint8_t>& labels, uint64_t step) {
    const int rows = static_cast<int>(labels.size());
    std::copy(x.begin(), x.end(), net.input());
    net.set_training_step(step);
    net.forward(rows, Pass::training);
    return net.loss(labels.data(), rows).loss_sum / rows;
}

std::vector<float> forwardCopy(Network& net, const std::vector<float>& x, int rows, Pass pass) {
    std::copy(x.begin(), x.end(), net.input());
    const float* p = net.forward(rows, pass);
    return std::vector<float>(p, p + static_cast<size_t>(rows) * net.num_classes());
}

bool bitIdentical(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// For each element of a kernel's buffer (the forward primitive's weights layout, maybe blocked and padded):
// its index in the plain {units, inputs} state tensor, or -1 for a padding element. Found by perturbing one
// element at a time and reading the state back; fails unless the buffer covers the plain tensor exactly once.
std::vector<long> plainIndexOf(Network& net, size_t paramIndex) {
    ParamTensor& p = net.parameters()[paramIndex];
    const std::vector<float> base = tensorNamed(net.state(), p.name).values;
    std::vector<long> map(p.size, -1);
    std::vector<int> seen(base.size(), 0);
    for (size_t j = 0; j < p.size; ++j) {
        const float old = p.value[j];
        p.value[j] = old + 1.0f;
        const std::vector<float> now = tensorNamed(net.state(), p.name).values;
        p.value[j] = old;
        for (size_t k = 0; k < now.size(); ++k)
            if (now[k] != base[k]) {
                if (map[j] != -1) qFatal("%s: buffer element %zu maps to two plain elements", p.name.c_str(), j);
                map[j] = static_cast<long>(k);
                ++seen[k];
            }
    }
    for (size_t k = 0; k < seen.size(); ++k)
        if (seen[k] != 1) qFatal("%s: plain element %zu is covered %d times", p.name.c_str(), k, seen[k]);
    return map;
}

double errorRatio(double analytic, double numeric) {
    return std::fabs(analytic - numeric) / (kAbsTol + kRelTol * std::max(std::fabs(analytic), std::fabs(numeric)));
}

// Compares one tensor's analytic gradient with its numeric one; fails with the worst element. `skip` marks
// elements that are not checked numerically (padding, whose gradient must be exactly zero instead).
void compareGradients(const QString& what, const std::vector<double>& analytic, const std::vector<double>& numeric,
                      const std::vector<bool>& skip = {}) {
    QCOMPARE(analytic.size(), numeric.size());
    double worst = 0.0, worstWrong = 0.0;
    size_t at = 0;
    for (size_t j = 0; j < analytic.size(); ++j) {
        if (!skip.empty() && skip[j]) continue;
        const double e = errorRatio(analytic[j], numeric[j]);
        if (e > worst) {
            worst = e;
            at = j;
        }
        worstWrong = std::max(worstWrong, errorRatio(kWrongScale * analytic[j], numeric[j]));
    }
    QVERIFY2(worst <= 1.0,
             qPrintable(QString("%1[%2]: analytic %3, numeric %4 (error %5 of the tolerance)")
                            .arg(what)
                            .arg(at)
                            .arg(analytic[at], 0, 'g', 7)
                            .arg(numeric[at], 0, 'g', 7)
                            .arg(worst, 0, 'g', 3)));
    QVERIFY2(worstWrong > 1.0,
             qPrintable(what + ": a gradient 5% off would pass too; the check is not sensitive (all ~0?)"));
}

// Hand maths for the known-value forwards, in double.
double activate(ActivationFn fn, double z, double slope, double alpha) {
    switch (fn) {
        case ActivationFn::relu: return std::max(z, 0.0);
        case ActivationFn::sigmoid: return 1.0 / (1.0 + std::exp(-z));
        case ActivationFn::tanh: return std::tanh(z);
        case ActivationFn::elu: return z > 0 ? z : alpha * (std::exp(z) - 1.0);
        case ActivationFn::leaky_relu: return z > 0 ? z : slope * z;
        default: return z;
    }
}
std::vector<double> softmax(const std::vector<double>& z) {
    const double top = *std::max_element(z.begin(), z.end());
    std::vector<double> p(z.size());
    double sum = 0.0;
    for (size_t c = 0; c < z.size(); ++c) sum += p[c] = std::exp(z[c] - top);
    for (double& v : p) v /= sum;
    return p;
}

// Identity kernel {n, n}, zero bias: the last Dense passes its input through as the logits, so
// log p_i - log p_0 = z_i - z_0 exposes what the layers before it computed.
ModelState withIdentityHead(ModelState state, const std::string& kernelName, int n) {
    for (auto& t : state) {
        if (t.name == kernelName) {
            std::fill(t.values.begin(), t.values.end(), 0.0f);
            for (int i = 0; i < n; ++i) t.values[static_cast<size_t>(i) * n + i] = 1.0f;
        }
    }
    return state;
}

}  // namespace

class TestLayers : public QObject {
    Q_OBJECT
private slots:
    // Tiny tensors: one OpenMP thread (a second one only spins, and crawls when the machine is busy).
    // The dropout tests set 1 and 2 threads themselves.
    void initTestCase() { omp_set_num_threads(1); }
    void dense_known_values_data();
    void dense_known_values();
    void gradients_data();
    void gradients();
    void kernel_layout_covers_plain_state();
    void kernels_follow_the_isa_limit();
    void softmax_head_known_values_data();
    void softmax_head_known_values();
    void softmax_head_large_logits();
    void dropout_masks_data();
    void dropout_masks();
    void dropout_mask_follows_the_step();
    void batch_norm_training_forward_data();
    void batch_norm_training_forward();
    void batch_norm_moving_statistics_data();
    void batch_norm_moving_statistics();
    void regularization_penalty_data();
    void regularization_penalty();
    void state_round_trip_data();
    void state_round_trip();
    void set_state_rejects_bad_tensors_data();
    void set_state_rejects_bad_tensors();
    void fused_layers_keep_keras_names();
    void tiny_overfit_data();
    void tiny_overfit();
};

// --- Dense: weights set through set_state (plain {units, inputs}), probabilities against a hand computation.

void TestLayers::dense_known_values_data() {
    QTest::addColumn<ActivationFn>("fn");
    QTest::addColumn<bool>("asLeakyReluLayer");  // a leaky_relu layer after a linear Dense (fused by the network)
    QTest::newRow("linear") << ActivationFn::linear << false;
    QTest::newRow("relu") << ActivationFn::relu << false;
    QTest::newRow("sigmoid") << ActivationFn::sigmoid << false;
    QTest::newRow("tanh") << ActivationFn::tanh << false;
    QTest::newRow("elu (alpha 0.7)") << ActivationFn::elu << false;
    QTest::newRow("leaky_relu layer (slope 0.2), fused") << ActivationFn::leaky_relu << true;
}

void TestLayers::dense_known_values() {
    QFETCH(ActivationFn, fn);
    QFETCH(bool, asLeakyReluLayer);
    constexpr int hidden = 4;
    constexpr double slope = 0.2, alpha = 0.7;
    LayerSpec first = dense(hidden, asLeakyReluLayer ? ActivationFn::linear : fn);
    first.elu_alpha = static_cast<float>(alpha);
    std::vector<LayerSpec> layers{first};
    if (asLeakyReluLayer) layers.push_back(leakyRelu(static_cast<float>(slope)));
    layers.push_back(dense(kClasses, ActivationFn::softmax));
    Network net(model(layers), kFeatures, kClasses, 1, {.capacity = kRows});
    if (fn != ActivationFn::linear)
        QVERIFY2(describeNetwork(net).contains("activation fused"), qPrintable(describeNetwork(net)));

    // Non-symmetric values with both signs, so a transposed kernel or a missing activation shows.
    ModelState state = net.state();
    QCOMPARE(state.size(), size_t(4));
    auto fill = [](NamedTensor& t, double phase, double scale) {
        for (size_t i = 0; i < t.values.size(); ++i)
            t.values[i] = static_cast<float>(scale * std::sin(phase + 1.7 * i));
    };
    fill(state[0], 0.3, 0.8);  // W1 {4, 5}
    fill(state[1], 1.1, 0.3);  // b1 {4}
    fill(state[2], 2.0, 0.9);  // W2 {3, 4}
    fill(state[3], 0.5, 0.2);  // b2 {3}
    QCOMPARE(state[0].shape, (std::vector<int>{hidden, kFeatures}));
    net.set_state(state);

    std::vector<float> x(kRows * kFeatures);
    for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(std::cos(0.9 * i + 0.2) * 1.5);
    const std::vector<uint8_t> labels{0, 2, 1, 2};
    for (Pass pass : {Pass::inference, Pass::training}) {
        const std::vector<float> p = forwardCopy(net, x, kRows, pass);
        double expectedLoss = 0.0;
        int negativeInputs = 0;
        for (int r = 0; r < kRows; ++r) {
            std::vector<double> h(hidden), z(kClasses);
            for (int u = 0; u < hidden; ++u) {
                double s = state[1].values[u];
                for (int i = 0; i < kFeatures; ++i)
                    s += double(state[0].values[u * kFeatures + i]) * x[r * kFeatures + i];
                negativeInputs += s < 0;
                h[u] = activate(fn, s, slope, alpha);
            }
            for (int c = 0; c < kClasses; ++c) {
                z[c] = state[3].values[c];
                for (int u = 0; u < hidden; ++u) z[c] += double(state[2].values[c * hidden + u]) * h[u];
            }
            const auto expected = softmax(z);
            for (int c = 0; c < kClasses; ++c)
                QVERIFY2(std::fabs(p[r * kClasses + c] - expected[c]) < 1e-5,
                         qPrintable(QString("row %1 class %2: %3, expected %4")
                                        .arg(r)
                                        .arg(c)
                                        .arg(p[r * kClasses + c])
                                        .arg(expected[c])));
            expectedLoss -= std::log(expected[labels[r]]);
        }
        QVERIFY(negativeInputs > 0 && negativeInputs < kRows * hidden);  // both branches of the activation used
        const LossResult loss = net.loss(labels.data(), kRows);
        QVERIFY(std::fabs(loss.loss_sum - expectedLoss) < 1e-5);
    }
}

// --- Numerical gradient checks: inputs, every parameter tensor.

void TestLayers::gradients_data() {
    QTest::addColumn<ModelSpec>("spec");
    QTest::addColumn<QString>("expectedLayer");  // a phrase of describe() proving the layer under test is there
    using A = ActivationFn;
    const auto head = dense(kClasses, A::softmax);
    QTest::newRow("dense linear") << model({dense(6), head}) << "Dense 5->6)";
    QTest::newRow("dense relu (fused)") << model({dense(6, A::relu), head}) << "activation fused";
    QTest::newRow("dense sigmoid (fused)") << model({dense(6, A::sigmoid), head}) << "activation fused";
    QTest::newRow("dense tanh (fused)") << model({dense(6, A::tanh), head}) << "activation fused";
    QTest::newRow("dense elu (fused)") << model({dense(6, A::elu), head}) << "activation fused";
    QTest::newRow("dense + leaky_relu layer (fused)") << model({dense(6), leakyRelu(0.3f), head}) << "activation fused";
    QTest::newRow("dense without bias") << model({denseNoBias(6, A::tanh), head}) << "Dense 5->6";
    QTest::newRow("two hidden layers") << model({dense(6, A::relu), dense(4, A::elu), head}) << "Dense 6->4";
    QTest::newRow("softmax dense only") << model({head}) << "Dense 5->3)";
    QTest::newRow("softmax activation layer") << model({dense(kClasses), activation(A::softmax)}) << "Dense 5->3)";
    // Batch normalisation cannot be fused: the activation after it is a standalone Activation layer.
    // (The Dense before it has no bias: batch normalisation removes it, so its gradient would be 0.)
    QTest::newRow("batch_normalization + relu layer")
        << model({denseNoBias(6), batchNorm(), activation(A::relu), head}) << "Activation 6";
    QTest::newRow("batch_normalization + sigmoid layer")
        << model({denseNoBias(6), batchNorm(), activation(A::sigmoid), head}) << "Activation 6";
    QTest::newRow("batch_normalization + tanh layer")
        << model({denseNoBias(6), batchNorm(), activation(A::tanh), head}) << "Activation 6";
    QTest::newRow("batch_normalization + elu layer")
        << model({denseNoBias(6), batchNorm(), activation(A::elu), head}) << "Activation 6";
    QTest::newRow("batch_normalization + leaky_relu layer")
        << model({denseNoBias(6), batchNorm(), leakyRelu(0.3f), head}) << "Activation 6, alpha 0.3";
    QTest::newRow("batch_normalization first")
        << model({batchNorm(), dense(6, A::tanh), head}) << "BatchNormalization 5";
    // Dropout: the mask of the training step is fixed by set_training_step before every forward.
    QTest::newRow("dropout 0.5 after relu") << model({dense(6, A::relu), dropout(0.5f), head}) << "Dropout 6";
    QTest::newRow("dropout 0.3 first") << model({dropout(0.3f), dense(6, A::tanh), head}) << "Dropout 5";
}

void TestLayers::gradients() {
    QFETCH(ModelSpec, spec);
    QFETCH(QString, expectedLayer);
    Network net(spec, kFeatures, kClasses, 21, withInputGradient(kRows));
    QVERIFY2(describeNetwork(net).contains(expectedLayer), qPrintable(describeNetwork(net)));
    const std::vector<float> x0 = uniformValues(kRows * kFeatures, 5);
    const std::vector<uint8_t> labels{0, 2, 1, 2};
    constexpr uint64_t step = 3;  // the dropout masks used by every forward below

    // Analytic gradients of the mean loss.
    std::copy(x0.begin(), x0.end(), net.input());
    net.set_training_step(step);
    net.forward(kRows, Pass::training);
    net.loss_and_gradient(labels.data(), kRows);
    net.backward(kRows);
    const float* gx = net.input_gradient();
    QVERIFY(gx != nullptr);
    const std::vector<double> inputAnalytic(gx, gx + x0.size());
    auto& params = net.parameters();
    std::vector<std::vector<double>> paramAnalytic;
    for (const auto& p : params) paramAnalytic.emplace_back(p.grad, p.grad + p.size);

    // d loss / d input
    std::vector<double> numeric(x0.size());
    for (size_t j = 0; j < x0.size(); ++j) {
        std::vector<float> x = x0;
        x[j] = x0[j] + static_cast<float>(kEps);
        const double up = trainingLoss(net, x, labels, step);
        x[j] = x0[j] - static_cast<float>(kEps);
        const double down = trainingLoss(net, x, labels, step);
        numeric[j] = (up - down) / (2 * kEps);
    }
    compareGradients("input", inputAnalytic, numeric);

    // d loss / d parameter, perturbing ParamTensor::value (same layout as grad); padding must have zero grad.
    QVERIFY(!params.empty());
    for (size_t t = 0; t < params.size(); ++t) {
        ParamTensor& p = params[t];
        std::vector<bool> padding(p.size, false);
        if (p.name.ends_with("/kernel")) {
            const auto map = plainIndexOf(net, t);
            for (size_t j = 0; j < p.size; ++j) padding[j] = map[j] < 0;
        }
        std::vector<double> num(p.size, 0.0);
        for (size_t j = 0; j < p.size; ++j) {
            if (padding[j]) {
                QCOMPARE(paramAnalytic[t][j], 0.0);
                continue;
            }
            const float old = p.value[j];
            p.value[j] = old + static_cast<float>(kEps);
            const double up = trainingLoss(net, x0, labels, step);
            p.value[j] = old - static_cast<float>(kEps);
            const double down = trainingLoss(net, x0, labels, step);
            p.value[j] = old;
            num[j] = (up - down) / (2 * kEps);
        }
        compareGradients(QString::fromStdString(p.name), paramAnalytic[t], num, padding);
    }
}

void TestLayers::kernel_layout_covers_plain_state() {
    // The optimiser's flat view of a kernel (ParamTensor, the primitive's layout) and the model file's plain
    // {units, inputs} view hold the same numbers: every plain element exactly once, the rest padding (0).
    // 17 inputs and 40 units: partial blocks in both dimensions of a blocked (e.g. AB16b16a) layout.
    Network net(model({dense(40, ActivationFn::relu), dense(10, ActivationFn::softmax)}), 17, 10, 4, {.capacity = 32});
    for (size_t t = 0; t < net.parameters().size(); ++t) {
        const ParamTensor& p = net.parameters()[t];
        if (!p.name.ends_with("/kernel")) continue;
        const auto map = plainIndexOf(net, t);
        const std::vector<float> plain = tensorNamed(net.state(), p.name).values;
        QVERIFY(p.size >= plain.size());
        qInfo("%s: %zu plain elements in a buffer of %zu", p.name.c_str(), plain.size(), p.size);
        for (size_t j = 0; j < p.size; ++j) {
            if (map[j] < 0) QCOMPARE(p.value[j], 0.0f);
            else QCOMPARE(p.value[j], plain[map[j]]);
        }
    }
    qInfo("%s", qPrintable(describeNetwork(net)));
}

void TestLayers::kernels_follow_the_isa_limit() {
    // ctest runs this suite a second time as tst_layers_avx2: the limit must really reach oneDNN there.
    if (qEnvironmentVariable("ONEDNN_MAX_CPU_ISA") != "AVX2")
        QSKIP("checked by tst_layers_avx2 (ONEDNN_MAX_CPU_ISA=AVX2)");
    Network net(model({dense(512, ActivationFn::relu), dense(10, ActivationFn::softmax)}), 784, 10, 4,
                {.capacity = 32});
    net.prepare(32, Pass::training);
    const QString text = describeNetwork(net);
    qInfo("%s", qPrintable(text));
    QVERIFY2(!text.contains("avx512") && !text.contains("amx"), qPrintable(text));
}

// --- The softmax + categorical cross-entropy head.

void TestLayers::softmax_head_known_values_data() {
    QTest::addColumn<int>("classes");
    QTest::addColumn<QList<float>>("logits");  // via the bias of a zero kernel; empty: all zero (uniform)
    QTest::newRow("uniform, 2 classes") << 2 << QList<float>{};
    QTest::newRow("uniform, 3 classes") << 3 << QList<float>{};
    QTest::newRow("uniform, 10 classes") << 10 << QList<float>{};
    QTest::newRow("1 2 3") << 3 << QList<float>{1.0f, 2.0f, 3.0f};
    QTest::newRow("-2 0.5 4 -1") << 4 << QList<float>{-2.0f, 0.5f, 4.0f, -1.0f};
}

void TestLayers::softmax_head_known_values() {
    QFETCH(int, classes);
    QFETCH(QList<float>, logits);
    Network net(model({dense(classes, ActivationFn::softmax)}), kFeatures, classes, 2, {.capacity = kRows});
    ModelState state = net.state();
    std::fill(state[0].values.begin(), state[0].values.end(), 0.0f);
    for (int c = 0; c < classes; ++c) state[1].values[c] = logits.isEmpty() ? 0.0f : logits[c];
    net.set_state(state);
    std::vector<double> z(classes, 0.0);
    for (int c = 0; c < classes && !logits.isEmpty(); ++c) z[c] = logits[c];
    const auto expected = softmax(z);

    const std::vector<float> x = uniformValues(kRows * kFeatures, 9);
    std::vector<uint8_t> labels(kRows);
    for (int r = 0; r < kRows; ++r) labels[r] = static_cast<uint8_t>((r * 7 + 1) % classes);
    std::copy(x.begin(), x.end(), net.input());
    const float* p = net.forward(kRows, Pass::training);
    double expectedLoss = 0.0;
    for (int r = 0; r < kRows; ++r) {
        for (int c = 0; c < classes; ++c) QVERIFY(std::fabs(p[r * classes + c] - expected[c]) < 1e-6);
        expectedLoss -= std::log(expected[labels[r]]);
    }
    if (logits.isEmpty()) QVERIFY(std::fabs(expectedLoss - kRows * std::log(double(classes))) < 1e-12);  // log k

    const LossResult result = net.loss_and_gradient(labels.data(), kRows);
    QVERIFY2(std::fabs(result.loss_sum - expectedLoss) < 1e-5, qPrintable(QString::number(result.loss_sum)));
    const int top = static_cast<int>(std::max_element(expected.begin(), expected.end()) - expected.begin());
    QCOMPARE(result.correct, static_cast<int>(std::count(labels.begin(), labels.end(), top)));
    const LossResult again = net.loss(labels.data(), kRows);
    QCOMPARE(again.loss_sum, result.loss_sum);
    QCOMPARE(again.correct, result.correct);

    // d loss / d logits = (p - onehot) / rows, seen through the single Dense layer's gradients:
    // d bias_c = sum_r g_rc, d W_ci = sum_r g_rc x_ri.
    net.backward(kRows);
    const auto& params = net.parameters();
    const auto map = plainIndexOf(net, 0);
    std::vector<double> gradW(static_cast<size_t>(classes) * kFeatures, 0.0), gradB(classes, 0.0);
    for (int r = 0; r < kRows; ++r)
        for (int c = 0; c < classes; ++c) {
            const double g = (expected[c] - (labels[r] == c ? 1.0 : 0.0)) / kRows;
            gradB[c] += g;
            for (int i = 0; i < kFeatures; ++i) gradW[c * kFeatures + i] += g * x[r * kFeatures + i];
        }
    for (int c = 0; c < classes; ++c) QVERIFY(std::fabs(params[1].grad[c] - gradB[c]) < 1e-6);
    for (size_t j = 0; j < params[0].size; ++j)
        if (map[j] >= 0) QVERIFY(std::fabs(params[0].grad[j] - gradW[map[j]]) < 1e-6);
}

void TestLayers::softmax_head_large_logits() {
    // Logits 1000, 0, -1000: p = (1, 0, 0) in float, yet the loss is exact from the logits (log-sum-exp).
    Network net(model({dense(3, ActivationFn::softmax)}), kFeatures, 3, 2, {.capacity = 2});
    ModelState state = net.state();
    std::fill(state[0].values.begin(), state[0].values.end(), 0.0f);
    state[1].values = {1000.0f, 0.0f, -1000.0f};
    net.set_state(state);
    std::fill(net.input(), net.input() + 2 * kFeatures, 0.5f);
    const float* p = net.forward(2, Pass::inference);
    QCOMPARE(p[0], 1.0f);
    QCOMPARE(p[2], 0.0f);
    const uint8_t labels[] = {2, 0};
    const LossResult r = net.loss(labels, 2);
    QVERIFY(std::isfinite(r.loss_sum));
    QVERIFY(std::fabs(r.loss_sum - 2000.0) < 1e-6 * 2000.0);
    QCOMPARE(r.correct, 1);
}

// --- Dropout: inverted scaling, the kept fraction, identity at inference, masks fixed by the step.

void TestLayers::dropout_masks_data() {
    QTest::addColumn<float>("rate");
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("n");     // features
    QTest::addColumn<int>("rows");  // n * rows >= 65536: the parallel path (with 2 threads)
    QTest::newRow("rate 0.5, 1 thread") << 0.5f << 1 << 256 << 256;
    QTest::newRow("rate 0.5, 2 threads") << 0.5f << 2 << 256 << 256;
    QTest::newRow("rate 0.2") << 0.2f << 2 << 256 << 256;
    QTest::newRow("rate 0.8") << 0.8f << 2 << 256 << 256;
    QTest::newRow("odd element count, serial") << 0.5f << 2 << 255 << 257;
}

void TestLayers::dropout_masks() {
    QFETCH(float, rate);
    QFETCH(int, threads);
    QFETCH(int, n);
    QFETCH(int, rows);
    // Dropout -> Dense(identity, softmax): logits = dropout(x). Column 0 of x is 0, so its logit is 0 whatever
    // the mask, and z_i = log p_i - log p_0.
    const ThreadCount scope(threads);
    Network net(model({dropout(rate), dense(n, ActivationFn::softmax)}), n, n, 7, {.capacity = rows});
    net.set_state(withIdentityHead(net.state(), "dense/kernel", n));
    std::vector<float> x(static_cast<size_t>(rows) * n);
    for (int r = 0; r < rows; ++r)
        for (int i = 0; i < n; ++i) x[r * n + i] = i == 0 ? 0.0f : 0.5f + 0.001f * i + 0.0001f * r;

    auto logits = [&](Pass pass) {
        const std::vector<float> p = forwardCopy(net, x, rows, pass);
        std::vector<double> z(p.size());
        for (int r = 0; r < rows; ++r)
            for (int i = 0; i < n; ++i) z[r * n + i] = std::log(double(p[r * n + i])) - std::log(double(p[r * n]));
        return z;
    };

    net.set_training_step(11);
    const std::vector<double> z = logits(Pass::training);
    const double scale = 1.0 / (1.0 - rate);
    long kept = 0, total = 0;
    for (int r = 0; r < rows; ++r)
        for (int i = 1; i < n; ++i, ++total) {
            const double v = z[r * n + i], xi = x[r * n + i];
            if (std::fabs(v - xi * scale) < 1e-4) {
                ++kept;
            } else {
                QVERIFY2(std::fabs(v) < 1e-4,
                         qPrintable(QString("element (%1, %2) is %3: neither 0 nor x/(1-rate) = %4")
                                        .arg(r)
                                        .arg(i)
                                        .arg(v)
                                        .arg(xi * scale)));
            }
        }
    // Kept fraction: binomial with sd sqrt(rate (1 - rate) / ~65000) < 0.002; allow 5 sd.
    QVERIFY2(std::fabs(double(kept) / total - (1.0 - rate)) < 0.01, qPrintable(QString::number(double(kept) / total)));

    // Inference: the identity.
    const std::vector<double> zi = logits(Pass::inference);
    for (int r = 0; r < rows; ++r)
        for (int i = 0; i < n; ++i) QVERIFY(std::fabs(zi[r * n + i] - x[r * n + i]) < 1e-4);
}

void TestLayers::dropout_mask_follows_the_step() {
    // Same step, same mask (whatever the thread count); the next step, another mask; the step advances by one
    // per training forward and not at inference.
    constexpr int n = 256, rows = 256;
    Network net(model({dropout(0.5f), dense(n, ActivationFn::softmax)}), n, n, 7, {.capacity = rows});
    net.set_state(withIdentityHead(net.state(), "dense/kernel", n));
    const std::vector<float> x = uniformValues(static_cast<size_t>(rows) * n, 3, 0.5f, 1.5f);
    std::optional<ThreadCount> scope(std::in_place, 1);
    net.set_training_step(40);
    const auto a = forwardCopy(net, x, rows, Pass::training);
    QCOMPARE(net.training_step(), uint64_t(41));
    const auto b = forwardCopy(net, x, rows, Pass::training);  // step 41
    forwardCopy(net, x, rows, Pass::inference);
    QCOMPARE(net.training_step(), uint64_t(42));
    scope.reset();
    scope.emplace(2);
    net.set_training_step(40);
    const auto a2 = forwardCopy(net, x, rows, Pass::training);
    const auto b2 = forwardCopy(net, x, rows, Pass::training);
    scope.reset();

    QVERIFY(bitIdentical(a, a2));
    QVERIFY(bitIdentical(b, b2));
    long differing = 0;
    for (size_t i = 0; i < a.size(); ++i) differing += a[i] != b[i];
    QVERIFY2(differing > long(a.size() / 2), qPrintable(QString::number(differing)));

    // A different seed gives different masks at the same step.
    Network other(model({dropout(0.5f), dense(n, ActivationFn::softmax)}), n, n, 8, {.capacity = rows});
    other.set_state(withIdentityHead(other.state(), "dense/kernel", n));
    other.set_training_step(40);
    const auto c = forwardCopy(other, x, rows, Pass::training);
    QVERIFY(!bitIdentical(a, c));
}

// --- Batch normalisation.

namespace {
// BN -> Dense(identity, softmax) on 4 features; feature 0 is constant over the batch, so its normalised value
// is beta_0 exactly and serves as the reference for the others: y_rc - y_r0 = log p_rc - log p_r0.
constexpr int kBnFeatures = 4, kBnRows = 4;
const std::vector<float> kBnInput{2.0f, 1.0f,  -3.0f, 0.5f,  //
                                  2.0f, 4.0f,  0.0f,  0.7f,  //
                                  2.0f, -2.0f, 1.0f,  0.1f,  //
                                  2.0f, 3.0f,  5.0f,  0.2f};
const std::vector<float> kGamma{1.0f, 2.0f, 0.5f, 1.5f}, kBeta{0.25f, 0.1f, -0.3f, 0.7f};

Network batchNormProbe(float momentum) {
    Network net(model({batchNorm(momentum), dense(kBnFeatures, ActivationFn::softmax)}), kBnFeatures, kBnFeatures, 3,
                {.capacity = kBnRows});
    ModelState state = withIdentityHead(net.state(), "dense/kernel", kBnFeatures);
    tensorNamed(state, "batch_normalization/gamma");  // the names as Keras writes them
    for (auto& t : state) {
        if (t.name == "batch_normalization/gamma") t.values = kGamma;
        if (t.name == "batch_normalization/beta") t.values = kBeta;
    }
    net.set_state(state);
    return net;
}

// Biased per-feature statistics of kBnInput (tf.nn.moments).
void batchMoments(std::vector<double>& mean, std::vector<double>& var) {
    mean.assign(kBnFeatures, 0.0);
    var.assign(kBnFeatures, 0.0);
    for (int r = 0; r < kBnRows; ++r)
        for (int c = 0; c < kBnFeatures; ++c) mean[c] += kBnInput[r * kBnFeatures + c] / double(kBnRows);
    for (int r = 0; r < kBnRows; ++r)
        for (int c = 0; c < kBnFeatures; ++c) var[c] += std::pow(kBnInput[r * kBnFeatures + c] - mean[c], 2) / kBnRows;
}

// Checks log p_rc - log p_r0 against y_rc - y_r0 for y = gamma (x - mean) / sqrt(var + eps) + beta.
void checkNormalised(const std::vector<float>& p, const std::vector<double>& mean, const std::vector<double>& var) {
    constexpr double eps = 1e-3;  // Keras' default epsilon
    for (int r = 0; r < kBnRows; ++r) {
        std::vector<double> y(kBnFeatures);
        for (int c = 0; c < kBnFeatures; ++c)
            y[c] = kGamma[c] * (kBnInput[r * kBnFeatures + c] - mean[c]) / std::sqrt(var[c] + eps) + kBeta[c];
        for (int c = 1; c < kBnFeatures; ++c) {
            const double got = std::log(double(p[r * kBnFeatures + c])) - std::log(double(p[r * kBnFeatures]));
            QVERIFY2(std::fabs(got - (y[c] - y[0])) < 1e-4,
                     qPrintable(QString("row %1 feature %2: %3, expected %4").arg(r).arg(c).arg(got).arg(y[c] - y[0])));
        }
    }
}
}  // namespace

void TestLayers::batch_norm_training_forward_data() {
    QTest::addColumn<float>("momentum");
    QTest::newRow("momentum 0.99") << 0.99f;
    QTest::newRow("momentum 0.5") << 0.5f;
}

void TestLayers::batch_norm_training_forward() {
    // Training normalises each feature with the batch's own mean and biased variance, whatever the moving
    // statistics are.
    QFETCH(float, momentum);
    Network net = batchNormProbe(momentum);
    std::vector<double> mean, var;
    batchMoments(mean, var);
    for (int repeat = 0; repeat < 3; ++repeat)  // moving statistics change; the training output must not
        checkNormalised(forwardCopy(net, kBnInput, kBnRows, Pass::training), mean, var);
}

void TestLayers::batch_norm_moving_statistics_data() {
    QTest::addColumn<float>("momentum");
    QTest::newRow("Keras default 0.99") << 0.99f;
    QTest::newRow("0.9") << 0.9f;
}

void TestLayers::batch_norm_moving_statistics() {
    QFETCH(float, momentum);
    Network net = batchNormProbe(momentum);
    std::vector<double> mean, var;
    batchMoments(mean, var);

    // Before training, inference uses moving_mean 0 and moving_variance 1.
    checkNormalised(forwardCopy(net, kBnInput, kBnRows, Pass::inference), std::vector<double>(kBnFeatures, 0.0),
                    std::vector<double>(kBnFeatures, 1.0));

    // One training step: moving = momentum * moving + (1 - momentum) * batch, i.e. 0.01 * batch_mean for 0.99.
    forwardCopy(net, kBnInput, kBnRows, Pass::training);
    const ModelState state = net.state();
    const auto& movingMean = tensorNamed(state, "batch_normalization/moving_mean").values;
    const auto& movingVar = tensorNamed(state, "batch_normalization/moving_variance").values;
    std::vector<double> expectedMean(kBnFeatures), expectedVar(kBnFeatures);
    for (int c = 0; c < kBnFeatures; ++c) {
        expectedMean[c] = (1.0 - momentum) * mean[c];
        expectedVar[c] = momentum * 1.0 + (1.0 - momentum) * var[c];
        QVERIFY2(
            std::fabs(movingMean[c] - expectedMean[c]) < 1e-6 * (1 + std::fabs(expectedMean[c])),
            qPrintable(QString("moving_mean[%1] = %2, expected %3").arg(c).arg(movingMean[c]).arg(expectedMean[c])));
        QVERIFY2(
            std::fabs(movingVar[c] - expectedVar[c]) < 1e-6 * (1 + expectedVar[c]),
            qPrintable(QString("moving_variance[%1] = %2, expected %3").arg(c).arg(movingVar[c]).arg(expectedVar[c])));
    }
    // Inference now normalises with those moving statistics, and does not change them.
    checkNormalised(forwardCopy(net, kBnInput, kBnRows, Pass::inference), expectedMean, expectedVar);
    QCOMPARE(net.state(), state);

    // A second step compounds: moving = m * moving + (1 - m) * batch.
    forwardCopy(net, kBnInput, kBnRows, Pass::training);
    const std::vector<float> mean2 = tensorNamed(net.state(), "batch_normalization/moving_mean").values;
    for (int c = 0; c < kBnFeatures; ++c)
        QVERIFY(std::fabs(mean2[c] - (momentum * expectedMean[c] + (1.0 - momentum) * mean[c])) <
                1e-6 * (1 + std::fabs(mean[c])));
}

// --- Regularisation penalty: l1 * sum|w| + l2 * sum w^2 over the kernels (not the biases).

void TestLayers::regularization_penalty_data() {
    QTest::addColumn<int>("inputs");
    QTest::addColumn<float>("l1");
    QTest::addColumn<float>("l2");
    QTest::newRow("none") << 5 << 0.0f << 0.0f;
    QTest::newRow("l1") << 5 << 0.01f << 0.0f;
    QTest::newRow("l2") << 5 << 0.0f << 0.02f;
    QTest::newRow("l1 and l2") << 5 << 0.003f << 0.05f;
    QTest::newRow("l1 and l2, 784 inputs (parallel sum)") << 784 << 0.001f << 0.0005f;
}

void TestLayers::regularization_penalty() {
    QFETCH(int, inputs);
    QFETCH(float, l1);
    QFETCH(float, l2);
    LayerSpec first = dense(128, ActivationFn::relu);
    first.kernel_regularizer = {l1, l2};
    first.bias_initializer.type = InitializerType::ones;  // a bias in the penalty would show
    LayerSpec second = dense(kClasses, ActivationFn::softmax);
    second.kernel_regularizer = {l2, l1};  // another mix on the second kernel
    Network net(model({first, dropout(0.2f), second}), inputs, kClasses, 17, {.capacity = 8});
    QCOMPARE(net.has_regularization(), l1 != 0.0f || l2 != 0.0f);

    double expected = 0.0;
    for (const auto& t : net.state()) {
        if (!t.name.ends_with("/kernel")) continue;
        const RegularizerSpec r = t.name == "dense/kernel" ? RegularizerSpec{l1, l2} : RegularizerSpec{l2, l1};
        for (float w : t.values) expected += double(r.l1) * std::fabs(w) + double(r.l2) * double(w) * w;
    }
    const double got = net.regularization_penalty();
    QVERIFY2(std::fabs(got - expected) <= 1e-9 * std::max(1.0, expected),
             qPrintable(QString("%1, expected %2").arg(got, 0, 'g', 12).arg(expected, 0, 'g', 12)));
    if (l1 == 0.0f && l2 == 0.0f) QCOMPARE(got, 0.0);
    for (const auto& p : net.parameters())
        if (p.name.ends_with("/bias")) QVERIFY(!p.regularizer.active());
}

// --- state() -> set_state(): a second network given the first's state computes bit-identically. (Another seed
// for the inference pass; the training pass compares with the same seed, as the dropout masks come from it.)

void TestLayers::state_round_trip_data() {
    QTest::addColumn<ModelSpec>("spec");
    using A = ActivationFn;
    const auto head = dense(kClasses, A::softmax);
    QTest::newRow("dense relu") << model({dense(7, A::relu), head});
    QTest::newRow("dense without bias") << model({denseNoBias(7, A::sigmoid), head});
    QTest::newRow("dense + leaky_relu (fused)") << model({dense(7), leakyRelu(0.1f), head});
    QTest::newRow("batch_normalization + activation") << model({dense(7), batchNorm(), activation(A::elu), head});
    QTest::newRow("dropout") << model({dense(7, A::tanh), dropout(0.4f), head});
    QTest::newRow("wide (blocked kernels)") << model({dense(300, A::relu), batchNorm(), dense(64, A::relu), head});
}

void TestLayers::state_round_trip() {
    QFETCH(ModelSpec, spec);
    constexpr int rows = 16;
    Network a(spec, kFeatures, kClasses, 1, {.capacity = rows});
    const std::vector<float> x = uniformValues(rows * kFeatures, 2);
    std::vector<uint8_t> labels(rows);
    for (int r = 0; r < rows; ++r) labels[r] = uint8_t(r % kClasses);
    // A few Adam steps, so that weights, biases and moving statistics all differ from their initial values.
    auto adam = make_optimizer(defaults_for(OptimizerType::adam));
    for (int s = 0; s < 3; ++s) {
        std::copy(x.begin(), x.end(), a.input());
        a.forward(rows, Pass::training);
        a.loss_and_gradient(labels.data(), rows);
        a.backward(rows);
        adam->step(a.parameters());
    }
    const ModelState saved = a.state();
    const auto inferenceA = forwardCopy(a, x, rows, Pass::inference);
    a.set_training_step(7);
    const auto trainingA = forwardCopy(a, x, rows, Pass::training);

    Network b(spec, kFeatures, kClasses, 99, {.capacity = rows});
    QVERIFY(!(b.state() == saved));
    b.set_state(saved);
    QCOMPARE(b.state(), saved);
    QVERIFY(bitIdentical(forwardCopy(b, x, rows, Pass::inference), inferenceA));
    Network c(spec, kFeatures, kClasses, 1, {.capacity = rows});  // a's seed, a's initial (untrained) weights
    QVERIFY(!(c.state() == saved));
    c.set_state(saved);
    c.set_training_step(7);
    QVERIFY(bitIdentical(forwardCopy(c, x, rows, Pass::training), trainingA));
    // The flat parameter buffers agree too (the optimiser's view).
    for (size_t t = 0; t < a.parameters().size(); ++t) {
        const auto& pa = a.parameters()[t];
        const auto& pb = b.parameters()[t];
        QCOMPARE(pb.name, pa.name);
        QCOMPARE(pb.size, pa.size);
        QVERIFY(std::memcmp(pa.value, pb.value, pa.size * sizeof(float)) == 0);
    }
}

void TestLayers::set_state_rejects_bad_tensors_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message");
    QTest::newRow("transposed kernel") << "transpose"
                                       << "dense/kernel {6, 5}";
    QTest::newRow("renamed tensor") << "rename"
                                    << "expected tensor dense/bias {6}, found hidden/bias";
    QTest::newRow("missing tensor") << "drop last"
                                    << "dense_1/bias {3} is missing";
    QTest::newRow("extra tensor") << "append"
                                  << "1 tensors more";
    QTest::newRow("wrong value count") << "short values"
                                       << "dense_1/kernel has 17 values, expected 18";
}

void TestLayers::set_state_rejects_bad_tensors() {
    // A rejected state names the tensor and leaves every weight as it was.
    QFETCH(QString, change);
    QFETCH(QString, message);
    Network net(model({dense(6, ActivationFn::relu), dense(kClasses, ActivationFn::softmax)}), kFeatures, kClasses, 1,
                {.capacity = 4});
    const ModelState before = net.state();
    ModelState bad = before;
    for (auto& t : bad)
        for (float& v : t.values) v += 0.5f;  // so that a partial write would show
    if (change == "transpose") bad[0].shape = {kFeatures, 6};
    if (change == "rename") bad[1].name = "hidden/bias";
    if (change == "drop last") bad.pop_back();
    if (change == "append") bad.push_back(bad.back());
    if (change == "short values") bad[2].values.pop_back();
    try {
        net.set_state(bad);
        QFAIL("set_state accepted a bad state");
    } catch (const ModelFileError& e) {
        QVERIFY2(QString(e.what()).contains(message), e.what());
    }
    QCOMPARE(net.state(), before);
}

// --- Tiny overfit: a small net memorises 16 random samples with random labels.

void TestLayers::fused_layers_keep_keras_names() {
    // A LeakyReLU layer fused into the Dense before it changes neither the tensor names nor the initial weights.
    const auto head = dense(kClasses, ActivationFn::softmax);
    const Network fused(model({dense(6), leakyRelu(0.3f), dense(4), head}), kFeatures, kClasses, 7);
    const Network plain(model({dense(6), dense(4), head}), kFeatures, kClasses, 7);
    QStringList names;
    for (const NamedTensor& t : fused.state()) names << QString::fromStdString(t.name);
    QCOMPARE(names,
             QStringList(
                 {"dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias", "dense_2/kernel", "dense_2/bias"}));
    QCOMPARE(fused.state().front().values, plain.state().front().values);
}

void TestLayers::tiny_overfit_data() {
    QTest::addColumn<ModelSpec>("spec");
    using A = ActivationFn;
    QTest::newRow("dense relu") << model({dense(32, A::relu), dense(4, A::softmax)});
    QTest::newRow("dense + leaky_relu") << model({dense(32), leakyRelu(0.3f), dense(4, A::softmax)});
    QTest::newRow("batch_normalization") << model({dense(32), batchNorm(), activation(A::tanh), dense(4, A::softmax)});
    QTest::newRow("dropout 0.2") << model({dense(32, A::relu), dropout(0.2f), dense(4, A::softmax)});
}

void TestLayers::tiny_overfit() {
    QFETCH(ModelSpec, spec);
    constexpr int samples = 16, inputs = 8, classes = 4, steps = 300;
    Network net(spec, inputs, classes, 5, {.capacity = samples});
    Rng rng(123);
    std::vector<float> x(samples * inputs);
    for (float& v : x) v = rng.normal();
    std::vector<uint8_t> labels(samples);
    for (auto& l : labels) l = static_cast<uint8_t>(rng.below(classes));
    OptimizerSpec adam = defaults_for(OptimizerType::adam);
    adam.learning_rate = 0.01f;
    auto optimizer = make_optimizer(adam);
    double firstLoss = 0.0;
    for (int s = 0; s < steps; ++s) {
        std::copy(x.begin(), x.end(), net.input());
        net.forward(samples, Pass::training);
        const LossResult r = net.loss_and_gradient(labels.data(), samples);
        if (s == 0) firstLoss = r.loss_sum / samples;
        net.backward(samples);
        optimizer->step(net.parameters());
    }
    QCOMPARE(optimizer->iterations(), int64_t(steps));
    forwardCopy(net, x, samples, Pass::inference);
    const LossResult r = net.loss(labels.data(), samples);
    QCOMPARE(r.correct, samples);
    QVERIFY2(r.loss_sum / samples < 0.1 * firstLoss, qPrintable(QString::number(r.loss_sum / samples)));
}

QTEST_APPLESS_MAIN(TestLayers)
#include "tst_layers.moc"
