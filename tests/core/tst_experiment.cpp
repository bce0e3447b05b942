// Experiment files: parsing with defaults, the round trip, every validation rule, the data check, saving.
// Overrides and sweeps are in tst_experiment_sweep.cpp.
#include <QtTest>

#include <algorithm>

#include "spec_error_text.h"

#include <fstream>

#include "mlpw/errors.h"
#include "mlpw/experiment/experiment.h"

using namespace mlpw;
using nlohmann::json;

namespace {

// A valid experiment using every layer type and callback. Layers: 0 flatten, 1 dense "hidden", 2 leaky_relu,
// 3 dropout, 4 batch_normalization, 5 activation, 6 dense softmax. Callbacks: 0 early_stopping,
// 1 early_stopping_threshold, 2 stop_at, 3 model_checkpoint.
const char* const kGood = R"({
  "name": "baseline", "description": "784-512-10 ReLU, Adam, batch 32, 5 epochs",
  "data": {"source": "mnist", "validation_split": 0.25, "normalization": "scale"},
  "model": {"layers": [
     {"type": "flatten"},
     {"type": "dense", "units": 512, "activation": "relu", "kernel_initializer": "glorot_uniform",
      "bias_initializer": "zeros", "kernel_regularizer": {"l1": 0.0, "l2": 0.001}, "use_bias": true, "name": "hidden"},
     {"type": "leaky_relu", "negative_slope": 0.3},
     {"type": "dropout", "rate": 0.3},
     {"type": "batch_normalization", "momentum": 0.99, "epsilon": 0.001},
     {"type": "activation", "activation": "relu"},
     {"type": "dense", "units": 10, "activation": "softmax"}]},
  "loss": "categorical_crossentropy",
  "optimizer": {"type": "adam", "learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7},
  "training": {"epochs": 5, "batch_size": 32, "shuffle": true, "seed": 13, "threads": 0},
  "callbacks": [ {"type": "early_stopping", "monitor": "val_loss", "patience": 3, "min_delta": 0.001, "restore_best_weights": true},
                 {"type": "early_stopping_threshold", "monitor": "val_accuracy", "threshold": 0.95, "patience": 2},
                 {"type": "stop_at", "monitor": "accuracy", "value": 0.85},
                 {"type": "model_checkpoint", "filepath": "best.mlpw", "save_best_only": true} ]
})";

const char* const kMinimal = R"({"model": {"layers": [{"type": "dense", "units": 10, "activation": "softmax"}]}})";

json good() { return json::parse(kGood); }

}  // namespace

class TestExperiment : public QObject {
    Q_OBJECT
private slots:
    void minimal_file_takes_defaults();
    void good_file_parses();
    void optimizer_starts_from_its_defaults_data();
    void optimizer_starts_from_its_defaults();
    void initializer_forms();
    void round_trip_data();
    void round_trip();
    void writes_short_numbers();
    void rejects_data();
    void rejects();
    void reports_every_problem_together();
    void one_problem_per_path();
    void validate_built_spec();
    void check_against_data_data();
    void check_against_data();
    void save_and_load();
    void failed_save_leaves_nothing();
    void load_errors();
};

void TestExperiment::minimal_file_takes_defaults() {
    const ExperimentSpec s = experiment_from_json(json::parse(kMinimal));
    QCOMPARE(s.data, DataSpec{});
    QCOMPARE(s.training, TrainingSpec{});
    QCOMPARE(s.optimizer, defaults_for(OptimizerType::adam));
    QCOMPARE(s.loss, std::string("categorical_crossentropy"));
    QVERIFY(s.callbacks.empty());
    QVERIFY(s.sweep.is_null());
    QCOMPARE(s.model.name, std::string("sequential"));
    QCOMPARE(s.model.layers.size(), size_t(1));
    const LayerSpec& d = s.model.layers[0];
    QCOMPARE(d.kernel_initializer.type, InitializerType::glorot_uniform);
    QCOMPARE(d.bias_initializer.type, InitializerType::zeros);
    QVERIFY(d.use_bias);
    QVERIFY(!d.kernel_regularizer.active());
    QCOMPARE(s.training.seed, uint64_t(13));
    QCOMPARE(s.data.validation_split, 0.25f);
}

