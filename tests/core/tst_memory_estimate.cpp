// estimate_memory(), check_memory() and allocating(): known sizes for the study's baseline, sizes past the int
// range, the refusal message, and bad_alloc turned into a message naming what was being allocated.
#include <QtTest>

#include <new>

#include "mlpw/errors.h"
#include "mlpw/nn/optimizer.h"
#include "mlpw/training/memory_estimate.h"

using namespace mlpw;

namespace {

// The baseline: flatten, Dense(units, relu), Dense(10, softmax); Adam; batch 32.
ExperimentSpec baseline(int units, OptimizerSpec optimizer = defaults_for(OptimizerType::adam)) {
    ExperimentSpec s;
    LayerSpec flatten, hidden, out;
    flatten.type = LayerType::flatten;
    hidden.units = units;
    hidden.activation = ActivationFn::relu;
    out.units = 10;
    out.activation = ActivationFn::softmax;
    s.model.layers = {flatten, hidden, out};
    s.optimizer = optimizer;
    s.training.batch_size = 32;
    return s;
}

}  // namespace

class TestMemoryEstimate : public QObject {
    Q_OBJECT
private slots:
    void baseline_known_sizes();
    void optimiser_slots_data();
    void optimiser_slots();
    void beyond_int_sizes();
    void refusal_says_needed_and_available();
    void bad_alloc_names_the_allocation();
};

void TestMemoryEstimate::baseline_known_sizes() {
    const MemoryEstimate m = estimate_memory(baseline(512), {784, 10}, 70000);
    // Training layout: 512 x 784 (+512 bias) and 10 -> 16 padded outputs x 512 (+10 bias).
    const double layout = 512.0 * 784 + 512 + 16.0 * 512 + 10, plain = 407050;
    QCOMPARE(m.weights, layout * 4);
    QCOMPARE(m.gradients, layout * 4);
    QCOMPARE(m.optimizer_slots, 2 * layout * 4);  // Adam: m and v
    QCOMPARE(m.weight_copies, 3 * plain * 4);
    // 500 rows (the evaluation calls, above batch 32): input, dense dst + diff_src, dense_1 dst + diff_src, head.
    QCOMPARE(m.activations, 500.0 * (784 + (512 + 784) + (10 + 512) + 2 * 10) * 4);
    QCOMPARE(m.data, 70000.0 * 785);
    QCOMPARE(m.total(), m.training() + m.data);
    QVERIFY2(QString::fromStdString(m.text()).startsWith(
                 "about 68.32 MB (weights 1.56 MB, gradients 1.56 MB, optimiser slots 3.13 MB"),
             m.text().c_str());

    // mixed_bfloat16 adds 2-byte copies of the kernels (training layout, no biases) and of each Dense's src and
    // diff_dst {500, in + units}.
    ExperimentSpec mixed = baseline(512);
    mixed.training.dtype_policy = DTypePolicy::mixed_bfloat16;
    const MemoryEstimate b = estimate_memory(mixed, {784, 10}, 70000);
    QCOMPARE(b.weights, m.weights);
    QCOMPARE(b.weight_copies - m.weight_copies, (512.0 * 784 + 16.0 * 512) * 2);
    QCOMPARE(b.activations - m.activations, 500.0 * ((784 + 512) + (512 + 10)) * 2);
}

void TestMemoryEstimate::optimiser_slots_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<float>("momentum");
    QTest::addColumn<int>("expectedSlots");
    QTest::newRow("sgd") << int(OptimizerType::sgd) << 0.0f << 0;
    QTest::newRow("sgd momentum") << int(OptimizerType::sgd) << 0.9f << 1;
    QTest::newRow("adagrad") << int(OptimizerType::adagrad) << 0.0f << 1;
    QTest::newRow("rmsprop momentum") << int(OptimizerType::rmsprop) << 0.9f << 2;
    QTest::newRow("adam") << int(OptimizerType::adam) << 0.0f << 2;
}

void TestMemoryEstimate::optimiser_slots() {
    QFETCH(int, type);
    QFETCH(float, momentum);
    QFETCH(int, expectedSlots);
    OptimizerSpec o = defaults_for(OptimizerType(type));
    o.momentum = momentum;
    const MemoryEstimate m = estimate_memory(baseline(512, o), {784, 10});
    QCOMPARE(slots_per_parameter(o), expectedSlots);
    QCOMPARE(m.optimizer_slots, expectedSlots * m.weights);
    QCOMPARE(m.data, 0.0);
}

void TestMemoryEstimate::beyond_int_sizes() {
    // 784 x 100,000,000 weights: 7.8e10, far past INT_MAX; every part stays positive and in proportion.
    const MemoryEstimate m = estimate_memory(baseline(100000000), {784, 10});
    QVERIFY(m.weights > 784.0 * 1e8 * 4);
    QVERIFY(m.activations > 500.0 * 1e8 * 4 * 2);
    QVERIFY(m.training() > 2e12);
}

void TestMemoryEstimate::refusal_says_needed_and_available() {
    const auto available = available_memory();
    if (!available) QSKIP("/proc/meminfo has no MemAvailable here");
    QVERIFY(*available > 0);
    check_memory(estimate_memory(baseline(512), {784, 10}), "small");  // fits: no exception
    try {
        check_memory(estimate_memory(baseline(100000000), {784, 10}, 70000), "experiment 'huge'");
        QFAIL("a 2 TB run was not refused");
    } catch (const OutOfMemoryError& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.startsWith("experiment 'huge': not enough memory to train: it needs about "),
                 qPrintable(message));
        QVERIFY2(message.contains(" TB (weights ") && message.contains(" is available (MemAvailable"),
                 qPrintable(message));
        QVERIFY2(!message.contains("data "), qPrintable(message));  // loaded already: not counted again
    }
}

void TestMemoryEstimate::bad_alloc_names_the_allocation() {
    QCOMPARE(allocating("nothing", [] { return 7; }), 7);
    try {
        allocating("the weights of dense", []() -> int { throw std::bad_alloc(); });
        QFAIL("no exception");
    } catch (const OutOfMemoryError& e) {
        QCOMPARE(QString::fromUtf8(e.what()), QString("out of memory while allocating the weights of dense"));
    }
}

QTEST_APPLESS_MAIN(TestMemoryEstimate)
#include "tst_memory_estimate.moc"
