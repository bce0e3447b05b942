// Keras' mixed_bfloat16 policy (training.dtype_policy): the training pass's inner products read bfloat16 copies
// of src, weights and diff_dst (rounded to nearest even) and accumulate in float32; inference, the master weights
// and the optimiser stay float32. Known values: on inputs and weights that bfloat16 holds exactly the mixed
// forward equals float32's; on others it equals float32's forward on the rounded values. Also: gradients within
// bfloat16's precision of float32's (and not equal: the copies are really used), a real tiny run, determinism
// across thread counts, and the refusal on a CPU without bfloat16 kernels (this suite runs once more under
// ONEDNN_MAX_CPU_ISA=AVX2: tst_mixed_bfloat16_avx2).
#include <QtTest>

#include <omp.h>

#include <cmath>
#include <cstring>

#include "mlpw/errors.h"
#include "mlpw/nn/network.h"
#include "tiny_run.h"

using namespace mlpw;

namespace {

constexpr int kFeatures = 32;
constexpr int kUnits = 16;
constexpr int kClasses = 4;
constexpr int kRows = 8;

ModelSpec model() {
    LayerSpec hidden;
    hidden.type = LayerType::dense;
    hidden.units = kUnits;
    hidden.activation = ActivationFn::relu;
    LayerSpec out = hidden;
    out.units = kClasses;
    out.activation = ActivationFn::softmax;
    ModelSpec m;
    m.layers = {hidden, out};
    return m;
}

Network network(bool mixed) {
    NetworkOptions options;
    options.capacity = kRows;
    options.mixed_bfloat16 = mixed;
    return Network(model(), kFeatures, kClasses, 7, options);
}

// Round to nearest even to bfloat16 (the top 16 bits of a float32), as oneDNN's reorder does; no NaNs here.
float to_bfloat16(float x) {
    uint32_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    bits = (bits + 0x7fffu + ((bits >> 16) & 1u)) & 0xffff0000u;
    float y;
    std::memcpy(&y, &bits, sizeof y);
    return y;
}

bool is_bfloat16(float x) { return to_bfloat16(x) == x; }

// Every weight through `f(value, index)`.
template <typename F>
ModelState mapped(ModelState state, F f) {
    for (auto& t : state)
        for (size_t i = 0; i < t.values.size(); ++i) t.values[i] = f(t.values[i], i);
    return state;
}

void fill_input(Network& n, const std::vector<float>& x) { std::memcpy(n.input(), x.data(), x.size() * sizeof(float)); }

std::vector<float> forward(Network& n, const std::vector<float>& x, Pass pass) {
    fill_input(n, x);
    const float* p = n.forward(kRows, pass);
    return {p, p + kRows * kClasses};
}

// Inputs {kRows, kFeatures}: `exact` ones are small multiples of 1/4 (bfloat16 holds them, and their products with
// weights k/8 sum exactly in float32); the others have full float32 mantissas.
std::vector<float> inputs(bool exact) {
    std::vector<float> x(kRows * kFeatures);
    for (size_t i = 0; i < x.size(); ++i)
        x[i] = exact ? static_cast<float>(i % 5) / 4.0f : 0.1f + 0.37f * std::sin(static_cast<float>(i));
    return x;
}

double relative_difference(const std::vector<float>& a, const std::vector<float>& b) {
    double d = 0.0, n = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        d += (a[i] - b[i]) * double(a[i] - b[i]);
        n += a[i] * double(a[i]);
    }
    return std::sqrt(d / n);
}

std::vector<float> gradient(Network& n, const std::vector<float>& x, const std::vector<uint8_t>& labels) {
    forward(n, x, Pass::training);
    n.loss_and_gradient(labels.data(), kRows);
    n.backward(kRows);
    std::vector<float> g;
    for (const ParamTensor& p : n.parameters()) g.insert(g.end(), p.grad, p.grad + p.size);
    return g;
}

}  // namespace

class TestMixedBfloat16 : public QObject {
    Q_OBJECT
private slots:
    void init() {
        if (!mixed_bfloat16_available() && std::string(QTest::currentTestFunction()) != "refusesCpuWithoutBfloat16")
            QSKIP("this CPU (or ONEDNN_MAX_CPU_ISA) has no bfloat16 instructions");
    }

    void forwardOnExactValuesEqualsFloat32() {
        Network f32 = network(false), mixed = network(true);
        const ModelState exact = mapped(f32.state(), [](float, size_t i) { return float(int(i % 7) - 3) / 8.0f; });
        f32.set_state(exact);
        mixed.set_state(exact);
        QCOMPARE(forward(mixed, inputs(true), Pass::training), forward(f32, inputs(true), Pass::training));
    }