void TestExperiment::good_file_parses() {
    const ExperimentSpec s = experiment_from_json(good(), "good.json");
    QCOMPARE(s.name, std::string("baseline"));
    QCOMPARE(s.model.layers.size(), size_t(7));
    QCOMPARE(s.model.layers[1].name, std::string("hidden"));
    QCOMPARE(s.model.layers[1].units, 512);
    QCOMPARE(s.model.layers[1].kernel_regularizer.l2, 0.001f);
    QCOMPARE(s.model.layers[2].type, LayerType::leaky_relu);
    QCOMPARE(s.model.layers[3].rate, 0.3f);
    QCOMPARE(s.model.layers[5].activation, ActivationFn::relu);
    QCOMPARE(s.callbacks.early_stopping.size(), size_t(1));
    QCOMPARE(s.callbacks.early_stopping[0].patience, 3);
    QVERIFY(s.callbacks.early_stopping[0].restore_best_weights);
    QVERIFY(!s.callbacks.early_stopping[0].has_baseline);
    QCOMPARE(s.callbacks.early_stopping_threshold[0].threshold, 0.95f);
    QCOMPARE(s.callbacks.stop_at[0].value, 0.85f);
    QCOMPARE(s.callbacks.model_checkpoint[0].filepath, std::string("best.mlpw"));
    QVERIFY(s.callbacks.model_checkpoint[0].save_best_only);
}

void TestExperiment::optimizer_starts_from_its_defaults_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<int>("type");
    QTest::addColumn<float>("learning_rate");
    QTest::addColumn<float>("momentum");
    QTest::newRow("bare adam") << R"("adam")" << int(OptimizerType::adam) << 0.001f << 0.0f;
    QTest::newRow("bare sgd") << R"("sgd")" << int(OptimizerType::sgd) << 0.01f << 0.0f;
    QTest::newRow("sgd object") << R"({"type": "sgd"})" << int(OptimizerType::sgd) << 0.01f << 0.0f;
    QTest::newRow("sgd momentum") << R"({"type": "sgd", "momentum": 0.9})" << int(OptimizerType::sgd) << 0.01f << 0.9f;
    QTest::newRow("adagrad") << R"({"type": "adagrad"})" << int(OptimizerType::adagrad) << 0.001f << 0.0f;
    QTest::newRow("rmsprop lr") << R"({"type": "rmsprop", "learning_rate": 0.002})" << int(OptimizerType::rmsprop)
                                << 0.002f << 0.0f;
}

void TestExperiment::optimizer_starts_from_its_defaults() {
    QFETCH(QString, optimizer);
    QFETCH(int, type);
    QFETCH(float, learning_rate);
    QFETCH(float, momentum);
    json j = json::parse(kMinimal);
    j["optimizer"] = json::parse(optimizer.toStdString());
    const OptimizerSpec o = experiment_from_json(j).optimizer;
    OptimizerSpec expected = defaults_for(OptimizerType(type));
    expected.learning_rate = learning_rate;
    expected.momentum = momentum;
    QCOMPARE(o, expected);
}

void TestExperiment::initializer_forms() {
    json j = json::parse(kMinimal);
    j["model"]["layers"][0]["kernel_initializer"] = "he_normal";
    j["model"]["layers"][0]["bias_initializer"] = {{"type", "random_normal"}, {"stddev", 0.1}};
    const LayerSpec d = experiment_from_json(j).model.layers[0];
    QCOMPARE(d.kernel_initializer.type, InitializerType::he_normal);
    QCOMPARE(d.bias_initializer.type, InitializerType::random_normal);
    QCOMPARE(d.bias_initializer.mean, 0.0f);
    QCOMPARE(d.bias_initializer.stddev, 0.1f);
    j["model"]["layers"][0]["kernel_initializer"] = {{"type", "constant"}, {"value", 0.5}};
    QCOMPARE(experiment_from_json(j).model.layers[0].kernel_initializer.value, 0.5f);
}

