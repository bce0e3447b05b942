// What-if early stopping: a history replayed through the Trainer's callbacks stops where a real run with that
// callback stopped, keeps the epoch it restored, and logs the same lines; plus recorded histories with known
// answers (tf.keras 2's rule, see core/src/training/early_stopping.cpp).
#include <QtTest>

#include "fake_callback_context.h"
#include "mlpw/training/early_stopping_replay.h"
#include "tiny_run.h"

Q_DECLARE_METATYPE(mlpw::CallbackSpecs)

using namespace mlpw;

namespace {

std::vector<EpochMetrics> valLosses(const std::vector<double>& values) {
    std::vector<EpochMetrics> out;
    for (size_t i = 0; i < values.size(); ++i) {
        EpochMetrics m;
        m.epoch = static_cast<int>(i) + 1;
        m.has_validation = true;
        m.val_loss = values[i];
        m.val_accuracy = 1.0 - values[i];
        out.push_back(m);
    }
    return out;
}

using fake_callbacks::early;

// The epochs' learning results (what does not depend on timing).
bool sameLearning(const EpochMetrics& a, const EpochMetrics& b) {
    return a.epoch == b.epoch && a.loss == b.loss && a.accuracy == b.accuracy && a.val_loss == b.val_loss &&
        a.val_accuracy == b.val_accuracy;
}

}  // namespace

class TestEarlyStoppingReplay : public QObject {
    Q_OBJECT
private slots:
    void knownHistories();
    void thresholdAndStartFromEpoch();
    void theRecordEndedFirst();
    void equalsARealRun_data();
    void equalsARealRun();
};

void TestEarlyStoppingReplay::knownHistories() {
    const auto h = valLosses({0.5, 0.4, 0.45, 0.42, 0.41, 0.3});
    // patience 2: epochs 3 and 4 do not improve on 0.4 -> stops at 4, best 2.
    auto r = replay_early_stopping(h, early("val_loss", 2, 0.0f, true));
    QVERIFY(r.stopped);
    QCOMPARE(r.epochs_run, 4);
    QCOMPARE(r.restored_epoch, std::optional<int>(2));
    QCOMPARE(r.kept_epoch, 2);
    QCOMPARE(r.kept(h).val_loss, 0.4);
    QCOMPARE(r.message, std::string("Epoch 4: early stopping"));
    QCOMPARE(r.log,
             (std::vector<std::string>{"Restoring model weights from the end of the best epoch: 2.",
                                       "Epoch 4: early stopping"}));
    // Without restoring it keeps the stopping epoch's weights.
    r = replay_early_stopping(h, early("val_loss", 2, 0.0f, false));
    QCOMPARE(r.epochs_run, 4);
    QCOMPARE(r.restored_epoch, std::nullopt);
    QCOMPARE(r.kept_epoch, 4);
    // patience 4: never stops within the 6 epochs recorded; it keeps the last.
    r = replay_early_stopping(h, early("val_loss", 4, 0.0f, true));
    QVERIFY(!r.stopped);
    QCOMPARE(r.epochs_run, 6);
    QCOMPARE(r.kept_epoch, 6);
    QCOMPARE(r.message, std::string());
    // min_delta 0.15: only 0.5 -> 0.3 would count, so epoch 2 already waits (patience 0 stops there).
    r = replay_early_stopping(h, early("val_loss", 0, 0.15f, false));
    QCOMPARE(r.epochs_run, 2);
    // A monitor the history lacks: Keras' warning, no stop.
    std::vector<EpochMetrics> noValidation = h;
    for (auto& m : noValidation) m.has_validation = false;
    r = replay_early_stopping(noValidation, early("val_loss", 0, 0.0f, false));
    QVERIFY(!r.stopped);
    QCOMPARE(r.log.size(), size_t(1));
    QVERIFY(QString::fromStdString(r.log[0]).contains("`val_loss` which is not available"));
    QCOMPARE(replay_early_stopping(std::vector<EpochMetrics>{}, early("val_loss", 0, 0.0f, true)).kept_epoch, 0);
}

