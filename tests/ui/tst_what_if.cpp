// What-if early stopping: the marks and the sentence for a replay of a recorded history, and the panel replaying
// the current run as its parameters change.
#include <QtTest>

#include "compare/overlay_view.h"
#include "compare/what_if_marks.h"
#include "compare/what_if_panel.h"
#include "run/run_store.h"
#include "run_fixtures.h"

namespace {

// val_loss 0.5, 0.4, 0.3, 0.35, 0.36, 0.37, 0.2: best at 3, then three epochs worse, then the best of all.
RunSnapshot history() { return fixtures::recorded(fixtures::tinySpec(1), {0.5, 0.6, 0.7, 0.65, 0.64, 0.63, 0.8}); }

}  // namespace

class TestWhatIf : public QObject {
    Q_OBJECT
private slots:
    void marksWhereItStopsAndWhatItKeeps() {
        const RunSnapshot record = history();
        mlpw::EarlyStoppingSpec spec;
        spec.patience = 2;
        spec.restore_best_weights = true;
        const mlpw::EarlyStoppingReplay replay = mlpw::replay_early_stopping(*record, spec);
        QVERIFY(replay.stopped);
        QCOMPARE(replay.epochs_run, 5);
        QCOMPARE(replay.kept_epoch, 3);
        const OverlayData data = what_if_overlay(*record, replay, "val_loss");
        QCOMPARE(data.curves.size(), size_t(1));
        QCOMPARE(data.curves[0].points.size(), 7);
        QCOMPARE(data.marks.size(), size_t(2));
        QCOMPARE(data.marks[0].x, 5.0);
        QCOMPARE(data.marks[0].label, QStringLiteral("would stop: epoch 5"));
        QCOMPARE(data.marks[1].x, 3.0);
        QCOMPARE(data.marks[1].label, QStringLiteral("kept: epoch 3"));
        const QString text = what_if_text(*record, replay);
        QVERIFY2(text.contains(QStringLiteral("after epoch 5 of the 7 recorded")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("restores epoch 3's weights: val_accuracy 70.00 %")), qPrintable(text));

        spec.patience = 4;  // never 4 epochs without improvement: no stop, no marks
        const mlpw::EarlyStoppingReplay runs = mlpw::replay_early_stopping(*record, spec);
        QVERIFY(!runs.stopped);
        QVERIFY(what_if_overlay(*record, runs, "val_loss").marks.empty());
        QVERIFY(what_if_text(*record, runs).contains(QStringLiteral("would not have stopped within the 7")));
    }

    void panelReplaysTheCurrentRun() {
        RunStore store;
        WhatIfPanel panel(&store);
        QVERIFY(panel.resultText().contains(QStringLiteral("Select a finished run")));
        store.add(history(), QStringLiteral("h"));  // becomes current
        panel.setMonitor(QStringLiteral("val_loss"));
        panel.setRestoreBest(false);
        panel.setPatience(2);
        QVERIFY2(panel.resultText().contains(QStringLiteral("after epoch 5")), qPrintable(panel.resultText()));
        QVERIFY(panel.resultText().contains(QStringLiteral("keeps epoch 5's weights")));
        QCOMPARE(panel.chart()->content().lines, 3);  // the curve, the stop and the kept marks
        panel.setStartFromEpoch(3);                   // watching from epoch 4: 0.35, 0.36, 0.37 never beat 0.35
        QVERIFY2(panel.resultText().contains(QStringLiteral("after epoch 6")), qPrintable(panel.resultText()));
        panel.setThreshold(true, 0.75);  // val_loss reaches 0.75 at once; start_from_epoch does not apply
        QVERIFY2(panel.resultText().contains(QStringLiteral("after epoch 5")), qPrintable(panel.resultText()));
    }
};

QTEST_MAIN(TestWhatIf)
#include "tst_what_if.moc"