void TestExperiment::round_trip_data() {
    QTest::addColumn<QString>("document");
    QTest::newRow("good") << QString(kGood);
    QTest::newRow("minimal") << QString(kMinimal);
    json odd = good();  // options away from their defaults
    odd["optimizer"] = {{"type", "rmsprop"}, {"rho", 0.8}, {"centered", true}, {"clipnorm", 1.5}};
    odd["model"]["name"] = "odd";
    odd["model"]["layers"][1]["kernel_initializer"] = {{"type", "random_uniform"}, {"minval", -0.1}, {"maxval", 0.2}};
    odd["model"]["layers"][1]["use_bias"] = false;
    odd["model"]["layers"][5] = {{"type", "activation"}, {"activation", "elu"}, {"elu_alpha", 0.5}};
    odd["callbacks"][0]["baseline"] = 0.5;
    odd["training"] = {
        {"seed", 18446744073709551615ull}, {"shuffle", false}, {"threads", 2}, {"dtype_policy", "mixed_bfloat16"}};
    odd["data"] = {{"source", "/data/idx"}, {"normalization", "standardize"}, {"validation_split", 0.1}};
    odd["sweep"] = {{"training.batch_size", {32, 64}}};
    QTest::newRow("odd") << QString::fromStdString(odd.dump());
}

void TestExperiment::round_trip() {
    QFETCH(QString, document);
    const ExperimentSpec s = experiment_from_json(json::parse(document.toStdString()));
    const json written = experiment_to_json(s);
    const ExperimentSpec back = experiment_from_json(written);
    QVERIFY(back == s);
    QCOMPARE(experiment_to_json(back), written);
    // Fully resolved: defaults are written out.
    QVERIFY(written["training"].contains("threads"));
    QCOMPARE(written["training"].value("dtype_policy", ""), to_string(s.training.dtype_policy));
    QVERIFY(written["optimizer"].contains("learning_rate"));
    QVERIFY(written["model"]["layers"].back().contains("kernel_initializer"));
    QVERIFY(written.contains("sweep"));
}

void TestExperiment::writes_short_numbers() {
    const std::string text = experiment_to_json(experiment_from_json(good())).dump();
    QVERIFY(text.find("\"learning_rate\":0.001,") != std::string::npos);
    QVERIFY(text.find("\"rate\":0.3,") != std::string::npos);
    QVERIFY(text.find("00000") == std::string::npos);
}

