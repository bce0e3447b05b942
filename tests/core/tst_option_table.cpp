// The option tables drive the reader, writer and validator: every option of every optimiser is read into its
// field, written back under its key, range-checked, and no other optimiser takes it; the layer, activation,
// initialiser, monitor and mode names round-trip.
#include <QtTest>

#include <algorithm>

#include "spec_error_text.h"

#include "mlpw/experiment/experiment.h"
#include "mlpw/experiment/optimizer_spec.h"

using namespace mlpw;
using nlohmann::json;

namespace {

json experimentWith(const json& optimizer) {
    return {{"model", {{"layers", {{{"type", "dense"}, {"units", 10}, {"activation", "softmax"}}}}}},
            {"optimizer", optimizer}};
}

bool takes(const OptimizerInfo& info, const std::string& key) {
    return std::find(info.keys.begin(), info.keys.end(), key) != info.keys.end();
}

}  // namespace

class TestOptionTable : public QObject {
    Q_OBJECT
private slots:
    void every_optimizer_option_round_trips() {
        for (const auto& info : optimizer_table()) {
            QCOMPARE(defaults_for(info.type).learning_rate, info.learning_rate);
            for (const auto& key : info.keys) {
                const OptimizerOption& o = optimizer_option(key);
                QVERIFY2(bool(o.number) != bool(o.flag), o.key);
                // A value that is no option's default and in every range: 0.5 (a switch: on).
                const json value = o.number ? json(0.5) : json(true);
                const ExperimentSpec spec = experiment_from_json(experimentWith({{"type", info.name}, {key, value}}));
                if (o.number) QCOMPARE(spec.optimizer.*o.number, 0.5f);
                if (o.flag) QVERIFY(spec.optimizer.*o.flag);
                QCOMPARE(experiment_to_json(spec)["optimizer"][key], value);
                if (o.number && o.range != Range::any) {  // -1 is outside every range
                    const std::string message = error_of([&] {
                        experiment_from_json(experimentWith({{"type", info.name}, {key, -1}}));
                    });
                    QVERIFY2(
                        message.find("optimizer." + key + ": " + range_text(o.range) + ", got -1") != std::string::npos,
                        message.c_str());
                }
            }
            for (const auto& o : optimizer_options())  // an option of another optimiser is an unknown key
                if (!takes(info, o.key))
                    QVERIFY(error_of([&] {
                                experiment_from_json(experimentWith({{"type", info.name}, {o.key, 0.5}}));
                            }).find("unknown key") != std::string::npos);
        }
    }

    void names_round_trip() {
        for (const auto& t : layer_types()) {
            LayerType parsed{};
            QVERIFY(parse_layer_type(t.name, parsed));
            QCOMPARE(parsed, t.type);
            QCOMPARE(&layer_type_info(t.type), &t);
        }
        QCOMPARE(std::string(layer_type_info(LayerType::leaky_relu).keras_class), std::string("LeakyReLU"));
        for (const auto& name : activation_names()) {
            ActivationFn fn{};
            QVERIFY(parse_activation(name, fn));
            QCOMPARE(to_string(fn), name);
        }
        QCOMPARE(monitor_names().size(), size_t(4));
        QCOMPARE(mode_names().front(), std::string("auto"));
    }
};

QTEST_APPLESS_MAIN(TestOptionTable)
#include "tst_option_table.moc"
