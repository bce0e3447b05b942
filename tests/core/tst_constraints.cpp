// Keras' kernel constraints on a Dense layer (whatever layout oneDNN keeps the kernel in) against their formulas
// on the plain kernel, and Nadam and AdamW against Keras 3's update rules written out again in double.
#include <QtTest>

#include <omp.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "mlpw/experiment/experiment.h"
#include "mlpw/nn/network.h"
#include "mlpw/nn/optimizer.h"
#include "mlpw/nn/rng.h"
#include "spec_error_text.h"

using namespace mlpw;

namespace {

ModelSpec one_dense(int units, ConstraintSpec constraint) {
    LayerSpec dense;
    dense.type = LayerType::dense;
    dense.units = units;
    dense.activation = ActivationFn::softmax;
    dense.kernel_constraint = constraint;
    return {{dense}};
}

// Keras on the kernel {inputs, units}; ours is stored {units, inputs}: axis 0 = over a unit's inputs (a row here).
std::vector<double> keras_constraint(const std::vector<float>& w, int units, int inputs, const ConstraintSpec& c) {
    std::vector<double> out(w.begin(), w.end());
    if (c.type == ConstraintType::non_neg) {
        for (double& x : out) x = x >= 0 ? x : 0;
        return out;
    }
    const int groups = c.axis == 0 ? units : inputs, members = c.axis == 0 ? inputs : units;
    for (int g = 0; g < groups; ++g) {
        auto at = [&](int m) -> double& { return c.axis == 0 ? out[g * inputs + m] : out[m * inputs + g]; };
        double norm = 0;
        for (int m = 0; m < members; ++m) norm += at(m) * at(m);
        norm = std::sqrt(norm);
        const double desired = c.type == ConstraintType::max_norm ? std::min(norm, double(c.max_value)) : 1.0;
        for (int m = 0; m < members; ++m) at(m) *= desired / (1e-7 + norm);
    }
    return out;
}

}  // namespace