// Each row breaks one rule of kGood through apply_override(key, value) and expects `path: ...keyword...`.
void TestExperiment::rejects_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("keyword");
    auto row = [](const char* name, const char* key, const char* value, const char* path, const char* keyword) {
        QTest::newRow(name) << key << value << path << keyword;
    };
    // types and names
    row("name not string", "name", "5", "name", "must be a string");
    row("section not object", "data", "5", "data", "must be an object");
    row("units not integer", "model.layers[1].units", "2.5", "model.layers[1].units", "must be an integer");
    row("units string", "model.layers[1].units", "\"big\"", "model.layers[1].units", "must be an integer");
    row("shuffle not bool", "training.shuffle", "\"yes\"", "training.shuffle", "true or false");
    row("seed negative", "training.seed", "-1", "training.seed", "non-negative integer");
    row("rate not number", "model.layers[3].rate", "\"high\"", "model.layers[3].rate", "must be a number");
    row("layer type", "model.layers[1].type", "conv2d", "model.layers[1].type", "\"dense\"");
    row("layer not object", "model.layers[2]", "5", "model.layers[2]", "\"type\"");
    row("layers not array", "model.layers", "{}", "model.layers", "array");
    row("activation name", "model.layers[1].activation", "relux", "model.layers[1].activation", "\"leaky_relu\"");
    row("optimizer name", "optimizer", "adamax", "optimizer", "\"rmsprop\"");
    row("optimizer type", "optimizer.type", "ftrl", "optimizer.type", "\"sgd\"");
    row("normalization", "data.normalization", "minmax", "data.normalization", "\"standardize\"");
    // Keras' mixed_float16 needs a GPU; on a CPU only bfloat16 is mixed precision.
    row("dtype policy", "training.dtype_policy", "mixed_float16", "training.dtype_policy", "\"mixed_bfloat16\"");
    row("initializer name", "model.layers[1].kernel_initializer", "xavier", "model.layers[1].kernel_initializer",
        "\"he_normal\"");
    row("callback type", "callbacks[2].type", "reduce_lr", "callbacks[2].type", "\"stop_at\"");
    row("baseline type", "callbacks[0].baseline", "\"low\"", "callbacks[0].baseline", "null or a number");
    // Found by tests/fuzz/fuzz_experiment's round trip: read as infinity, saved as null.
    row("baseline beyond float", "callbacks[0].baseline", "1e39", "callbacks[0].baseline", "null or a number");
    row("model not object", "model", "5", "model", "must be an object");
    row("optimizer not object", "optimizer", "5", "optimizer", "an optimizer name or an object");
    row("callbacks not array", "callbacks", "{}", "callbacks", "must be an array");
    row("callback not object", "callbacks[1]", "\"stop\"", "callbacks[1]", "\"type\"");
    row("initializer not name", "model.layers[1].bias_initializer", "0", "model.layers[1].bias_initializer",
        "an initializer name or an object");
    row("regularizer not object", "model.layers[1].kernel_regularizer", "0.01", "model.layers[1].kernel_regularizer",
        "null or an object");
    // unknown keys and options of another type
    row("unknown top key", "epochs", "5", "epochs", "unknown key");
    row("unknown section key", "training.batchsize", "64", "training.batchsize", "batch_size");
    row("input_shape", "model.layers[0].input_shape", "[28, 28]", "model.layers[0].input_shape", "unknown key");
    row("units on dropout", "model.layers[3].units", "10", "model.layers[3].units", "dropout layer");
    row("beta_1 on sgd", "optimizer", R"({"type": "sgd", "beta_1": 0.9})", "optimizer.beta_1", "sgd optimizer");
    row("no lr alias", "optimizer.lr", "0.01", "optimizer.lr", "learning_rate");
    row("initializer option", "model.layers[1].kernel_initializer", R"({"type": "he_normal", "stddev": 1})",
        "model.layers[1].kernel_initializer.stddev", "unknown key");
    row("regularizer key", "model.layers[1].kernel_regularizer.l3", "0.1", "model.layers[1].kernel_regularizer.l3",
        "l2");
    row("callback key", "callbacks[1].baseline", "0.5", "callbacks[1].baseline", "early_stopping_threshold");
    row("slope needs leaky_relu", "model.layers[1].negative_slope", "0.2", "model.layers[1].negative_slope",
        "only allowed with activation \"leaky_relu\"");
    row("elu_alpha needs elu", "model.layers[5].elu_alpha", "0.5", "model.layers[5].elu_alpha",
        "only allowed with activation \"elu\"");
    // required options
    row("activation required", "model.layers[5]", R"({"type": "activation"})", "model.layers[5].activation",
        "required");
    row("callback type required", "callbacks[2]", R"({"monitor": "loss"})", "callbacks[2].type", "required");
    row("units required", "model.layers[6]", R"({"type": "dense", "activation": "softmax"})", "model.layers[6].units",
        "required");
    row("type required", "model.layers[2]", R"({"rate": 0.1})", "model.layers[2].type", "required");
    row("optimizer type required", "optimizer", R"({"learning_rate": 0.1})", "optimizer.type", "required");
    row("rate required", "model.layers[3]", R"({"type": "dropout"})", "model.layers[3].rate", "required");
    // value rules
    row("units negative", "model.layers[1].units", "-5", "model.layers[1].units", "must be a positive integer, got -5");
    row("units zero", "model.layers[6].units", "0", "model.layers[6].units", "positive integer");
    row("rate one", "model.layers[3].rate", "1", "model.layers[3].rate", "[0, 1), got 1");
    row("rate negative", "model.layers[3].rate", "-0.1", "model.layers[3].rate", "[0, 1)");
    row("validation_split", "data.validation_split", "1", "data.validation_split", "[0, 1)");
    row("source empty", "data.source", "\"\"", "data.source", "mnist");
    row("epochs", "training.epochs", "0", "training.epochs", "positive integer");
    row("batch_size", "training.batch_size", "-3", "training.batch_size", "positive integer, got -3");
    row("threads", "training.threads", "-1", "training.threads", ">= 0");
    row("learning_rate", "optimizer.learning_rate", "0", "optimizer.learning_rate", "> 0, got 0");
    row("sgd momentum", "optimizer", R"({"type": "sgd", "momentum": 1})", "optimizer.momentum", "[0, 1)");
    row("rmsprop momentum", "optimizer", R"({"type": "rmsprop", "momentum": -0.5})", "optimizer.momentum", "[0, 1)");
    row("rho", "optimizer", R"({"type": "rmsprop", "rho": 1.5})", "optimizer.rho", "[0, 1)");
    row("beta_1", "optimizer.beta_1", "1", "optimizer.beta_1", "[0, 1)");
    row("beta_2", "optimizer.beta_2", "-0.1", "optimizer.beta_2", "[0, 1)");
    row("epsilon", "optimizer.epsilon", "0", "optimizer.epsilon", "> 0");
    row("adagrad epsilon", "optimizer", R"({"type": "adagrad", "epsilon": -1})", "optimizer.epsilon", "> 0");
    row("accumulator", "optimizer", R"({"type": "adagrad", "initial_accumulator_value": -1})",
        "optimizer.initial_accumulator_value", ">= 0");
    row("clipnorm", "optimizer.clipnorm", "-1", "optimizer.clipnorm", ">= 0");
    row("clipvalue", "optimizer.clipvalue", "-1", "optimizer.clipvalue", ">= 0");
    row("clip both", "optimizer", R"({"type": "adam", "clipnorm": 1, "clipvalue": 0.5})", "optimizer.clipvalue",
        "together with clipnorm");
    row("l1", "model.layers[1].kernel_regularizer.l1", "-1", "model.layers[1].kernel_regularizer.l1", ">= 0");
    row("l2", "model.layers[1].kernel_regularizer.l2", "-0.5", "model.layers[1].kernel_regularizer.l2", ">= 0");
    row("negative_slope", "model.layers[2].negative_slope", "-0.1", "model.layers[2].negative_slope", ">= 0");
    row("bn momentum", "model.layers[4].momentum", "1", "model.layers[4].momentum", "[0, 1)");
    row("bn epsilon", "model.layers[4].epsilon", "0", "model.layers[4].epsilon", "> 0");
    row("stddev", "model.layers[1].kernel_initializer", R"({"type": "random_normal", "stddev": 0})",
        "model.layers[1].kernel_initializer.stddev", "> 0");
    row("uniform range", "model.layers[1].bias_initializer", R"({"type": "random_uniform", "minval": 1, "maxval": 0})",
        "model.layers[1].bias_initializer.maxval", "greater than minval");
    row("loss", "loss", "mse", "loss", "categorical_crossentropy");
    row("duplicate name", "model.layers[6].name", "hidden", "model.layers[6].name", "unique");
    row("clash with auto name", "model.layers[1].name", "dense", "model.layers[6].name", "unique");
    row("no dense", "model.layers", R"([{"type": "flatten"}])", "model.layers", "at least one dense layer");
    row("no layers", "model.layers", "[]", "model.layers", "at least one dense layer");
    row("ends in relu", "model.layers[6].activation", "relu", "model.layers[6]", "must end in softmax");
    row("ends in dropout", "model.layers[7]", R"({"type": "dropout", "rate": 0.1})", "model.layers[7]",
        "must end in softmax");
    row("monitor", "callbacks[0].monitor", "acc", "callbacks[0].monitor", "\"val_accuracy\", got \"acc\"");
    row("stop_at monitor", "callbacks[2].monitor", "precision", "callbacks[2].monitor", "\"loss\"");
    row("mode", "callbacks[1].mode", "maximum", "callbacks[1].mode", "\"auto\"");
    row("patience", "callbacks[0].patience", "-1", "callbacks[0].patience", ">= 0");
    row("threshold patience", "callbacks[1].patience", "-2", "callbacks[1].patience", ">= 0");
    row("min_delta", "callbacks[0].min_delta", "-0.1", "callbacks[0].min_delta", ">= 0");
    row("start_from_epoch", "callbacks[0].start_from_epoch", "-1", "callbacks[0].start_from_epoch", ">= 0");
    row("filepath", "callbacks[3].filepath", "\"\"", "callbacks[3].filepath", "must name a file");
    row("val monitor needs split", "data.validation_split", "0", "callbacks[0].monitor", "needs a validation set");
    row("checkpoint val monitor", "data.validation_split", "0", "callbacks[3].monitor", "validation_split 0");
    // sweeps
    row("sweep not object", "sweep", "[1]", "sweep", "must be an object");
    row("sweep key", "sweep", R"({"sweep.x": [1]})", "sweep.sweep.x", "option path");
    row("sweep bad path", "sweep", R"({"training..epochs": [1]})", "sweep.training..epochs", "option path");
    row("sweep not array", "sweep", R"({"training.batch_size": 64})", "sweep.training.batch_size", "non-empty array");
    row("sweep empty", "sweep", R"({"training.batch_size": []})", "sweep.training.batch_size", "non-empty array");
    row("sweep value", "sweep", R"({"training.batch_size": [32, 0]})", "sweep.training.batch_size[1]",
        "training.batch_size: must be a positive integer, got 0");
    row("sweep optimizer", "sweep", R"({"optimizer": ["adam", {"type": "sgd", "beta_1": 0.9}]})", "sweep.optimizer[1]",
        "optimizer.beta_1: unknown key");
    row("sweep unknown option", "sweep", R"({"training.batchsize": [1]})", "sweep.training.batchsize[0]",
        "training.batchsize: unknown key");
    row("sweep index", "sweep", R"({"model.layers[9].units": [1]})", "sweep.model.layers[9].units[0]", "no such entry");
    row("sweep grid point", "sweep", R"({"optimizer": [{"type": "sgd"}], "optimizer.beta_1": [0.5]})",
        "sweep: grid point {optimizer=sgd, optimizer.beta_1=0.5}", "optimizer.beta_1: unknown key");
}