void TestEarlyStoppingReplay::thresholdAndStartFromEpoch() {
    const auto h = valLosses({0.5, 0.4, 0.45, 0.42, 0.3, 0.35, 0.36});
    // val_accuracy: 0.5 0.6 0.55 0.58 0.7 0.65 0.64. Active from epoch 5 (>= 0.7), then 6 and 7 do not improve.
    ThresholdEarlyStoppingSpec t;
    t.monitor = "val_accuracy";
    t.threshold = 0.7f;
    t.patience = 2;
    t.restore_best_weights = true;
    auto r = replay_early_stopping(h, t);
    QCOMPARE(r.epochs_run, 7);
    QVERIFY(r.stopped);
    QCOMPARE(r.kept_epoch, 5);
    QCOMPARE(r.log.front(), std::string("Epoch 5: val_accuracy reached the threshold 0.7; early stopping now active"));
    // start_from_epoch 4 (Keras' 0-based): epochs 1-4 are ignored, so 0.3 at epoch 5 is the first best.
    EarlyStoppingSpec s = early("val_loss", 1, 0.0f, true);
    s.start_from_epoch = 4;
    r = replay_early_stopping(h, s);
    QCOMPARE(r.epochs_run, 6);
    QCOMPARE(r.kept_epoch, 5);
}

void TestEarlyStoppingReplay::theRecordEndedFirst() {
    RunRecord record;
    record.experiment.training.epochs = 30;
    record.history = valLosses({0.5, 0.4, 0.3});
    QVERIFY(replay_early_stopping(record, early("val_loss", 5, 0.0f, false)).ran_past_record);
    QVERIFY(!replay_early_stopping(record, early("val_loss", 0, 0.2f, false)).ran_past_record);  // stops at 2
    record.experiment.training.epochs = 3;
    QVERIFY(!replay_early_stopping(record, early("val_loss", 5, 0.0f, false)).ran_past_record);
}

void TestEarlyStoppingReplay::equalsARealRun_data() {
    QTest::addColumn<CallbackSpecs>("callbacks");
    CallbackSpecs a;
    a.early_stopping.push_back(early("val_loss", 1, 0.02f, true));
    QTest::newRow("val_loss, patience 1, min_delta 0.02, restore") << a;
    CallbackSpecs b;
    b.early_stopping.push_back(early("val_accuracy", 2, 0.01f, false));
    QTest::newRow("val_accuracy, patience 2, min_delta 0.01") << b;
    CallbackSpecs c;
    c.early_stopping.push_back(early("loss", 0, 0.05f, true));
    c.early_stopping.back().has_baseline = true;
    c.early_stopping.back().baseline = 0.5f;
    c.early_stopping.back().start_from_epoch = 2;
    QTest::newRow("loss, baseline 0.5, start_from_epoch 2, restore") << c;
    CallbackSpecs d;
    d.early_stopping_threshold.push_back({});
    d.early_stopping_threshold.back().threshold = 0.6f;
    d.early_stopping_threshold.back().min_delta = 0.01f;
    d.early_stopping_threshold.back().restore_best_weights = true;
    QTest::newRow("threshold val_accuracy 0.6, restore") << d;
}

// The same experiment trained twice: with the callback (where it really stops) and without (the full history
// the replay reads). Both see the same epochs, so the replay must stop where the real run did.
void TestEarlyStoppingReplay::equalsARealRun() {
    QFETCH(CallbackSpecs, callbacks);
    ExperimentSpec withCallback = tiny_run::spec(25);
    withCallback.callbacks = callbacks;
    const RunRecord real = tiny_run::train(withCallback);
    const RunRecord full = tiny_run::train(tiny_run::spec(25));
    QVERIFY2(real.stopped_early(), "the row's callback must stop the real run, or the test shows nothing");
    QCOMPARE(full.epochs_run(), 25);
    for (int e = 0; e < real.epochs_run(); ++e) QVERIFY(sameLearning(real.history[e], full.history[e]));

    const EarlyStoppingReplay replay = replay_callbacks(full.history, callbacks);
    QVERIFY(replay.stopped);
    qInfo("stops at epoch %d of 25, keeps epoch %d", replay.epochs_run, replay.kept_epoch);
    QCOMPARE(replay.epochs_run, real.epochs_run());
    QCOMPARE(replay.restored_epoch, real.restored_epoch);
    QCOMPARE(replay.message, real.message);
    // The kept epoch's validation metrics are those of the weights the real run ended with.
    const EpochMetrics& kept = replay.kept(full.history);
    QVERIFY(sameLearning(kept, real.history[replay.kept_epoch - 1]));
    if (real.restored_epoch) QCOMPARE(replay.kept_epoch, *real.restored_epoch);
    else QCOMPARE(replay.kept_epoch, real.epochs_run());
}

QTEST_APPLESS_MAIN(TestEarlyStoppingReplay)
#include "tst_early_stopping_replay.moc"
