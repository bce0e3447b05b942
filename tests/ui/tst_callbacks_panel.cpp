// The callbacks panel: a number that does not parse is reported at its callback's path in the experiment
// ("callbacks[1].threshold" when an early_stopping comes first), only for the callbacks that are on.
#include <QGroupBox>
#include <QtTest>

#include "editor/callbacks_panel.h"
#include "editor/number_edit.h"

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
};

QTEST_MAIN(TestCallbacksPanel)
#include "tst_callbacks_panel.moc"