void TestExperiment::rejects() {
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, path);
    QFETCH(QString, keyword);
    const json bad = apply_override(good(), key.toStdString(), value.toStdString());
    const QString message = QString::fromStdString(error_of([&] { experiment_from_json(bad, "bad.json"); }));
    QVERIFY2(message.startsWith("bad.json: "), qPrintable(message));
    // One problem: "bad.json: <path>: ..."; several: a count line, then one line each.
    const QStringList lines = message.contains('\n') ? message.section('\n', 1).split('\n')
                                                     : QStringList{message.mid(int(strlen("bad.json: ")))};
    const QString line = lines.filter(path + ": ").value(0);
    QVERIFY2(line.startsWith(path + ": "), qPrintable("no line for " + path + " in:\n" + message));
    QVERIFY2(line.contains(keyword), qPrintable(message));
    QVERIFY2(line.contains(", got "), qPrintable(line));
}

void TestExperiment::reports_every_problem_together() {
    json j = good();
    j["model"]["layers"][1]["units"] = -5;
    j["training"]["epochs"] = 0;
    j["optimizer"]["beta_1"] = 2;
    j["callbacks"][2]["monitor"] = "acc";
    j["whatever"] = true;
    const std::string message = error_of([&] { experiment_from_json(j, "presets/broken.json"); });
    QVERIFY2(message.rfind("presets/broken.json: 5 problems\n", 0) == 0, message.c_str());
    for (const char* line :
         {"\nmodel.layers[1].units: must be a positive integer, got -5",
          "\ntraining.epochs: must be a positive integer, got 0", "\noptimizer.beta_1: must be in [0, 1), got 2",
          "\ncallbacks[2].monitor: must be one of", "\nwhatever: unknown key"})
        QVERIFY2(message.find(line) != std::string::npos, line);
    // The same problems, structured: the path of each, the message and the value apart.
    try {
        experiment_from_json(j, "presets/broken.json");
        QFAIL("no SpecError");
    } catch (const SpecError& e) {
        QCOMPARE(e.problems().size(), size_t(5));
        const SpecProblem units{"model.layers[1].units", "must be a positive integer", "-5"};
        QVERIFY(std::find(e.problems().begin(), e.problems().end(), units) != e.problems().end());
        std::string lines = "presets/broken.json: 5 problems";
        for (const auto& p : e.problems()) lines += "\n" + p.text();
        QCOMPARE(std::string(e.what()), lines);
    }
}

