// Config diff: the baseline preset against one or two edits, each row's expected change list in the experiment
// file's field paths, as the results table shows it.
#include <QtTest>

#include "mlpw/experiment/experiment_diff.h"

using namespace mlpw;

namespace {

nlohmann::json baselineJson() {
    return nlohmann::json::parse(R"({
      "name": "baseline",
      "model": {"layers": [{"type": "flatten"}, {"type": "dense", "units": 512, "activation": "relu"},
                           {"type": "dense", "units": 10, "activation": "softmax"}]},
      "optimizer": {"type": "adam", "learning_rate": 0.001},
      "training": {"epochs": 5, "batch_size": 32, "seed": 13}
    })");
}

// The baseline with "key=value" overrides applied (the CLI's --set syntax).
ExperimentSpec edited(const QStringList& overrides) {
    nlohmann::json json = baselineJson();
    for (const QString& o : overrides) {
        const auto eq = o.indexOf('=');
        json = apply_override(json, o.left(eq).toStdString(), o.mid(eq + 1).toStdString());
    }
    return experiment_from_json(json);
}

QStringList texts(const std::vector<ConfigChange>& changes) {
    QStringList out;
    for (const auto& c : changes) out << QString::fromStdString(c.text());
    return out;
}

}  // namespace

class TestExperimentDiff : public QObject {
    Q_OBJECT
private slots:
    void diff_data();
    void diff();
    void ignoringTheSeed();
    void oneLineText();
    void typedPartsShowTheirOptions();
};

void TestExperimentDiff::diff_data() {
    QTest::addColumn<QStringList>("overrides");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("same") << QStringList{} << QStringList{};
    QTest::newRow("name and description are not settings")
        << QStringList{"name=other", "description=whatever"} << QStringList{};
    QTest::newRow("optimizer type") << QStringList{R"(optimizer={"type":"sgd","momentum":0.9})"}
                                    << QStringList{"optimizer: adam → sgd(momentum=0.9)"};
    QTest::newRow("optimizer option") << QStringList{"optimizer.learning_rate=0.0005"}
                                      << QStringList{"optimizer.learning_rate: 0.001 → 0.0005"};
    QTest::newRow("units") << QStringList{"model.layers[1].units=256"}
                           << QStringList{"model.layers[1].units: 512 → 256"};
    QTest::newRow("two fields, file order")
        << QStringList{"training.batch_size=128", "model.layers[1].activation=sigmoid"}
        << QStringList{"model.layers[1].activation: relu → sigmoid", "training.batch_size: 32 → 128"};
    QTest::newRow("initializer")
        << QStringList{R"(model.layers[1].kernel_initializer={"type":"random_normal","stddev":0.1})"}
        << QStringList{"model.layers[1].kernel_initializer: glorot_uniform → random_normal(mean=0, stddev=0.1)"};
    QTest::newRow("regularizer") << QStringList{R"(model.layers[1].kernel_regularizer={"l1":0,"l2":0.001})"}
                                 << QStringList{"model.layers[1].kernel_regularizer.l2: 0 → 0.001"};
    QTest::newRow("callback added")
        << QStringList{R"(callbacks=[{"type":"early_stopping","patience":3,"restore_best_weights":true}])"}
        << QStringList{"callbacks[0]: none → early_stopping(patience=3, restore_best_weights=true)"};
    QTest::newRow("layer inserted: a changed type, then an added item")
        << QStringList{R"(model.layers=[{"type":"flatten"},{"type":"dense","units":512,"activation":"relu"},)"
                       R"({"type":"dropout","rate":0.3},{"type":"dense","units":10,"activation":"softmax"}])"}
        << QStringList{"model.layers[2]: dense(units=10, activation=softmax) → dropout(rate=0.3)",
                       "model.layers[3]: none → dense(units=10, activation=softmax)"};
    QTest::newRow("data") << QStringList{"data.source=fashion_mnist", "data.validation_split=0.1"}
                          << QStringList{"data.source: mnist → fashion_mnist", "data.validation_split: 0.25 → 0.1"};
    QTest::newRow("seed") << QStringList{"training.seed=14"} << QStringList{"training.seed: 13 → 14"};
    QTest::newRow("sweep is not a setting of a run")
        << QStringList{R"(sweep={"training.batch_size":[32,64]})"} << QStringList{};
}

void TestExperimentDiff::diff() {
    QFETCH(QStringList, overrides);
    QFETCH(QStringList, expected);
    QCOMPARE(texts(config_diff(edited({}), edited(overrides))), expected);
}

void TestExperimentDiff::ignoringTheSeed() {
    ConfigDiffOptions options;
    options.ignored.push_back(kSeedPath);
    QCOMPARE(texts(config_diff(edited({}), edited({"training.seed=99"}), options)), QStringList{});
    QCOMPARE(texts(config_diff(edited({}), edited({"training.seed=99", "training.epochs=15"}), options)),
             QStringList{"training.epochs: 5 → 15"});
    // Backwards: the reference's value first.
    QCOMPARE(texts(config_diff(edited({"training.epochs=15"}), edited({}))), QStringList{"training.epochs: 15 → 5"});
}

void TestExperimentDiff::oneLineText() {
    const auto changes = config_diff(
        edited({}),
        edited({"training.batch_size=128", "training.epochs=3", "training.seed=1", "optimizer.amsgrad=true"}));
    QCOMPARE(changes.size(), size_t(4));
    QCOMPARE(QString::fromStdString(config_diff_text(changes, 2)),
             "optimizer.amsgrad: false → true; training.epochs: 5 → 3; +2 more");
    QCOMPARE(QString::fromStdString(config_diff_text(changes, 0)),
             "optimizer.amsgrad: false → true; training.epochs: 5 → 3; training.batch_size: 32 → 128; "
             "training.seed: 13 → 1");
    QCOMPARE(QString::fromStdString(config_diff_text({})), "");
}

void TestExperimentDiff::typedPartsShowTheirOptions() {
    // A type change shows the new part with the options that differ from that type's own defaults: SGD's
    // learning rate 0.01 is its default, 0.1 is not.
    const auto changes = config_diff(edited({}), edited({R"(optimizer={"type":"sgd","learning_rate":0.1})"}));
    QCOMPARE(texts(changes), QStringList{"optimizer: adam → sgd(learning_rate=0.1)"});
    QCOMPARE(changes[0].path, std::string("optimizer"));
    QCOMPARE(changes[0].before, std::string("adam"));
}

QTEST_APPLESS_MAIN(TestExperimentDiff)
#include "tst_experiment_diff.moc"