class TestConstraints : public QObject {
    Q_OBJECT
private slots:
    void keras_formulas_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("axis");
        QTest::addColumn<float>("max_value");
        QTest::addColumn<int>("inputs");
        QTest::addColumn<int>("units");
        for (const auto& [inputs, units] : {std::pair{3, 2}, std::pair{100, 37}, std::pair{784, 64}}) {
            const QByteArray shape = QByteArray::number(inputs) + "x" + QByteArray::number(units);
            QTest::newRow("max_norm axis 0 " + shape) << int(ConstraintType::max_norm) << 0 << 0.5f << inputs << units;
            QTest::newRow("max_norm axis 1 " + shape) << int(ConstraintType::max_norm) << 1 << 0.3f << inputs << units;
            QTest::newRow("unit_norm " + shape) << int(ConstraintType::unit_norm) << 0 << 0.0f << inputs << units;
            QTest::newRow("non_neg " + shape) << int(ConstraintType::non_neg) << 0 << 0.0f << inputs << units;
        }
    }
    void keras_formulas() {
        QFETCH(int, type);
        QFETCH(int, axis);
        QFETCH(float, max_value);
        QFETCH(int, inputs);
        QFETCH(int, units);
        const ConstraintSpec c{ConstraintType(type), max_value, axis};
        Network net(one_dense(units, c), inputs, units, 7);
        QVERIFY(net.has_constraints());
        ModelState state = net.state();
        Rng rng(3);
        for (float& w : state[0].values) w = rng.uniform(-0.2f, 0.2f);
        state[0].values[0] = 5.0f;  // one unit well beyond any max_value
        net.set_state(state);
        net.apply_constraints();
        const auto expected = keras_constraint(state[0].values, units, inputs, c);
        const auto got = net.state()[0].values;
        for (size_t i = 0; i < got.size(); ++i) QVERIFY(std::fabs(got[i] - expected[i]) < 1e-6);
        QCOMPARE(net.state()[1].values, state[1].values);  // the bias is not constrained
    }

    void a_norm_within_max_value_is_kept() {
        Network net(one_dense(2, {ConstraintType::max_norm, 2.0f, 0}), 3, 2, 7);
        ModelState state = net.state();
        state[0].values = {0.6f, 0.8f, 0.0f, 3.0f, 4.0f, 0.0f};  // norms 1 and 5
        net.set_state(state);
        net.apply_constraints();
        const auto w = net.state()[0].values;
        QVERIFY(std::fabs(w[0] - 0.6f) < 1e-6 && std::fabs(w[1] - 0.8f) < 1e-6);
        QVERIFY(std::fabs(w[3] - 1.2f) < 1e-6 && std::fabs(w[4] - 1.6f) < 1e-6);  // 5 -> 2
    }

    void same_result_for_any_thread_count_data() {
        QTest::addColumn<int>("axis");
        QTest::newRow("max_norm axis 0 784x1024") << 0;
        QTest::newRow("max_norm axis 1 784x1024") << 1;
    }
    void same_result_for_any_thread_count() {
        // 800k weights: the scaling pass is split over the threads; the norms are summed in one fixed order.
        QFETCH(int, axis);
        auto constrained = [&](int threads) {
            omp_set_num_threads(threads);
            Network net(one_dense(1024, {ConstraintType::max_norm, 0.5f, axis}), 784, 1024, 7);
            ModelState state = net.state();
            Rng rng(5);
            for (float& w : state[0].values) w = rng.uniform(-0.1f, 0.1f);
            net.set_state(state);
            net.apply_constraints();
            return net.state()[0].values;
        };
        const std::vector<float> one = constrained(1), two = constrained(2);
        omp_set_num_threads(omp_get_num_procs());
        QVERIFY(std::memcmp(one.data(), two.data(), one.size() * sizeof(float)) == 0);
        // Every norm was above 0.5 (784 or 1024 values of 0.058 rms): the first group's is 0.5 now.
        double norm = 0.0;
        for (int m = 0; m < (axis == 0 ? 784 : 1024); ++m) {
            const double w = one[axis == 0 ? m : m * 784];
            norm += w * w;
        }
        QVERIFY2(std::fabs(std::sqrt(norm) - 0.5) < 1e-5, qPrintable(QString::number(std::sqrt(norm))));
    }

    void file_round_trip_and_messages() {
        using nlohmann::json;
        json j = json::parse(R"({"model": {"layers": [{"type": "flatten"},
            {"type": "dense", "units": 32, "activation": "relu", "kernel_constraint": {"type": "max_norm", "max_value": 3}},
            {"type": "dense", "units": 16, "activation": "relu", "kernel_constraint": "non_neg"},
            {"type": "dense", "units": 10, "activation": "softmax", "kernel_constraint": {"type": "unit_norm", "axis": 1}}]}})");
        const ExperimentSpec spec = experiment_from_json(j);
        QCOMPARE(spec.model.layers[1].kernel_constraint, (ConstraintSpec{ConstraintType::max_norm, 3.0f, 0}));
        QCOMPARE(spec.model.layers[2].kernel_constraint.type, ConstraintType::non_neg);
        QCOMPARE(spec.model.layers[3].kernel_constraint.axis, 1);
        QCOMPARE(experiment_from_json(experiment_to_json(spec)), spec);

        j["model"]["layers"][1]["kernel_constraint"] = {{"type", "max_norm"}, {"max_value", -1}, {"axis", 2}};
        j["model"]["layers"][2]["kernel_constraint"] = "min_max_norm";
        const QString error = QString::fromStdString(error_of([&] { experiment_from_json(j, "x.json"); }));
        QVERIFY2(error.contains("model.layers[1].kernel_constraint.max_value: must be > 0, got -1"), qPrintable(error));
        QVERIFY(error.contains("model.layers[1].kernel_constraint.axis: must be 0 (over each unit's inputs) or 1"));
        QVERIFY(
            error.contains("model.layers[2].kernel_constraint: must be null or one of \"max_norm\", \"non_neg\" or "
                           "\"unit_norm\", got \"min_max_norm\""));
    }

    // Keras 3 nadam.py, in double: u_t = b1 (1 - 0.5 * 0.96^t), U_t = u_1...u_t,
    // m_hat = u_{t+1} m / (1 - U_t u_{t+1}) + (1 - u_t) g / (1 - U_t), v_hat = v / (1 - b2^t).
    void nadam_matches_keras() {
        OptimizerSpec spec = defaults_for(OptimizerType::nadam);
        spec.learning_rate = 0.01f;
        auto optimizer = make_optimizer(spec);
        float w = 1.0f, g = 0.0f;
        std::vector<ParamTensor> params{{"w", &w, &g, 1, {}}};
        double rw = 1.0, m = 0, v = 0, product = 1.0;
        const double b1 = 0.9, b2 = 0.999, eps = 1e-7, lr = 0.01;
        for (int t = 1; t <= 4; ++t) {
            const double grad = t % 2 ? 0.5 : -0.3;
            g = float(grad);
            optimizer->step(params);
            const double u_t = b1 * (1 - 0.5 * std::pow(0.96, t)), u_next = b1 * (1 - 0.5 * std::pow(0.96, t + 1));
            product *= u_t;
            m = b1 * m + (1 - b1) * grad;
            v = b2 * v + (1 - b2) * grad * grad;
            const double m_hat = u_next * m / (1 - product * u_next) + (1 - u_t) * grad / (1 - product);
            rw -= lr * m_hat / (std::sqrt(v / (1 - std::pow(b2, t))) + eps);
            QVERIFY2(std::fabs(w - rw) < 1e-6, qPrintable(QString("step %1: %2 vs %3").arg(t).arg(w).arg(rw)));
        }
        QVERIFY(w != 1.0f);  // it moved
    }

    // Keras 3 AdamW: w -= w * lr * weight_decay, then Adam's step.
    void adamw_matches_keras() {
        OptimizerSpec spec = defaults_for(OptimizerType::adamw);
        spec.weight_decay = 0.1f;
        spec.learning_rate = 0.01f;
        auto optimizer = make_optimizer(spec);
        float w = 2.0f, g = 0.0f;
        std::vector<ParamTensor> params{{"w", &w, &g, 1, {}}};
        double rw = 2.0, m = 0, v = 0;
        for (int t = 1; t <= 3; ++t) {
            const double grad = 0.25 * t;
            g = float(grad);
            optimizer->step(params);
            rw -= rw * 0.01 * 0.1;
            m = 0.9 * m + 0.1 * grad;
            v = 0.999 * v + 0.001 * grad * grad;
            const double alpha = 0.01 * std::sqrt(1 - std::pow(0.999, t)) / (1 - std::pow(0.9, t));
            rw -= alpha * m / (std::sqrt(v) + 1e-7);
            QVERIFY2(std::fabs(w - rw) < 1e-6, qPrintable(QString("step %1: %2 vs %3").arg(t).arg(w).arg(rw)));
        }
        // Without a gradient the decay alone shrinks the weight by lr * weight_decay per step.
        float z = 1.0f, zero = 0.0f;
        std::vector<ParamTensor> only{{"z", &z, &zero, 1, {}}};
        auto fresh = make_optimizer(spec);
        fresh->step(only);
        QVERIFY(std::fabs(z - 0.999f) < 1e-7);
    }
};

QTEST_APPLESS_MAIN(TestConstraints)
#include "tst_constraints.moc"