void TestExperiment::one_problem_per_path() {
    json j = good();
    j["model"]["layers"][1]["units"] = "big";
    const std::string message = error_of([&] { experiment_from_json(j); });
    // A single problem reads as one line.
    QCOMPARE(message, std::string("experiment: model.layers[1].units: must be an integer, got \"big\""));
    QVERIFY(message.find("positive") == std::string::npos);
}

void TestExperiment::validate_built_spec() {
    ExperimentSpec s = experiment_from_json(good());
    QVERIFY(validate_experiment(s).empty());
    s.model.layers[1].units = 0;
    s.optimizer.type = OptimizerType::sgd;
    s.optimizer.momentum = 1.0f;
    const auto problems = validate_experiment(s);
    QCOMPARE(problems.size(), size_t(2));
    QCOMPARE(problems[0].text(), std::string("model.layers[1].units: must be a positive integer, got 0"));
    QCOMPARE(problems[1].text(), std::string("optimizer.momentum: must be in [0, 1), got 1"));
    // Structured: the path locates the field, the message and the value stay apart.
    QVERIFY((problems[0] == SpecProblem{"model.layers[1].units", "must be a positive integer", "0"}));
    QVERIFY((problems[1] == SpecProblem{"optimizer.momentum", "must be in [0, 1)", "1"}));
    const auto where = layer_field(problems[0].path);
    QVERIFY(where && where->layer == 1 && where->field == "units");
    QVERIFY(!layer_field(problems[1].path));
    QVERIFY(layer_field("model.layers[12]") && layer_field("model.layers[12]")->field.empty());
    QCOMPARE(layer_field("model.layers[3].kernel_initializer.stddev")->field, std::string("kernel_initializer.stddev"));
    QVERIFY(!layer_field("model.layers") && !layer_field("model.name") && !layer_field("sweep.model.layers[1].units"));
}

