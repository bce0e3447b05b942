// The layer options table (layer_options.h) drives the experiment reader, writer and validator: every row is read
// from its JSON path into its field, written back there, range-checked, reported at its path when malformed and
// when missing (the required ones). The rows come from the table, so a new row is tested without a new line here.
#include <QtTest>

#include <cmath>

#include "spec_error_text.h"

#include "mlpw/experiment/experiment.h"
#include "mlpw/experiment/float_text.h"
#include "mlpw/experiment/layer_options.h"

using namespace mlpw;
using nlohmann::json;
using Shape = LayerOptionShape;

namespace {

// Where a row is tested: an experiment with a layer the row applies to (the first such in layer_types() order,
// every constraint tried for a dense layer), at index `index` of its layers.
struct Site {
    const LayerOption* option = nullptr;
    ExperimentSpec spec;
    json file;  // spec's resolved form
    size_t index = 0;
    std::string path;       // "model.layers[1].kernel_constraint.axis"
    json::json_pointer at;  // /model/layers/1/kernel_constraint/axis
};

Site site_of(const LayerOption& o) {
    for (const auto& info : layer_types())
        for (int c = 0; c < int(constraint_choices().size()); ++c) {
            LayerSpec layer = layer_with_option_defaults(info.type);
            if (layer.type == LayerType::dense) layer.units = 16, layer.activation = ActivationFn::relu;
            layer.kernel_constraint.type = ConstraintType(c);
            if (!o.applies(layer)) continue;
            LayerSpec flatten, out;
            flatten.type = LayerType::flatten;
            out.units = 10, out.activation = ActivationFn::softmax;
            Site s;
            s.spec.model.layers =
                is_augmentation(layer.type) ? std::vector{layer, flatten, out} : std::vector{flatten, layer, out};
            s.index = is_augmentation(layer.type) ? 0 : 1;
            s.path = "model.layers[" + std::to_string(s.index) + "]." + o.key;
            std::string pointer = "/model/layers/" + std::to_string(s.index) + "/" + o.key;
            for (char& ch : pointer) ch = ch == '.' ? '/' : ch;
            s.at = json::json_pointer(pointer);
            s.option = &o;
            s.file = experiment_to_json(s.spec);
            return s;
        }
    qFatal("no layer takes %s", o.key);
}

// The site of the data row's table row (column "row").
Site fetched_site() {
    QFETCH(int, row);
    return site_of(layer_options()[size_t(row)]);
}

// A value inside the row's interval that no row has as its default: 0.375 of the way for a bounded one.
float inside(const Interval& allowed) {
    if (std::isinf(allowed.low)) return 0.375f;
    if (std::isinf(allowed.high)) return allowed.low + 3.0f;
    return allowed.low + 0.375f * (allowed.high - allowed.low);
}

// The row's non-default value as the file spells it: a number, the last choice's name or index.
json other_value(const LayerOption& o) {
    if (o.number || o.optional) return inside(o.allowed);
    const auto choices = o.choices();
    if (o.shape == Shape::index) return int(choices.size()) - 1;
    return choices.back();
}

// A value of the wrong JSON type for the row.
json malformed(const LayerOption& o) {
    if (o.shape == Shape::typed_object) return 5;
    if (o.choices && o.shape == Shape::value) return "no_such_name";
    return "x";
}

}  // namespace

class TestLayerOptions : public QObject {
    Q_OBJECT
private slots:
    // Exactly one kind per row; a nested row's parent is a typed_object row; texts for the panel.
    void rows_are_well_formed() {
        for (const LayerOption& o : layer_options()) {
            QVERIFY2(int(bool(o.number)) + int(bool(o.optional)) + int(bool(o.choices)) == 1, o.key);
            QVERIFY2(!o.choices || (o.choice && o.choose), o.key);
            QVERIFY2(o.shape == Shape::value || o.choices, o.key);
            QVERIFY2(o.shape != Shape::index || std::string(o.rule).rfind("must be ", 0) == 0, o.key);
            QVERIFY2(*o.label && *o.help, o.key);
            if (option_parent(o).empty()) continue;
            bool parent_found = false;
            for (const LayerOption& p : layer_options())
                parent_found |= p.key == option_parent(o) && p.shape == Shape::typed_object;
            QVERIFY2(parent_found, o.key);
        }
        QCOMPARE(std::string(option_parent(layer_options()[1])), std::string("kernel_constraint"));
        QCOMPARE(std::string(option_key(layer_options()[1])), std::string("max_value"));
    }

    void row_round_trips_data() {
        QTest::addColumn<int>("row");
        const auto& options = layer_options();
        for (size_t i = 0; i < options.size(); ++i)
            QTest::newRow((std::to_string(i) + " " + options[i].key).c_str()) << int(i);
    }
    // The row's non-default value in a file is read into its field and written back at the same path.
    void row_round_trips() {
        Site s = fetched_site();
        const LayerOption& o = *s.option;
        json& file = s.file;
        QVERIFY2(file.contains(s.at), s.path.c_str());  // the full form writes every option that applies
        const json value = other_value(o);
        QVERIFY2(file[s.at] != value, s.path.c_str());
        file[s.at] = value;
        ExperimentSpec read;
        const std::string error = error_of([&] { read = experiment_from_json(file); });
        QVERIFY2(error.empty(), error.c_str());
        LayerSpec layer = read.model.layers[s.index];
        if (o.number) QCOMPARE(*o.number(layer), value.get<float>());
        if (o.optional) QCOMPARE(*o.optional(layer), std::optional<float>(value.get<float>()));
        if (o.choices) QCOMPARE(o.choice(layer), int(o.choices().size()) - 1);
        const json written = experiment_to_json(read);
        if (o.shape == Shape::typed_object)  // the name, or an object of that type with its nested options
            QCOMPARE(written[s.at].is_object() ? written[s.at]["type"] : written[s.at], value);
        else QCOMPARE(written[s.at], value);
        QCOMPARE(experiment_from_json(written), read);
    }

