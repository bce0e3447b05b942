// apply_override (the CLI's --set and the sweep's grid) and expand_sweep.
#include <QtTest>

#include "spec_error_text.h"

#include "mlpw/errors.h"
#include "mlpw/experiment/experiment.h"

using namespace mlpw;
using nlohmann::json;

namespace {

const char* const kBase = R"({
  "name": "sweep", "data": {"validation_split": 0.25},
  "model": {"layers": [{"type": "flatten"}, {"type": "dense", "units": 512, "activation": "relu"},
                       {"type": "dense", "units": 10, "activation": "softmax"}]},
  "optimizer": {"type": "adam", "learning_rate": 0.002},
  "callbacks": [{"type": "early_stopping", "monitor": "val_loss", "patience": 3}],
  "sweep": {"optimizer": [{"type": "adam"}, {"type": "sgd", "momentum": 0.9}], "training.batch_size": [32, 64, 128]}
})";

}  // namespace

class TestExperimentSweep : public QObject {
    Q_OBJECT
private slots:
    void apply_override_data();
    void apply_override();
    void override_errors_data();
    void override_errors();
    void override_then_parse();
    void grid_order_and_labels();
    void points_are_valid_specs();
    void named_model_variants();
    void no_sweep_is_one_point();
    void type_change_starts_from_defaults();
    void invalid_built_sweep_throws();
};

void TestExperimentSweep::apply_override_data() {
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("creates objects") << "{}"
                                     << "training.batch_size"
                                     << "64"
                                     << R"({"training":{"batch_size":64}})";
    QTest::newRow("keeps siblings") << R"({"training":{"epochs":5}})"
                                    << "training.batch_size"
                                    << "64"
                                    << R"({"training":{"batch_size":64,"epochs":5}})";
    QTest::newRow("layer index") << R"({"model":{"layers":[{"type":"flatten"},{"type":"dense","units":5}]}})"
                                 << "model.layers[1].units"
                                 << "10"
                                 << R"({"model":{"layers":[{"type":"flatten"},{"type":"dense","units":10}]}})";
    QTest::newRow("append at size") << R"({"model":{"layers":[{"type":"flatten"}]}})"
                                    << "model.layers[1]"
                                    << R"({"type":"dense","units":10})"
                                    << R"({"model":{"layers":[{"type":"flatten"},{"type":"dense","units":10}]}})";
    QTest::newRow("bare string") << "{}"
                                 << "model.name"
                                 << "wide"
                                 << R"({"model":{"name":"wide"}})";
    QTest::newRow("quoted string") << "{}"
                                   << "name"
                                   << R"("64")"
                                   << R"({"name":"64"})";
    QTest::newRow("bool") << "{}"
                          << "training.shuffle"
                          << "false"
                          << R"({"training":{"shuffle":false}})";
    QTest::newRow("float") << "{}"
                           << "optimizer.learning_rate"
                           << "1e-3"
                           << R"({"optimizer":{"learning_rate":0.001}})";
    QTest::newRow("array") << "{}"
                           << "callbacks"
                           << "[]"
                           << R"({"callbacks":[]})";
    QTest::newRow("object replaces") << R"({"optimizer":{"type":"adam","beta_1":0.8}})"
                                     << "optimizer"
                                     << R"({"type":"sgd"})"
                                     << R"({"optimizer":{"type":"sgd"}})";
    QTest::newRow("type string grows") << R"({"optimizer":"sgd"})"
                                       << "optimizer.momentum"
                                       << "0.9"
                                       << R"({"optimizer":{"momentum":0.9,"type":"sgd"}})";
    QTest::newRow("null becomes object") << R"({"data":null})"
                                         << "data.source"
                                         << "fashion_mnist"
                                         << R"({"data":{"source":"fashion_mnist"}})";
}

void TestExperimentSweep::apply_override() {
    QFETCH(QString, start);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const json out = mlpw::apply_override(json::parse(start.toStdString()), key.toStdString(), value.toStdString());
    QCOMPARE(QString::fromStdString(out.dump()), expected);
}

void TestExperimentSweep::override_errors_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << ""
                           << ": must be an option path";
    QTest::newRow("double dot") << "training..epochs"
                                << "training..epochs: must be an option path";
    QTest::newRow("trailing dot") << "training."
                                  << "training.: must be an option path";
    QTest::newRow("bad index") << "model.layers[x].units"
                               << "model.layers[x].units: must be an option path";
    QTest::newRow("index past end") << "model.layers[5].units"
                                    << "model.layers[5]: no such entry, the list has 2";
    QTest::newRow("inside a number") << "training.epochs.max"
                                     << "training.epochs: must be an object";
    QTest::newRow("index into object") << "training[0]"
                                       << "training: must be a list";
}

void TestExperimentSweep::override_errors() {
    QFETCH(QString, key);
    QFETCH(QString, message);
    const json start = json::parse(R"({"training": {"epochs": 5}, "model": {"layers": [{}, {}]}})");
    const std::string error = error_of([&] { mlpw::apply_override(start, key.toStdString(), "1"); });
    QVERIFY2(QString::fromStdString(error).startsWith(message), error.c_str());
}

