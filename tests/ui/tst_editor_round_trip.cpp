// The experiment editor with issue 15's options: learning-rate schedules, kernel constraints, augmentation layers,
// the two learning-rate callbacks and the initial weights. A file opened in the editor comes back unchanged
// (editor -> experiment JSON -> editor), every field of the option tables edits its own JSON path, text that is
// not a number is reported at that path, and the validator's messages reach the editor's problem list.
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "editor/callbacks_panel.h"
#include "editor/experiment_editor.h"
#include "editor/layer_editor.h"
#include "editor/layer_options_panel.h"
#include "editor/layer_table_model.h"
#include "editor/number_edit.h"
#include "editor/optimizer_panel.h"
#include "editor/schedule_panel.h"
#include "editor/training_options_panel.h"
#include "mlpw/experiment/layer_options.h"
#include "mlpw/nn/network.h"
#include "run/dataset_cache.h"

using nlohmann::json;

namespace {

// The study's baseline with `extra` merged over it (a JSON merge patch: arrays are replaced whole).
json experiment(const json& extra) {
    json j = json::parse(R"({
      "name": "issue15", "data": {"source": "mnist", "validation_split": 0.25},
      "model": {"layers": [{"type": "flatten"}, {"type": "dense", "units": 32, "activation": "relu"},
                           {"type": "dense", "units": 10, "activation": "softmax"}]},
      "optimizer": {"type": "adam", "learning_rate": 0.001},
      "training": {"epochs": 2, "batch_size": 32, "seed": 13}})");
    j.merge_patch(extra);
    return j;
}

json at(const mlpw::ExperimentSpec& spec, const std::string& pointer) {
    return mlpw::experiment_to_json(spec).at(json::json_pointer(pointer));
}

bool hasProblemAt(const ExperimentEditor& editor, const std::string& path) {
    for (const auto& p : editor.problems())
        if (p.path == path) return true;
    return false;
}

void typeInto(QLineEdit* edit, const QString& text) {
    edit->clear();
    QTest::keyClicks(edit, text);
}

}  // namespace

class TestEditorRoundTrip : public QObject {
    Q_OBJECT
private:
    DatasetCache m_cache;

