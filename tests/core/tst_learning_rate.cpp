// Learning rates as Keras sets them: the schedules (known values from Keras 3's formulas, worked out by hand),
// the LearningRateScheduler expression language, ReduceLROnPlateau and LearningRateScheduler against a fake run
// (Keras' on_epoch_end rule traced by hand), the optimiser's rate per step, and the experiment file's reader,
// writer and validator for all of them.
#include <QtTest>

#include <cmath>

#include "fake_callback_context.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/experiment/rate_expression.h"
#include "mlpw/nn/optimizer.h"
#include "mlpw/training/callbacks.h"
#include "spec_error_text.h"

using namespace mlpw;
using nlohmann::json;

namespace {

using RateContext = fake_callbacks::FakeContext;

// The rate during each epoch (set at its start, before on_epoch_end sees `values`), as History's "lr".
QList<double> rates(const CallbackSpecs& specs, const QList<double>& values, RateContext& context) {
    auto callbacks = make_callbacks(specs);
    for (auto& cb : callbacks) cb->on_train_begin(context);
    QList<double> out;
    for (int epoch = 1; epoch <= values.size(); ++epoch) {
        for (auto& cb : callbacks) cb->on_epoch_begin(epoch, context);
        out << context.rate;
        const EpochLogs logs{{"loss", 1.0}, {"val_loss", values[epoch - 1]}};
        for (auto& cb : callbacks) cb->on_epoch_end(epoch, logs, context);
    }
    return out;
}

json minimal() {
    return json::parse(R"({"model": {"layers": [{"type": "flatten"},
                         {"type": "dense", "units": 10, "activation": "softmax"}]}})");
}

}  // namespace