void TestExperimentSweep::override_then_parse() {
    json j = json::parse(kBase);
    j = mlpw::apply_override(j, "model.layers[1].units", "256");
    j = mlpw::apply_override(j, "model.layers[1].activation", "tanh");
    const ExperimentSpec s = experiment_from_json(j);
    QCOMPARE(s.model.layers[1].units, 256);
    QCOMPARE(s.model.layers[1].activation, ActivationFn::tanh);
}

void TestExperimentSweep::grid_order_and_labels() {
    const auto points = expand_sweep(experiment_from_json(json::parse(kBase)));
    QStringList labels;
    for (const auto& p : points) labels << QString::fromStdString(p.label);
    QCOMPARE(
        labels,
        QStringList({"optimizer=adam, training.batch_size=32", "optimizer=adam, training.batch_size=64",
                     "optimizer=adam, training.batch_size=128", "optimizer=sgd(momentum=0.9), training.batch_size=32",
                     "optimizer=sgd(momentum=0.9), training.batch_size=64",
                     "optimizer=sgd(momentum=0.9), training.batch_size=128"}));
}

void TestExperimentSweep::points_are_valid_specs() {
    const ExperimentSpec base = experiment_from_json(json::parse(kBase));
    const auto points = expand_sweep(base);
    QCOMPARE(points.size(), size_t(6));
    for (const auto& p : points) {
        QVERIFY(p.spec.sweep.is_null());
        QVERIFY(validate_experiment(p.spec).empty());
        QCOMPARE(p.spec.model, base.model);
        QCOMPARE(p.spec.callbacks, base.callbacks);
        QCOMPARE(p.spec.name, base.name);
    }
    QCOMPARE(points[1].spec.training.batch_size, 64);
    QCOMPARE(points[0].spec.optimizer, defaults_for(OptimizerType::adam));  // a whole object replaces
    OptimizerSpec sgd = defaults_for(OptimizerType::sgd);
    sgd.momentum = 0.9f;
    QCOMPARE(points[5].spec.optimizer, sgd);
    QCOMPARE(points[5].spec.optimizer.learning_rate, 0.01f);
    QCOMPARE(points[5].spec.training.batch_size, 128);
}

void TestExperimentSweep::named_model_variants() {
    json j = json::parse(kBase);
    json wide = j["model"], narrow = j["model"];
    wide["name"] = "wide";
    wide["layers"][1]["units"] = 1024;
    narrow["name"] = "narrow";
    narrow["layers"][1]["units"] = 64;
    j["sweep"] = {{"model", {wide, narrow}}};
    const auto points = expand_sweep(experiment_from_json(j));
    QCOMPARE(points.size(), size_t(2));
    QCOMPARE(points[0].label, std::string("model=wide"));
    QCOMPARE(points[1].label, std::string("model=narrow"));
    QCOMPARE(points[1].spec.model.layers[1].units, 64);
    QCOMPARE(points[1].spec.model.name, std::string("narrow"));
}

void TestExperimentSweep::no_sweep_is_one_point() {
    json j = json::parse(kBase);
    j.erase("sweep");
    const ExperimentSpec s = experiment_from_json(j);
    const auto points = expand_sweep(s);
    QCOMPARE(points.size(), size_t(1));
    QVERIFY(points[0].spec == s);
    QVERIFY(points[0].label.empty());
}

// Sweep values are written over the experiment as a person would have written it (defaults left out), so
// switching the optimizer type keeps the options that were set and takes the new type's defaults for the rest.
void TestExperimentSweep::type_change_starts_from_defaults() {
    json j = json::parse(kBase);
    j["sweep"] = {{"optimizer.type", {"sgd", "rmsprop"}}};
    j["optimizer"]["clipnorm"] = 1.0;
    const auto points = expand_sweep(experiment_from_json(j));
    QCOMPARE(points[0].label, std::string("optimizer.type=sgd"));
    // The options set (learning_rate, clipnorm) are kept; everything else is the new type's Keras defaults.
    OptimizerSpec sgd = defaults_for(OptimizerType::sgd), rmsprop = defaults_for(OptimizerType::rmsprop);
    for (OptimizerSpec* o : {&sgd, &rmsprop}) o->learning_rate = 0.002f, o->clipnorm = 1.0f;
    QVERIFY(points[0].spec.optimizer == sgd);
    QVERIFY(points[1].spec.optimizer == rmsprop);

    // An option left at its default takes the new type's default: SGD's learning rate is 0.01, Adam's 0.001.
    j["optimizer"] = "adam";
    QCOMPARE(expand_sweep(experiment_from_json(j))[0].spec.optimizer.learning_rate, 0.01f);
    j["optimizer"] = {{"type", "adam"}, {"rho", 0.5}};  // not an Adam option: the base itself is invalid
    QVERIFY(error_of([&] { experiment_from_json(j); }).find("optimizer.rho: unknown key") != std::string::npos);
}

void TestExperimentSweep::invalid_built_sweep_throws() {
    ExperimentSpec s = experiment_from_json(json::parse(kBase));
    s.sweep = {{"training.epochs", {0}}};
    const std::string message = error_of([&] { expand_sweep(s); });
    QVERIFY2(message.find("sweep.training.epochs[0]: training.epochs: must be a positive integer, got 0") !=
                 std::string::npos,
             message.c_str());
}

QTEST_APPLESS_MAIN(TestExperimentSweep)
#include "tst_experiment_sweep.moc"
