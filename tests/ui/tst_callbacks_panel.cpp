// The callbacks panel: built from the callback tables, each option's field edits that option alone; a number that
// does not parse is reported at its callback's path in the experiment ("callbacks[1].threshold" when an
// early_stopping comes first), only for the callbacks that are on.
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QSpinBox>
#include <QtTest>

#include "editor/callbacks_panel.h"
#include "editor/number_edit.h"

using nlohmann::json;

namespace {

// The one callback `specs` holds, as the resolved experiment file writes it.
json written(const mlpw::CallbackSpecs& specs) {
    mlpw::ExperimentSpec spec;
    spec.callbacks = specs;
    return mlpw::experiment_to_json(spec)["callbacks"][0];
}

// Gives the field a value other than its default, as a person would; returns that value as the file spells it.
json editField(QWidget* field) {
    if (auto* box = qobject_cast<QComboBox*>(field)) {
        box->setCurrentIndex((box->currentIndex() + 1) % box->count());
        return box->currentText().toStdString();
    }
    if (auto* edit = qobject_cast<QLineEdit*>(field)) {
        edit->clear();
        const bool number = qobject_cast<NumberEdit*>(field) || !edit->placeholderText().isEmpty();
        QTest::keyClicks(edit, number ? QStringLiteral("0.375") : QStringLiteral("best.mlpw"));
        return number ? json(0.375) : json("best.mlpw");
    }
    if (auto* spin = qobject_cast<QSpinBox*>(field)) {
        spin->setValue(spin->value() + 7);
        return spin->value();
    }
    auto* check = qobject_cast<QCheckBox*>(field);
    check->toggle();
    return check->isChecked();
}

}  // namespace

class TestCallbacksPanel : public QObject {
    Q_OBJECT
private slots:
    void bad_number_has_its_callback_path() {
        CallbacksPanel panel;
        mlpw::CallbackSpecs in;
        in.early_stopping.emplace_back();
        in.early_stopping_threshold.emplace_back();
        panel.setSpec(in);
        // The fields in the order of the boxes: min_delta (early), threshold and min_delta (threshold), target,
        // factor, min_delta and min_lr (reduce_lr_on_plateau).
        const auto edits = panel.findChildren<NumberEdit*>();
        QCOMPARE(edits.size(), 7);
        QTest::keyClicks(edits[1], QStringLiteral("x"));
        mlpw::CallbackSpecs applied;
        panel.applyTo(applied);
        const auto problems = panel.entryProblems(applied);
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].path, std::string("callbacks[1].threshold"));
        QCOMPARE(problems[0].message, std::string("must be a number"));
        QCOMPARE(problems[0].got, "\"" + edits[1]->text().toStdString() + "\"");

        // Switched off, the callback is not in the experiment and neither is its field's problem.
        panel.findChildren<QGroupBox*>()[1]->setChecked(false);
        panel.applyTo(applied);
        QVERIFY(panel.entryProblems(applied).empty());
    }

    // Every option of every callback table has a field in its type's box that edits that option's key alone.
    void each_table_field_edits_its_own_path() {
        int fields = 0;
        mlpw::for_each_callback_type([&](const auto& type) {
            for (const auto& option : type.options) {
                CallbacksPanel panel;
                mlpw::CallbackSpecs in;
                (in.*type.specs).emplace_back();
                panel.setSpec(in);
                QWidget* field = panel.field(type.name, option.key);
                QVERIFY2(field, option.key);
                QSignalSpy edited(&panel, &CallbacksPanel::edited);
                const json value = editField(field);
                QVERIFY2(!edited.isEmpty(), option.key);
                mlpw::CallbackSpecs out;
                panel.applyTo(out);
                json expected = written(in);
                QVERIFY2(expected[option.key] != value, option.key);
                expected[option.key] = value;
                QCOMPARE(written(out), expected);
                ++fields;
            }
        });
        QCOMPARE(fields, 7 + 6 + 3 + 4 + 7);  // the tables' options, LearningRateScheduler's schedule aside
    }

    // EarlyStopping's baseline: empty is Keras' None; text that is no number is reported at its path.
    void baseline_may_be_empty() {
        CallbacksPanel panel;
        mlpw::CallbackSpecs in;
        in.early_stopping.emplace_back().has_baseline = true;
        in.early_stopping.front().baseline = 0.25f;
        panel.setSpec(in);
        auto* baseline = qobject_cast<QLineEdit*>(panel.field("early_stopping", "baseline"));
        QVERIFY(baseline);
        QCOMPARE(baseline->text(), QStringLiteral("0.25"));
        baseline->clear();
        QTest::keyClicks(baseline, QStringLiteral("abc"));
        mlpw::CallbackSpecs out = in;  // as the editor does: the panel applied to the experiment's callbacks
        panel.applyTo(out);
        QCOMPARE(out.early_stopping.front(), in.early_stopping.front());  // the last good value stays
        const auto problems = panel.entryProblems(out);
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].path, std::string("callbacks[0].baseline"));
        QCOMPARE(problems[0].message, std::string("must be a number or empty (none)"));
        baseline->clear();
        QTest::keyClick(baseline, Qt::Key_Backspace);  // an edit that leaves it empty
        panel.applyTo(out);
        QVERIFY(!out.early_stopping.front().has_baseline);
        QVERIFY(panel.entryProblems(out).empty());
    }
};

QTEST_MAIN(TestCallbacksPanel)
#include "tst_callbacks_panel.moc"