    void forwardRoundsInputsAndWeights() {
        Network f32 = network(false), mixed = network(true);
        const ModelState weights = mixed.state();  // the initialiser's: full float32 mantissas
        QVERIFY(!is_bfloat16(weights[0].values[1]));
        const auto x = inputs(false);
        const auto p_mixed = forward(mixed, x, Pass::training);
        QVERIFY(p_mixed != forward(f32, x, Pass::training));  // the copies are really read
        // Float32 on the rounded kernels and inputs. The second layer's input (the first's ReLU output) is
        // rounded too, so the values agree to float32 rounding of that, not bit for bit.
        f32.set_state(mapped(weights, [](float w, size_t) { return to_bfloat16(w); }));
        std::vector<float> rounded = x;
        for (float& v : rounded) v = to_bfloat16(v);
        const auto p_rounded = forward(f32, rounded, Pass::training);
        for (size_t i = 0; i < p_mixed.size(); ++i)
            QVERIFY2(std::fabs(p_mixed[i] - p_rounded[i]) < 2e-3f, qPrintable(QString::number(i)));
        QVERIFY(relative_difference(p_rounded, p_mixed) <
                relative_difference(forward(f32, x, Pass::training), p_mixed));
    }

    void inferenceStaysFloat32() {
        Network f32 = network(false), mixed = network(true);
        const auto x = inputs(false);
        QCOMPARE(forward(mixed, x, Pass::inference), forward(f32, x, Pass::inference));
    }

    void gradientsWithinBfloat16Precision() {
        Network f32 = network(false), mixed = network(true);
        std::vector<uint8_t> labels(kRows);
        for (int r = 0; r < kRows; ++r) labels[r] = static_cast<uint8_t>(r % kClasses);
        const auto g32 = gradient(f32, inputs(false), labels);
        const auto g16 = gradient(mixed, inputs(false), labels);
        QCOMPARE(g16.size(), g32.size());
        const double d = relative_difference(g32, g16);
        QVERIFY2(d > 1e-5, qPrintable(QString::number(d)));  // rounded products, not float32's
        QVERIFY2(d < 2e-2, qPrintable(QString::number(d)));  // bfloat16 keeps 8 bits: ~0.4 % per value
        // The master weights are float32 and untouched by the rounding.
        QVERIFY(mixed.state() == f32.state());
    }

    void tinyRunLearnsAndKeepsFloat32Weights() {
        ExperimentSpec spec = tiny_run::spec(20);
        spec.training.dtype_policy = DTypePolicy::mixed_bfloat16;
        const RunRecord mixed = tiny_run::train(spec);
        spec.training.dtype_policy = DTypePolicy::float32;
        const RunRecord f32 = tiny_run::train(spec);
        QVERIFY2(mixed.history.back().val_accuracy >= 0.9,
                 qPrintable(QString::number(mixed.history.back().val_accuracy)));
        QVERIFY(std::fabs(mixed.history.back().loss - f32.history.back().loss) < 0.05);
        QVERIFY(mixed.history.back().loss != f32.history.back().loss);
        int full_precision = 0;
        for (const auto& t : mixed.final_weights)
            for (float w : t.values) full_precision += !is_bfloat16(w);
        QVERIFY(full_precision > 0);
    }

    void sameWeightsForOneAndTwoThreads() {
        ExperimentSpec spec = tiny_run::spec(3);
        spec.training.dtype_policy = DTypePolicy::mixed_bfloat16;
        spec.training.threads = 1;
        const RunRecord one = tiny_run::train(spec);
        spec.training.threads = 2;
        const RunRecord two = tiny_run::train(spec);
        QVERIFY(one.final_weights == two.final_weights);
    }

    void refusesCpuWithoutBfloat16() {
        if (mixed_bfloat16_available()) {
            QVERIFY(!network(true).describe().front().empty());  // builds, and says which kernel trains
            QVERIFY(network(true).describe().front().find("training brgemm") != std::string::npos);
            return;
        }
        try {
            network(true);
            QFAIL("built a mixed_bfloat16 network without bfloat16 kernels");
        } catch (const Error& e) {
            const std::string what = e.what();
            QVERIFY2(what.find("training.dtype_policy: mixed_bfloat16 needs") == 0, e.what());
            QVERIFY2(what.find("layer dense") != std::string::npos, e.what());
            QVERIFY2(what.find("\"float32\"") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMixedBfloat16)
#include "tst_mixed_bfloat16.moc"