    void select(ExperimentEditor& editor, int row) {
        QTableView* view = editor.layerEditor()->view();
        view->setCurrentIndex(editor.layerEditor()->model()->index(row, LayerTableModel::Type));
    }

private slots:
    void filesComeBackUnchanged_data() {
        QTest::addColumn<QString>("extra");
        QTest::newRow("exponential_decay") << R"({"optimizer": {"type": "sgd", "learning_rate": {"type":
            "exponential_decay", "initial_learning_rate": 0.1, "decay_steps": 500, "decay_rate": 0.5,
            "staircase": true}}})";
        QTest::newRow("piecewise_constant_decay") << R"({"optimizer": {"type": "adam", "learning_rate": {"type":
            "piecewise_constant_decay", "boundaries": [1000, 2500], "values": [0.001, 0.0005, 0.0001]}}})";
        QTest::newRow("cosine_decay with warm-up") << R"({"optimizer": {"type": "adamw", "weight_decay": 0.01,
            "learning_rate": {"type": "cosine_decay", "initial_learning_rate": 0.0001, "decay_steps": 9380,
            "alpha": 0.05, "warmup_target": 0.001, "warmup_steps": 469}}})";
        QTest::newRow("nadam") << R"({"optimizer": {"type": "nadam", "beta_2": 0.99}})";
        QTest::newRow("mixed_bfloat16") << R"({"training": {"dtype_policy": "mixed_bfloat16"}})";
        QTest::newRow("max_norm") << R"({"model": {"layers": [{"type": "flatten"}, {"type": "dense", "units": 32,
            "activation": "relu", "kernel_constraint": {"type": "max_norm", "max_value": 3, "axis": 1}},
            {"type": "dense", "units": 10, "activation": "softmax"}]}})";
        QTest::newRow("unit_norm and non_neg") << R"({"model": {"layers": [{"type": "flatten"}, {"type": "dense",
            "units": 32, "activation": "relu", "kernel_constraint": {"type": "unit_norm", "axis": 0}},
            {"type": "dense", "units": 10, "activation": "softmax", "kernel_constraint": "non_neg"}]}})";
        QTest::newRow("augmentation") << R"({"model": {"layers": [
            {"type": "random_translation", "height_factor": 0.1, "width_factor": 0.05, "fill_mode": "constant",
             "fill_value": -0.5},
            {"type": "random_rotation", "factor": 0.03, "fill_mode": "nearest"},
            {"type": "random_zoom", "height_factor": 0.2},
            {"type": "random_zoom", "height_factor": 0.1, "width_factor": 0.3, "fill_mode": "wrap"},
            {"type": "elastic_deformation", "alpha": 30, "sigma": 5},
            {"type": "flatten"}, {"type": "dense", "units": 10, "activation": "softmax"}]}})";
        QTest::newRow("lr callbacks") << R"json({"data": {"validation_split": 0.25}, "callbacks": [
            {"type": "reduce_lr_on_plateau", "monitor": "val_accuracy", "factor": 0.5, "patience": 2,
             "mode": "max", "min_delta": 0.001, "cooldown": 1, "min_lr": 1e-05},
            {"type": "learning_rate_scheduler", "schedule": "0.001 * 0.5 ^ floor(epoch / 5)"}]})json";
        QTest::newRow("scheduler table") << R"({"callbacks": [
            {"type": "learning_rate_scheduler", "schedule": {"0": 0.001, "3": 0.0005, "10": 1e-04}}]})";
        QTest::newRow("validation_split 0") << R"({"data": {"validation_split": 0}})";
    }
    void filesComeBackUnchanged() {
        QFETCH(QString, extra);
        const mlpw::ExperimentSpec original =
            mlpw::experiment_from_json(experiment(json::parse(extra.toStdString())), "test");
        ExperimentEditor editor(&m_cache);
        editor.setSpec(original);
        QVERIFY2(editor.isValid(), editor.problems().empty() ? "" : editor.problems().front().text().c_str());
        // Every layer shown in the options panel too (it holds the layer it shows).
        for (int row = 0; row < int(original.model.layers.size()); ++row) select(editor, row);
        QCOMPARE(mlpw::experiment_to_json(editor.spec()).dump(), mlpw::experiment_to_json(original).dump());
        QCOMPARE(editor.spec(), original);
        ExperimentEditor second(&m_cache);
        second.setSpec(mlpw::experiment_from_json(mlpw::experiment_to_json(editor.spec()), "test"));
        QCOMPARE(second.spec(), original);
    }

    // Each schedule shows the options of its row in schedule_table(), each edits its own field.
    void scheduleFieldsFromTheTable_data() {
        QTest::addColumn<QString>("schedule");
        for (const auto& info : mlpw::schedule_table()) QTest::newRow(info.name) << QString::fromLatin1(info.name);
    }
    void scheduleFieldsFromTheTable() {
        QFETCH(QString, schedule);
        ExperimentEditor editor(&m_cache);
        editor.setSpec(mlpw::experiment_from_json(experiment(json::object()), "test"));
        editor.show();
        SchedulePanel* panel = editor.optimizerPanel()->schedulePanel();
        QComboBox* box = panel->typeBox();
        box->setCurrentIndex(box->findData(schedule));
        emit box->activated(box->currentIndex());
        mlpw::ScheduleType type{};
        QVERIFY(mlpw::parse_schedule_type(schedule.toStdString(), type));
        QCOMPARE(editor.spec().optimizer.schedule.type, type);
        QVERIFY2(editor.isValid(), editor.problems().empty() ? "" : editor.problems().front().text().c_str());
        const auto& keys = mlpw::schedule_info(type).keys;
        for (const auto& option : mlpw::schedule_options()) {
            auto* field = panel->findChild<QWidget*>(QString::fromLatin1(option.key));
            QVERIFY(field);
            const bool listed = std::find(keys.begin(), keys.end(), option.key) != keys.end();
            QCOMPARE(!field->isHidden(), listed);
            if (!listed) continue;
            // The new schedule starts from the table's Keras defaults (the rate from the optimiser's).
            const float expected = std::string(option.key) == "initial_learning_rate" ? 0.001f : option.default_value;
            if (option.number) QCOMPARE(editor.spec().optimizer.schedule.*option.number, expected);
            const std::string pointer = "/optimizer/learning_rate/" + std::string(option.key);
            if (auto* edit = qobject_cast<NumberEdit*>(field)) {
                typeInto(edit, QStringLiteral("7"));
                QCOMPARE(at(editor.spec(), pointer), json(7));
                typeInto(edit, QStringLiteral("seven"));
                QVERIFY(hasProblemAt(editor, "optimizer.learning_rate." + std::string(option.key)));
                typeInto(edit, QStringLiteral("7"));
            } else if (auto* check = qobject_cast<QCheckBox*>(field)) {
                check->setChecked(true);
                QCOMPARE(at(editor.spec(), pointer), json(true));
            }
        }
        // The constant rate's field is hidden while a schedule sets the rate.
        auto* rate = editor.optimizerPanel()->findChild<NumberEdit*>(QStringLiteral("learning_rate"));
        QVERIFY(rate);
        QVERIFY(rate->parentWidget()->isHidden());
    }

    void piecewiseListsAndTheirProblems() {
        ExperimentEditor editor(&m_cache);
        editor.setSpec(mlpw::experiment_from_json(experiment(json::object()), "test"));
        SchedulePanel* panel = editor.optimizerPanel()->schedulePanel();
        QComboBox* box = panel->typeBox();
        box->setCurrentIndex(box->findData(QStringLiteral("piecewise_constant_decay")));
        emit box->activated(box->currentIndex());
        auto* boundaries = panel->findChild<QLineEdit*>(QStringLiteral("boundaries"));
        auto* values = panel->findChild<QLineEdit*>(QStringLiteral("values"));
        typeInto(boundaries, QStringLiteral("100, 200"));
        typeInto(values, QStringLiteral("0.01, 0.005, 0.001"));
        QVERIFY(editor.isValid());
        QCOMPARE(at(editor.spec(), "/optimizer/learning_rate/boundaries"), json::parse("[100, 200]"));
        QCOMPARE(at(editor.spec(), "/optimizer/learning_rate/values"), json::parse("[0.01, 0.005, 0.001]"));
        typeInto(values, QStringLiteral("0.01, 0.005"));  // the validator: one more value than boundaries
        QVERIFY(hasProblemAt(editor, "optimizer.learning_rate.values"));
        typeInto(boundaries, QStringLiteral("100, x"));
        QVERIFY(hasProblemAt(editor, "optimizer.learning_rate.boundaries"));
        // Back to a constant rate: no schedule in the file.
        box->setCurrentIndex(0);
        emit box->activated(0);
        QVERIFY(at(editor.spec(), "/optimizer/learning_rate").is_number());
    }

    // Each option of layer_options() that applies to a layer is shown for it and edits its own JSON path.
    void layerOptionsFromTheTable_data() {
        QTest::addColumn<int>("layerType");
        for (const auto t :
             {mlpw::LayerType::dense, mlpw::LayerType::random_translation, mlpw::LayerType::random_rotation,
              mlpw::LayerType::random_zoom, mlpw::LayerType::elastic_deformation})
            QTest::newRow(mlpw::to_string(t).c_str()) << int(t);
    }
    void layerOptionsFromTheTable() {
        QFETCH(int, layerType);
        const auto t = mlpw::LayerType(layerType);
        ExperimentEditor editor(&m_cache);
        editor.setSpec(mlpw::experiment_from_json(experiment(json::object()), "test"));
        editor.show();
        LayerEditor* layers = editor.layerEditor();
        select(editor, 1);
        layers->addLayer(t);
        // Augmentation goes first (before flatten); other layers after the selected one.
        const int row = mlpw::is_augmentation(t) ? 0 : 2;
        QCOMPARE(editor.spec().model.layers[size_t(row)].type, t);
        QCOMPARE(layers->optionsPanel()->row(), row);
        QVERIFY2(editor.isValid(), editor.problems().empty() ? "" : editor.problems().front().text().c_str());
        const std::string base = "/model/layers/" + std::to_string(row) + "/";
        if (t == mlpw::LayerType::dense) {  // max_norm brings its own two options
            auto* constraint =
                qobject_cast<QComboBox*>(layers->optionsPanel()->field(QStringLiteral("kernel_constraint")));
            QVERIFY(constraint);
            QVERIFY(!layers->optionsPanel()->field(QStringLiteral("kernel_constraint.max_value")));
            constraint->setCurrentIndex(constraint->findText(QStringLiteral("max_norm")));
            emit constraint->activated(constraint->currentIndex());
            QCOMPARE(at(editor.spec(), base + "kernel_constraint"),
                     json::parse(R"({"type": "max_norm", "max_value": 2, "axis": 0})"));
        }
        int shown = 0;
        mlpw::LayerSpec layer = editor.spec().model.layers[size_t(row)];
        for (const auto& option : mlpw::layer_options()) {
            QWidget* field = layers->optionsPanel()->field(QString::fromLatin1(option.key));
            if (!option.applies(layer)) continue;
            QVERIFY2(field, option.key);
            QVERIFY(!field->isHidden());
            ++shown;
            std::string pointer = base + option.key;
            for (auto& c : pointer) c = c == '.' ? '/' : c;
            if (auto* edit = qobject_cast<QLineEdit*>(field)) {
                typeInto(edit, QStringLiteral("0.25"));
                QCOMPARE(at(editor.spec(), pointer), json(0.25));
                typeInto(edit, QStringLiteral("abc"));
                const std::string path = "model.layers[" + std::to_string(row) + "]." + option.key;
                QVERIFY2(hasProblemAt(editor, path), path.c_str());
                typeInto(edit, QStringLiteral("0.25"));
                QVERIFY(!hasProblemAt(editor, path));
            } else if (auto* box = qobject_cast<QComboBox*>(field); box && option.choices) {
                box->setCurrentIndex(1);  // max_norm (keeps its max value), axis 1, fill "wrap"
                emit box->activated(1);
                QCOMPARE(option.choice(editor.spec().model.layers[size_t(row)]), 1);
                layer = editor.spec().model.layers[size_t(row)];
            }
        }
        QVERIFY(shown > 0);
    }

    // The validator's messages for the new options reach the editor's lists and mark the options panel's field.
    void validatorProblemsAreShown_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("path");
        QTest::newRow("rotation factor") << "rotation factor"
                                         << "model.layers[0].factor";
        QTest::newRow("sigma") << "sigma"
                               << "model.layers[0].sigma";
        QTest::newRow("max_value") << "max_value"
                                   << "model.layers[1].kernel_constraint.max_value";
        QTest::newRow("augmentation after flatten") << "after flatten"
                                                    << "model.layers[1]";
        QTest::newRow("plateau factor") << "plateau factor"
                                        << "callbacks[0].factor";
        QTest::newRow("schedule and a rate callback") << "schedule and scheduler"
                                                      << "callbacks[0].type";
        QTest::newRow("val monitor without validation") << "no validation"
                                                        << "callbacks[0].monitor";
    }
    void validatorProblemsAreShown() {
        QFETCH(QString, change);
        QFETCH(QString, path);
        using T = mlpw::LayerType;
        mlpw::ExperimentSpec spec = mlpw::experiment_from_json(experiment(json::object()), "test");
        auto& layers = spec.model.layers;
        if (change == "rotation factor") {
            layers.insert(layers.begin(), mlpw::layer_with_option_defaults(T::random_rotation));
            layers[0].factor = 0.7f;
        } else if (change == "sigma") {
            layers.insert(layers.begin(), mlpw::layer_with_option_defaults(T::elastic_deformation));
            layers[0].sigma = 0.0f;
        } else if (change == "max_value") {
            layers[1].kernel_constraint = {mlpw::ConstraintType::max_norm, 0.0f, 0};
        } else if (change == "after flatten") {
            layers.insert(layers.begin() + 1, mlpw::layer_with_option_defaults(T::random_zoom));
        } else if (change == "plateau factor") {
            spec.callbacks.reduce_lr_on_plateau.emplace_back().factor = 1.5f;
        } else if (change == "schedule and scheduler") {
            spec.optimizer.schedule = mlpw::LearningRateSchedule{mlpw::ScheduleType::cosine_decay};
            spec.callbacks.learning_rate_scheduler.emplace_back().expression = "lr * 0.9";
        } else if (change == "no validation") {
            spec.data.validation_split = 0.0f;
            spec.callbacks.reduce_lr_on_plateau.emplace_back();  // monitors val_loss
        }
        ExperimentEditor editor(&m_cache);
        editor.show();
        editor.setSpec(spec);
        QVERIFY(!editor.isValid());
        QString message;
        for (const auto& p : editor.problems())
            if (p.path == path.toStdString()) message = QString::fromStdString(p.message);
        QVERIFY2(!message.isEmpty(), qPrintable(path));
        const auto where = mlpw::layer_field(path.toStdString());
        if (!where) {  // listed below the tabs
            QStringList texts;
            for (const QLabel* label : editor.findChildren<QLabel*>())
                if (label->isVisibleTo(&editor)) texts << label->text();
            QVERIFY2(texts.join('\n').contains(message.toHtmlEscaped()), qPrintable(texts.join('\n')));
            return;
        }
        QStringList texts;  // listed below the layer table
        for (const QLabel* label : editor.layerEditor()->findChildren<QLabel*>()) texts << label->text();
        QVERIFY2(texts.join('\n').contains(message), qPrintable(texts.join('\n')));
        select(editor, int(where->layer));
        if (where->field.empty()) return;
        QWidget* field = editor.layerEditor()->optionsPanel()->field(QString::fromStdString(where->field));
        QVERIFY(field);
        QVERIFY2(field->toolTip().contains(message), qPrintable(field->toolTip()));
    }

    // The two learning-rate callbacks' boxes: each field edits its callback, bad text is reported at its path.
    void learningRateCallbacks() {
        ExperimentEditor editor(&m_cache);
        editor.setSpec(mlpw::experiment_from_json(experiment(json::object()), "test"));
        CallbacksPanel* panel = editor.callbacksPanel();
        const auto boxes = panel->findChildren<QGroupBox*>();
        QCOMPARE(boxes.size(), 6);
        boxes[4]->setChecked(true);  // ReduceLROnPlateau
        QCOMPARE(editor.spec().callbacks.reduce_lr_on_plateau.size(), size_t(1));
        QCOMPARE(editor.spec().callbacks.reduce_lr_on_plateau.front(), mlpw::ReduceLROnPlateauSpec{});  // Keras'
        boxes[5]->setChecked(true);  // LearningRateScheduler
        auto* schedule = panel->findChild<QLineEdit*>(QStringLiteral("schedule"));
        typeInto(schedule, QStringLiteral("lr * 0.95"));
        QVERIFY2(editor.isValid(), editor.problems().empty() ? "" : editor.problems().front().text().c_str());
        QCOMPARE(editor.spec().callbacks.learning_rate_scheduler.front().expression, std::string("lr * 0.95"));
        typeInto(schedule, QStringLiteral("0: 0.001, 4: 0.0001"));
        const std::map<int, float> table{{0, 0.001f}, {4, 0.0001f}};
        QCOMPARE(editor.spec().callbacks.learning_rate_scheduler.front().table, table);
        typeInto(schedule, QStringLiteral("0: 0.001, four: 0.0001"));
        QVERIFY(hasProblemAt(editor, "callbacks[1].schedule"));
        typeInto(schedule, QStringLiteral("lr * "));  // the validator parses the expression
        QVERIFY(hasProblemAt(editor, "callbacks[1].schedule"));
        typeInto(schedule, QStringLiteral("lr * 0.95"));
        const auto edits = boxes[4]->findChildren<NumberEdit*>();
        QCOMPARE(edits.size(), 3);  // factor, min_delta, min_lr
        typeInto(edits[0], QStringLiteral("half"));
        QVERIFY(hasProblemAt(editor, "callbacks[0].factor"));
        typeInto(edits[0], QStringLiteral("0.5"));
        QVERIFY(editor.isValid());
        QCOMPARE(editor.spec().callbacks.reduce_lr_on_plateau.front().factor, 0.5f);
    }

    void initialWeightsField() {
        ExperimentEditor editor(&m_cache);
        editor.setSpec(mlpw::experiment_from_json(experiment(json::object()), "test"));
        QLineEdit* field = editor.trainingPanel()->initialWeightsField();
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("missing.mlpw"));
        typeInto(field, missing);
        QVERIFY(hasProblemAt(editor, "training.initial_weights"));
        QFile file(missing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        typeInto(field, missing);
        QVERIFY(!hasProblemAt(editor, "training.initial_weights"));
        QCOMPARE(at(editor.spec(), "/training/initial_weights"), json(missing.toStdString()));
        ExperimentEditor second(&m_cache);
        second.setSpec(editor.spec());
        QCOMPARE(second.trainingPanel()->initialWeightsField()->text(), missing);
        typeInto(field, QString());
        QCOMPARE(editor.spec().training.initial_weights, std::string());
    }

    void dtypePolicyField() {
        ExperimentEditor editor(&m_cache);
        editor.setSpec(mlpw::experiment_from_json(experiment(json::object()), "test"));
        auto* box = editor.trainingPanel()->findChild<QComboBox*>(QStringLiteral("dtype_policy"));
        QVERIFY(box);
        QCOMPARE(box->currentText(), QStringLiteral("float32"));
        box->setCurrentIndex(box->findText(QStringLiteral("mixed_bfloat16")));
        QCOMPARE(at(editor.spec(), "/training/dtype_policy"), json("mixed_bfloat16"));
        // Offered only where the CPU has the instructions (the item is disabled elsewhere).
        const bool enabled = box->model()->index(1, 0).flags() & Qt::ItemIsEnabled;
        QCOMPARE(enabled, mlpw::mixed_bfloat16_available());
    }

    void optimiserListHasNadamAndAdamW() {
        ExperimentEditor editor(&m_cache);
        QComboBox* box = editor.optimizerPanel()->typeBox();
        QVERIFY(box->findData(QStringLiteral("nadam")) >= 0);
        QVERIFY(box->findData(QStringLiteral("adamw")) >= 0);
        editor.setSpec(mlpw::experiment_from_json(experiment(json::object()), "test"));
        box->setCurrentIndex(box->findData(QStringLiteral("adamw")));
        emit box->activated(box->currentIndex());
        QCOMPARE(at(editor.spec(), "/optimizer/weight_decay"), json(0.004));
    }
};

QTEST_MAIN(TestEditorRoundTrip)
#include "tst_editor_round_trip.moc"
