// The option tables drive the reader, writer and validator: every option of every optimiser and of every callback
// type is read into its field, written back under its key, range-checked, and no other optimiser takes it; the
// layer, activation, initialiser, monitor and mode names round-trip.
#include <QtTest>

#include <algorithm>

#include "spec_error_text.h"

#include "mlpw/experiment/callback_spec.h"
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

// A callback of `type` with key = value, on a split that lets val_* monitors be.
json experimentWithCallback(const std::string& type, const std::string& key, const json& value) {
    json j = experimentWith("adam");
    j["data"] = {{"validation_split", 0.2}};
    j["callbacks"] = json::array({{{"type", type}}});
    if (!key.empty()) j["callbacks"][0][key] = value;
    if (type == "learning_rate_scheduler") j["callbacks"][0]["schedule"] = "lr * 0.5";
    return j;
}

// A value of option o that is no default and valid: 0.5, 3, true, "val_accuracy" / "max" / "best.mlpw".
template <typename Spec>
json otherValue(const CallbackOption<Spec>& o) {
    if (o.number) return 0.5;
    if (o.integer) return 3;
    if (o.flag) return true;
    const std::string key = o.key;
    return key == "monitor" ? "val_accuracy" : key == "mode" ? "max" : "best.mlpw";
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

    void every_callback_option_round_trips() {
        std::vector<std::string> names;
        for_each_callback_type([&](const auto& type) {
            names.emplace_back(type.name);
            for (const auto& o : type.options) {
                QVERIFY2(int(bool(o.number)) + bool(o.integer) + bool(o.flag) + bool(o.text) == 1, o.key);
                const json value = otherValue(o);
                const ExperimentSpec spec = experiment_from_json(experimentWithCallback(type.name, o.key, value));
                const auto& read = (spec.callbacks.*type.specs).at(0);
                if (o.number) QCOMPARE(read.*o.number, 0.5f);
                if (o.given) QVERIFY(read.*o.given);
                if (o.integer) QCOMPARE(read.*o.integer, 3);
                if (o.flag) QVERIFY(read.*o.flag);
                if (o.text) QCOMPARE(json(read.*o.text), value);
                QCOMPARE(experiment_to_json(spec)["callbacks"][0][o.key], value);
                if (o.range != Range::any) {  // -1 is outside every range
                    const std::string message =
                        error_of([&] { experiment_from_json(experimentWithCallback(type.name, o.key, -1)); });
                    QVERIFY2(message.find("callbacks[0]." + std::string(o.key) + ": " + range_text(o.range) +
                                          ", got -1") != std::string::npos,
                             message.c_str());
                }
            }
            // Every type takes its table's keys only.
            const std::string unknown =
                error_of([&] { experiment_from_json(experimentWithCallback(type.name, "learning_rate", 0.5)); });
            QVERIFY2(unknown.find("unknown key") != std::string::npos, unknown.c_str());
        });
        QCOMPARE(names, callback_type_names());
        QCOMPARE(std::string(callback_type<ReduceLROnPlateauSpec>().keras_name), std::string("ReduceLROnPlateau"));
        // EarlyStopping's baseline: Keras' None is null in the full form.
        const ExperimentSpec none = experiment_from_json(experimentWithCallback("early_stopping", "", {}));
        QVERIFY(!none.callbacks.early_stopping.at(0).has_baseline);
        QVERIFY(experiment_to_json(none)["callbacks"][0]["baseline"].is_null());
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