void TestExperiment::check_against_data_data() {
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fits") << 10 << 10 << "";
    QTest::newRow("5 units, 10 classes")
        << 5 << 10
        << "model.layers[6].units: the last Dense layer has 5 units but the data set has 10 classes; set units to 10";
    QTest::newRow("10 units, 3 classes")
        << 10 << 3
        << "model.layers[6].units: the last Dense layer has 10 units but the data set has 3 classes; set units to 3";
}

void TestExperiment::check_against_data() {
    QFETCH(int, units);
    QFETCH(int, classes);
    QFETCH(QString, expected);
    json j = good();
    j["model"]["layers"][6]["units"] = units;
    const auto problems = mlpw::check_against_data(experiment_from_json(j), DataShape{784, classes});
    if (expected.isEmpty()) {
        QVERIFY(problems.empty());
    } else {
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(QString::fromStdString(problems[0].text()), expected);
    }
    // Only the LAST dense layer has to match the classes.
    j["model"]["layers"][1]["units"] = 3;
    QCOMPARE(mlpw::check_against_data(experiment_from_json(j), DataShape{784, classes}).size(), problems.size());
    QVERIFY(!mlpw::check_against_data(experiment_from_json(j), DataShape{0, classes}).empty());
}

void TestExperiment::save_and_load() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("saved.json").toStdString();
    const ExperimentSpec s = experiment_from_json(good());
    save_experiment(s, path);
    save_experiment(s, path);  // replaces
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"saved.json"});
    QVERIFY(load_experiment(path) == s);
    std::ifstream in(path);
    std::string first, second;
    std::getline(in, first);
    std::getline(in, second);
    QCOMPARE(second, std::string("  \"name\": \"baseline\","));  // written in the documented order
    QVERIFY(QFileInfo(QString::fromStdString(path)).permission(QFileDevice::ReadOther));
}

void TestExperiment::failed_save_leaves_nothing() {
    QTemporaryDir dir;
    const ExperimentSpec s = experiment_from_json(good());
    const std::string missing = dir.filePath("no/such/folder/x.json").toStdString();
    QVERIFY(error_of([&] { save_experiment(s, missing); }).find(missing) == 0);
    // Renaming onto a folder fails after the temporary file was written: it must be removed.
    QVERIFY(QDir(dir.path()).mkdir("taken"));
    const std::string taken = dir.filePath("taken").toStdString();
    const std::string message = error_of([&] { save_experiment(s, taken); });
    QVERIFY2(message.find(taken + ": cannot") == 0, message.c_str());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{"taken"});
}

void TestExperiment::load_errors() {
    QTemporaryDir dir;
    const std::string missing = dir.filePath("missing.json").toStdString();
    QVERIFY(error_of([&] { load_experiment(missing); }).find(missing + ": cannot open") == 0);
    const std::string broken = dir.filePath("broken.json").toStdString();
    std::ofstream(broken) << "{\"name\": \"x\",\n \"data\": }";
    const std::string message = error_of([&] { load_experiment(broken); });
    QVERIFY2(message.find(broken + ": not valid JSON") == 0, message.c_str());
    QVERIFY2(message.find("line 2") != std::string::npos, message.c_str());
    const std::string bad = dir.filePath("bad.json").toStdString();
    std::ofstream(bad) << R"({"training": {"epochs": 0}})";
    QVERIFY(error_of([&] { load_experiment(bad); }).find(bad + ": 2 problems") == 0);
    const std::string list = dir.filePath("list.json").toStdString();
    std::ofstream(list) << "[1, 2]";
    const std::string top = error_of([&] { load_experiment(list); });
    QVERIFY2(top.find("\n(top level): must be a JSON object, got [1,2]") != std::string::npos, top.c_str());
}

QTEST_APPLESS_MAIN(TestExperiment)
#include "tst_experiment.moc"