    void malformed_value_names_its_path_data() { row_round_trips_data(); }
    // A value of the wrong type, and a number or index outside the row's range, are reported at the row's path.
    void malformed_value_names_its_path() {
        Site s = fetched_site();
        const LayerOption& o = *s.option;
        json& file = s.file;
        file[s.at] = malformed(o);
        const std::string wrong = error_of([&] { experiment_from_json(file); });
        QVERIFY2(wrong.find(s.path + ": must be ") != std::string::npos, (s.path + " in " + wrong).c_str());

        std::string expected;
        if ((o.number || o.optional) && !std::isinf(o.allowed.low)) {
            file[s.at] = o.allowed.low - 1.0f;
            expected = s.path + ": " + o.allowed.text() + ", got " + shortest_text(o.allowed.low - 1.0f);
        } else if (o.shape == Shape::index) {
            file[s.at] = int(o.choices().size());
            expected = s.path + ": " + o.rule + ", got " + std::to_string(o.choices().size());
        } else {
            return;  // any number or name is fine
        }
        const std::string outside = error_of([&] { experiment_from_json(file); });
        QVERIFY2(outside.find(expected) != std::string::npos, (expected + " in " + outside).c_str());
    }

    void required_row_is_reported_missing_data() { row_round_trips_data(); }
    void required_row_is_reported_missing() {
        Site s = fetched_site();
        const LayerOption& o = *s.option;
        json& file = s.file;
        file[s.at.parent_pointer()].erase(s.at.back());
        const std::string error = error_of([&] { experiment_from_json(file); });
        if (!o.required) QVERIFY2(error.empty(), error.c_str());  // a default stands in
        else
            QVERIFY2(error.find(s.path + ": required: " + o.required + ", got nothing") != std::string::npos,
                     error.c_str());
    }

    // kernel_constraint's shapes: null, Keras' bare name, an object; the bare name is written when nothing else
    // is, and a bare name with options reads as that constraint with their defaults.
    void constraint_shapes() {
        json layers = json::array({{{"type", "dense"}, {"units", 10}, {"activation", "softmax"}}});
        const auto read_back = [&](const json& constraint) {
            layers[0]["kernel_constraint"] = constraint;
            const ExperimentSpec spec = experiment_from_json({{"model", {{"layers", layers}}}});
            return std::pair{spec.model.layers[0].kernel_constraint,
                             experiment_to_json(spec)["model"]["layers"][0]["kernel_constraint"]};
        };
        QCOMPARE(read_back(nullptr).second, json(nullptr));
        QCOMPARE(read_back("non_neg").second, json("non_neg"));
        QCOMPARE(read_back({{"type", "non_neg"}}).second, json("non_neg"));
        const auto [max_norm, written] = read_back("max_norm");
        QCOMPARE(max_norm, (ConstraintSpec{ConstraintType::max_norm, 2.0f, 0}));
        QCOMPARE(written, json::parse(R"({"type": "max_norm", "max_value": 2, "axis": 0})"));
        QCOMPARE(read_back({{"type", "unit_norm"}, {"axis", 1}}).second,
                 json::parse(R"({"type": "unit_norm", "axis": 1})"));
        // An option of another constraint is an unknown key of this one.
        layers[0]["kernel_constraint"] = {{"type", "unit_norm"}, {"max_value", 3}};
        const std::string error = error_of([&] { experiment_from_json({{"model", {{"layers", layers}}}}); });
        QVERIFY2(error.find("model.layers[0].kernel_constraint.max_value: unknown key: not an option of the "
                            "unit_norm kernel_constraint (it takes: type, axis)") != std::string::npos,
                 error.c_str());
    }

    void interval_text_data() {
        QTest::addColumn<float>("low");
        QTest::addColumn<float>("high");
        QTest::addColumn<bool>("lowOpen");
        QTest::addColumn<bool>("highOpen");
        QTest::addColumn<QString>("text");
        const float inf = INFINITY;
        QTest::newRow("> 0") << 0.0f << inf << true << false << "must be > 0";
        QTest::newRow(">= 0") << 0.0f << inf << false << false << "must be >= 0";
        QTest::newRow("[0, 1)") << 0.0f << 1.0f << false << true << "must be in [0, 1)";
        QTest::newRow("(0, 16]") << 0.0f << 16.0f << true << false << "must be in (0, 16]";
        QTest::newRow("any") << -inf << inf << false << false << "";
    }
    void interval_text() {
        QFETCH(float, low);
        QFETCH(float, high);
        QFETCH(bool, lowOpen);
        QFETCH(bool, highOpen);
        QFETCH(QString, text);
        const Interval i{low, high, lowOpen, highOpen};
        QCOMPARE(QString::fromStdString(i.text()), text);
        QCOMPARE(i.contains(low), !lowOpen || std::isinf(low));
        QCOMPARE(i.contains(high), !highOpen || std::isinf(high));
        QVERIFY(!i.contains(NAN));
        QVERIFY(std::isinf(low) || !i.contains(low - 1.0f));
    }
};

QTEST_APPLESS_MAIN(TestLayerOptions)
#include "tst_layer_options.moc"