class TestLearningRate : public QObject {
    Q_OBJECT
private slots:
    void schedules_data() {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<int>("step");
        QTest::addColumn<double>("expected");
        const QString exponential = R"({"type": "exponential_decay", "initial_learning_rate": 0.1,
                                        "decay_steps": 1000, "decay_rate": 0.96)";
        QTest::newRow("exponential at 0") << exponential + "}" << 0 << 0.1;
        QTest::newRow("exponential at 500") << exponential + "}" << 500 << 0.1 * std::sqrt(0.96);
        QTest::newRow("exponential staircase at 1500") << exponential + R"(, "staircase": true})" << 1500 << 0.096;
        const QString piecewise = R"({"type": "piecewise_constant_decay", "boundaries": [100, 200],
                                      "values": [1.0, 0.5, 0.1]})";
        QTest::newRow("piecewise at 100 (<= first boundary)") << piecewise << 100 << 1.0;
        QTest::newRow("piecewise at 101") << piecewise << 101 << 0.5;
        QTest::newRow("piecewise at 200") << piecewise << 200 << 0.5;
        QTest::newRow("piecewise at 201") << piecewise << 201 << 0.1;
        const QString cosine = R"({"type": "cosine_decay", "initial_learning_rate": 0.1, "decay_steps": 1000)";
        QTest::newRow("cosine at 500") << cosine + "}" << 500 << 0.05;
        QTest::newRow("cosine at 1000") << cosine + "}" << 1000 << 0.0;
        QTest::newRow("cosine after the end") << cosine + "}" << 5000 << 0.0;
        QTest::newRow("cosine alpha floor") << cosine + R"(, "alpha": 0.1})" << 1000 << 0.01;
        const QString warmup = R"({"type": "cosine_decay", "initial_learning_rate": 0, "decay_steps": 1000,
                                   "warmup_target": 0.1, "warmup_steps": 100})";
        QTest::newRow("warm-up halfway") << warmup << 50 << 0.05;
        QTest::newRow("warm-up reached") << warmup << 100 << 0.1;
        QTest::newRow("decay halfway after warm-up") << warmup << 600 << 0.05;
    }
    void schedules() {
        QFETCH(QString, schedule);
        QFETCH(int, step);
        QFETCH(double, expected);
        json j = minimal();
        j["optimizer"] = {{"type", "sgd"}, {"learning_rate", json::parse(schedule.toStdString())}};
        const ExperimentSpec spec = experiment_from_json(j);
        QCOMPARE_NE(spec.optimizer.schedule.type, ScheduleType::constant);
        QVERIFY(std::fabs(learning_rate_at(spec.optimizer.schedule, step) - expected) < 1e-7);
        QCOMPARE(experiment_from_json(experiment_to_json(spec)), spec);  // round trip through the writer
    }

    // Keras: the first update uses schedule(0), the n-th schedule(n - 1); learning_rate() is the next one's.
    void optimizer_follows_the_schedule() {
        OptimizerSpec spec = defaults_for(OptimizerType::sgd);
        spec.schedule.type = ScheduleType::piecewise_constant_decay;
        spec.schedule.boundaries = {0, 1};
        spec.schedule.values = {1.0f, 0.5f, 0.25f};
        auto optimizer = make_optimizer(spec);
        float w = 0.0f, g = 1.0f;
        std::vector<ParamTensor> params{{"w", &w, &g, 1, {}}};
        QCOMPARE(optimizer->learning_rate(), 1.0);
        optimizer->step(params);  // step 0: rate 1
        QCOMPARE(w, -1.0f);
        QCOMPARE(optimizer->learning_rate(), 0.5);
        optimizer->step(params);  // step 1: 0.5
        optimizer->step(params);  // step 2: 0.25
        QCOMPARE(w, -1.75f);
    }

    void expressions_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("epoch");
        QTest::addColumn<double>("lr");
        QTest::addColumn<double>("expected");
        QTest::newRow("step decay") << "lr * 0.5 ^ floor(epoch / 2)" << 3.0 << 0.1 << 0.05;
        QTest::newRow("python power") << "0.001 * 0.9 ** epoch" << 2.0 << 0.0 << 0.001 * 0.81;
        QTest::newRow("power before unary minus") << "-2 ** 2" << 0.0 << 0.0 << -4.0;
        QTest::newRow("power is right-associative") << "2 ^ 3 ^ 2" << 0.0 << 0.0 << 512.0;
        QTest::newRow("precedence") << "1 + 2 * 3 - 4 / 2" << 0.0 << 0.0 << 5.0;
        QTest::newRow("functions") << "min(lr, 0.01) + max(epoch, 1) + sqrt(4) + floor(2.7)" << 0.0 << 0.5
                                   << 0.01 + 1 + 2 + 2;
        QTest::newRow("cosine") << "0.5 * (1 + cos(pi * epoch / 10))" << 5.0 << 0.0 << 0.5;
        QTest::newRow("exp and log") << "exp(log(lr))" << 0.0 << 0.25 << 0.25;
    }
    void expressions() {
        QFETCH(QString, text);
        QFETCH(double, epoch);
        QFETCH(double, lr);
        QFETCH(double, expected);
        std::string error;
        const auto e = RateExpression::parse(text.toStdString(), error);
        QVERIFY2(e, error.c_str());
        QVERIFY(std::fabs(e->evaluate(epoch, lr) - expected) < 1e-12);
    }

    void bad_expressions_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << ""
                               << "a number, epoch, lr or a function expected at the end";
        QTest::newRow("dangling operator") << "lr *"
                                           << "a number, epoch, lr or a function expected at the end";
        QTest::newRow("unknown name") << "lr * foo(2)"
                                      << "unknown name 'foo' (the names are epoch, lr, pi, exp, "
                                         "log, sqrt, cos, floor, min, max) at character 6";
        QTest::newRow("unclosed") << "(lr"
                                  << "')' expected at the end";
        QTest::newRow("trailing") << "lr)"
                                  << "unexpected ')' at character 3";
        QTest::newRow("arity") << "min(lr)"
                               << "min takes 2 arguments: ',' expected at character 7";
        QTest::newRow("no python") << "__import__"
                                   << "unexpected '_' at character 1";
    }
    void bad_expressions() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        std::string got;
        QVERIFY(!RateExpression::parse(text.toStdString(), got));
        QCOMPARE(QString::fromStdString(got), error);
    }

    // Traced by hand through Keras' on_epoch_end (patience 2, factor 0.5, cooldown 1).
    void reduce_lr_on_plateau() {
        CallbackSpecs specs;
        ReduceLROnPlateauSpec s;
        s.factor = 0.5f;
        s.patience = 2;
        s.cooldown = 1;
        s.min_delta = 0.0f;
        specs.reduce_lr_on_plateau = {s};
        RateContext context;
        const QList<double> values{1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95};
        QCOMPARE(rates(specs, values, context), (QList<double>{1, 1, 1, 1, 0.5, 0.5, 0.25}));
        QCOMPARE(context.lines,
                 (QStringList{"Epoch 4: ReduceLROnPlateau reducing learning rate to 0.5.",
                              "Epoch 6: ReduceLROnPlateau reducing learning rate to 0.25."}));
        specs.reduce_lr_on_plateau[0].min_lr = 0.3f;  // floors the second reduction; then no more
        RateContext floored;
        QCOMPARE(rates(specs, values + QList<double>{0.95, 0.95, 0.95}, floored).last(), 0.3);
        QCOMPARE(floored.lines.size(), 2);
    }

    void learning_rate_scheduler() {
        CallbackSpecs table;
        table.learning_rate_scheduler = {{"", {{0, 0.1f}, {2, 0.01f}}}};
        RateContext context;
        QCOMPARE(rates(table, {1, 1, 1, 1}, context), (QList<double>{0.1, 0.1, 0.01, 0.01}));
        CallbackSpecs expression;
        expression.learning_rate_scheduler = {{"lr * 0.5", {}}};
        RateContext halving;
        QCOMPARE(rates(expression, {1, 1, 1}, halving), (QList<double>{0.5, 0.25, 0.125}));
    }

    void callbacks_round_trip() {
        json j = minimal();
        j["data"] = {{"validation_split", 0.25}};
        j["callbacks"] = json::parse(R"([
            {"type": "reduce_lr_on_plateau", "monitor": "val_accuracy", "factor": 0.2, "patience": 3, "cooldown": 1,
             "min_lr": 1e-5},
            {"type": "learning_rate_scheduler", "schedule": "lr * 0.9"},
            {"type": "learning_rate_scheduler", "schedule": {"0": 0.01, "5": 0.001}}])");
        const ExperimentSpec spec = experiment_from_json(j);
        QCOMPARE(spec.callbacks.reduce_lr_on_plateau.size(), size_t(1));
        QCOMPARE(spec.callbacks.reduce_lr_on_plateau[0].monitor, std::string("val_accuracy"));
        QCOMPARE(spec.callbacks.learning_rate_scheduler[1].table.at(5), 0.001f);
        QCOMPARE(experiment_from_json(experiment_to_json(spec)), spec);
    }

    void optimizers_round_trip() {
        for (const char* text : {R"({"type": "nadam", "beta_1": 0.95})", R"({"type": "adamw", "weight_decay": 0.01})",
                                 R"({"type": "sgd", "momentum": 0.9, "nesterov": true})"}) {
            json j = minimal();
            j["optimizer"] = json::parse(text);
            const ExperimentSpec spec = experiment_from_json(j);
            QCOMPARE(experiment_from_json(experiment_to_json(spec)), spec);
        }
        json j = minimal();
        j["optimizer"] = "adamw";
        QCOMPARE(experiment_from_json(j).optimizer.weight_decay, 0.004f);  // Keras 3's default
    }

    void invalid_data() {
        QTest::addColumn<QString>("part");
        QTest::addColumn<QString>("problem");
        QTest::newRow("decay_steps") << R"({"optimizer": {"type": "adam", "learning_rate":
            {"type": "exponential_decay", "decay_steps": 0}}})"
                                     << "optimizer.learning_rate.decay_steps: must be > 0, got 0";
        QTest::newRow("whole steps")
            << R"({"optimizer": {"type": "adam", "learning_rate":
            {"type": "cosine_decay", "decay_steps": 10.5}}})"
            << "optimizer.learning_rate.decay_steps: must be a whole number of steps, got 10.5";
        QTest::newRow("unknown schedule") << R"({"optimizer": {"type": "adam", "learning_rate": {"type": "step"}}})"
                                          << "optimizer.learning_rate.type: must be one of \"exponential_decay\", "
                                             "\"piecewise_constant_decay\" or \"cosine_decay\", got \"step\"";
        QTest::newRow("piecewise lengths") << R"({"optimizer": {"type": "adam", "learning_rate":
            {"type": "piecewise_constant_decay", "boundaries": [10], "values": [0.1]}}})"
                                           << "optimizer.learning_rate.values: must have one more entry than "
                                              "boundaries (1), got 1 values";
        QTest::newRow("schedule key of another")
            << R"({"optimizer": {"type": "adam", "learning_rate":
            {"type": "exponential_decay", "alpha": 0.1}}})"
            << "optimizer.learning_rate.alpha: unknown key: not an option of the "
               "exponential_decay schedule (it takes: type, "
               "initial_learning_rate, decay_steps, decay_rate, staircase), got 0.1";
        QTest::newRow("factor") << R"({"callbacks": [{"type": "reduce_lr_on_plateau", "monitor": "loss",
            "factor": 1.5}]})"
                                << "callbacks[0].factor: must be in (0, 1) (Keras: ReduceLROnPlateau does not "
                                   "support a factor >= 1.0), got 1.5";
        QTest::newRow("expression") << R"({"callbacks": [{"type": "learning_rate_scheduler", "schedule": "lr *"}]})"
                                    << "callbacks[0].schedule: must be an expression in epoch and lr (a number, "
                                       "epoch, lr or a function expected at the end), got \"lr *\"";
        QTest::newRow("table key") << R"({"callbacks": [{"type": "learning_rate_scheduler",
            "schedule": {"one": 0.1}}]})"
                                   << "callbacks[0].schedule.one: the keys must be epochs (0-based whole "
                                      "numbers), got \"one\"";
        QTest::newRow("setter with a schedule")
            << R"({"optimizer": {"type": "adam", "learning_rate":
            {"type": "cosine_decay", "decay_steps": 100}}, "callbacks": [{"type": "learning_rate_scheduler",
            "schedule": "lr"}]})"
            << "callbacks[0].type: sets the learning rate, which is a cosine_decay schedule "
               "here; give optimizer.learning_rate a number or drop this callback, got "
               "\"callbacks[0]\"";
        QTest::newRow("val monitor without validation") << R"({"data": {"validation_split": 0}, "callbacks":
            [{"type": "reduce_lr_on_plateau"}]})"
                                                        << "callbacks[0].monitor: needs a validation set: set "
                                                           "data.validation_split above 0 or monitor \"loss\", got "
                                                           "\"val_loss\" with validation_split 0";
        QTest::newRow("weight_decay") << R"({"optimizer": {"type": "adamw", "weight_decay": -1}})"
                                      << "optimizer.weight_decay: must be >= 0, got -1";
    }
    void invalid() {
        QFETCH(QString, part);
        QFETCH(QString, problem);
        json j = minimal();
        j.update(json::parse(part.toStdString()));
        const std::string error = error_of([&] { experiment_from_json(j, "x.json"); });
        QVERIFY2(QString::fromStdString(error).contains(problem), error.c_str());
    }
};

QTEST_APPLESS_MAIN(TestLearningRate)
#include "tst_learning_rate.moc"
