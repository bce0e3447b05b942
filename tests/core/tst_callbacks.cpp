// Keras callbacks against a fake training run: each row feeds per-epoch metric values through make_callbacks()
// as the Trainer does and checks when the run stops, which epoch's weights are restored, the checkpoints written
// and the exact log (Keras' verbose=1 lines). Expectations are worked out from tf.keras 2.15's EarlyStopping and
// ModelCheckpoint source (see core/src/training/early_stopping.cpp for the rule).
#include <QtTest>

#include <optional>

#include "fake_callback_context.h"
#include "mlpw/training/callbacks.h"

Q_DECLARE_METATYPE(mlpw::CallbackSpecs)

namespace {

using namespace mlpw;

using fake_callbacks::early;
using fake_callbacks::FakeContext;

// The Trainer's loop: every callback sees every epoch; the run ends after the epoch in which one asked to stop.
std::optional<int> run(std::vector<std::unique_ptr<Callback>>& callbacks, FakeContext& context,
                       const QList<double>& values, const QString& key) {
    for (auto& cb : callbacks) cb->on_train_begin(context);
    for (int epoch = 1; epoch <= values.size() && !context.stopped_at; ++epoch) {
        context.epoch = epoch;
        EpochLogs logs{{"loss", 1.0}, {"accuracy", 0.5}};
        logs[key.toStdString()] = values[epoch - 1];
        for (auto& cb : callbacks) cb->on_epoch_end(epoch, logs, context);
    }
    std::optional<int> restored;
    for (auto& cb : callbacks) {
        cb->on_train_end(context);
        if (auto r = cb->restored_epoch()) restored = r;
    }
    return restored;
}

CallbackSpecs specs(EarlyStoppingSpec s) {
    CallbackSpecs c;
    c.early_stopping.push_back(s);
    return c;
}
CallbackSpecs specs(ThresholdEarlyStoppingSpec s) {
    CallbackSpecs c;
    c.early_stopping_threshold.push_back(s);
    return c;
}
CallbackSpecs specs(StopAtSpec s) {
    CallbackSpecs c;
    c.stop_at.push_back(s);
    return c;
}
CallbackSpecs specs(ModelCheckpointSpec s) {
    CallbackSpecs c;
    c.model_checkpoint.push_back(s);
    return c;
}
ThresholdEarlyStoppingSpec threshold(const std::string& monitor, float value, int patience, bool restore = false) {
    ThresholdEarlyStoppingSpec s;
    s.monitor = monitor;
    s.threshold = value;
    s.patience = patience;
    s.restore_best_weights = restore;
    return s;
}
StopAtSpec stop_at(const std::string& monitor, float value) {
    StopAtSpec s;
    s.monitor = monitor;
    s.value = value;
    return s;
}
ModelCheckpointSpec checkpoint(const std::string& path, bool best_only, const std::string& monitor = "val_loss") {
    ModelCheckpointSpec s;
    s.filepath = path;
    s.save_best_only = best_only;
    s.monitor = monitor;
    return s;
}

const QString kEarlyStopping3 = "Epoch 3: early stopping";

}  // namespace

class TestCallbacks : public QObject {
    Q_OBJECT
private slots:
    void callbacks_data();
    void callbacks();
    void monitorDirection_data();
    void monitorDirection();
    void checkpointPath_data();
    void checkpointPath();
    void factoryOrder();
};

void TestCallbacks::callbacks_data() {
    QTest::addColumn<CallbackSpecs>("spec");
    QTest::addColumn<QString>("key");  // the log entry the values go to (loss and accuracy are always there)
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("stopEpoch");      // 0: runs to the end
    QTest::addColumn<int>("restoredEpoch");  // 0: nothing restored
    QTest::addColumn<QStringList>("log");    // the whole log, in order
    QTest::addColumn<QStringList>("saves");  // "epoch:path"

    const QStringList none;
    // EarlyStopping: patience counts the non-improving epoch itself (wait += 1 before the check), so 0 and 1 agree.
    QTest::newRow("patience 0: first worse epoch")
        << specs(early("val_loss", 0)) << "val_loss" << QList<double>{0.5, 0.4, 0.45, 0.3} << 3 << 0
        << QStringList{kEarlyStopping3} << none;
    QTest::newRow("patience 0: equal is no improvement")
        << specs(early("val_loss", 0)) << "val_loss" << QList<double>{0.5, 0.5, 0.1} << 2 << 0
        << QStringList{"Epoch 2: early stopping"} << none;
    QTest::newRow("patience 1 = patience 0")
        << specs(early("val_loss", 1)) << "val_loss" << QList<double>{0.5, 0.4, 0.45, 0.3} << 3 << 0
        << QStringList{kEarlyStopping3} << none;
    QTest::newRow("never before epoch 2")
        << specs(early("val_loss", 0)) << "val_loss" << QList<double>{0.5} << 0 << 0 << none << none;
    QTest::newRow("patience 3") << specs(early("val_loss", 3)) << "val_loss"
                                << QList<double>{0.5, 0.4, 0.45, 0.41, 0.42, 0.3} << 5 << 0
                                << QStringList{"Epoch 5: early stopping"} << none;
    QTest::newRow("patience 3 reset by an improvement")
        << specs(early("val_loss", 3)) << "val_loss" << QList<double>{0.5, 0.6, 0.7, 0.4, 0.5, 0.6, 0.7, 0.1} << 7 << 0
        << QStringList{"Epoch 7: early stopping"} << none;
    QTest::newRow("patience 3 never exhausted")
        << specs(early("val_loss", 3)) << "val_loss" << QList<double>{0.5, 0.6, 0.7, 0.4, 0.5, 0.6} << 0 << 0 << none
        << none;
    // min_delta: an improvement must beat best by MORE than min_delta (np.less(current + 0.25, best)).
    QTest::newRow("min_delta exactly met: no improvement")
        << specs(early("val_loss", 0, 0.25f)) << "val_loss" << QList<double>{1.0, 0.75} << 2 << 0
        << QStringList{"Epoch 2: early stopping"} << none;
    QTest::newRow("min_delta exceeded, then not")
        << specs(early("val_loss", 0, 0.25f)) << "val_loss" << QList<double>{1.0, 0.5, 0.375} << 3 << 0
        << QStringList{kEarlyStopping3} << none;
    QTest::newRow("min_delta exactly met, max mode")
        << specs(early("val_accuracy", 0, 0.25f)) << "val_accuracy" << QList<double>{0.25, 0.5, 0.875} << 2 << 0
        << QStringList{"Epoch 2: early stopping"} << none;
    // 0.001f is 0.0010000000475: taken as typed (Keras' float64 0.001), 0.49899999999 is an improvement.
    QTest::newRow("min_delta 0.001 as typed, not as float")
        << specs(early("val_loss", 0, 0.001f)) << "val_loss" << QList<double>{0.5, 0.49899999999, 0.6} << 3 << 0
        << QStringList{kEarlyStopping3} << none;
    // restore_best_weights: restored when this callback stops the run, never when the run completes (tf.keras 2).
    QTest::newRow("restore: best is the first epoch")
        << specs(early("val_loss", 2, 0.0f, true)) << "val_loss" << QList<double>{0.3, 0.4, 0.5, 0.1} << 3 << 1
        << QStringList{"Restoring model weights from the end of the best epoch: 1.", kEarlyStopping3} << none;
    QTest::newRow("restore: best in the middle")
        << specs(early("val_loss", 2, 0.0f, true)) << "val_loss" << QList<double>{0.5, 0.3, 0.4, 0.35, 0.2} << 4 << 2
        << QStringList{"Restoring model weights from the end of the best epoch: 2.", "Epoch 4: early stopping"} << none;
    QTest::newRow("restore: not when the run completes") << specs(early("val_loss", 5, 0.0f, true)) << "val_loss"
                                                         << QList<double>{0.5, 0.4, 0.45} << 0 << 0 << none << none;
    // baseline: wait is reset only by epochs that beat both best and baseline; best itself starts at +inf.
    EarlyStoppingSpec baseline = early("val_loss", 2, 0.0f, true);
    baseline.has_baseline = true;
    baseline.baseline = 0.25f;
    QTest::newRow("baseline never beaten")
        << specs(baseline) << "val_loss" << QList<double>{0.5, 0.45, 0.47, 0.46} << 3 << 2
        << QStringList{"Restoring model weights from the end of the best epoch: 2.", kEarlyStopping3} << none;
    QTest::newRow("baseline: improving epochs never stop")
        << specs(baseline) << "val_loss" << QList<double>{0.5, 0.45, 0.4, 0.35, 0.3} << 0 << 0 << none << none;
    baseline.baseline = 0.45f;
    baseline.restore_best_weights = false;
    QTest::newRow("baseline beaten resets patience")
        << specs(baseline) << "val_loss" << QList<double>{0.5, 0.4, 0.41, 0.42} << 4 << 0
        << QStringList{"Epoch 4: early stopping"} << none;
    EarlyStoppingSpec warmup = early("val_loss", 0);
    warmup.start_from_epoch = 2;
    QTest::newRow("start_from_epoch ignores epochs 1-2")
        << specs(warmup) << "val_loss" << QList<double>{0.1, 0.2, 0.5, 0.6} << 4 << 0
        << QStringList{"Epoch 4: early stopping"} << none;
    warmup.restore_best_weights = true;
    warmup.patience = 1;
    QTest::newRow("start_from_epoch with restore")
        << specs(warmup) << "val_loss" << QList<double>{0.1, 0.2, 0.5, 0.6, 0.4} << 4 << 3
        << QStringList{"Restoring model weights from the end of the best epoch: 3.", "Epoch 4: early stopping"} << none;
    EarlyStoppingSpec accuracy = early("accuracy", 1);
    accuracy.mode = "max";
    QTest::newRow("mode max, accuracy") << specs(accuracy) << "accuracy" << QList<double>{0.8, 0.9, 0.85} << 3 << 0
                                        << QStringList{kEarlyStopping3} << none;
    accuracy.mode = "min";
    QTest::newRow("mode min wins over the name") << specs(accuracy) << "accuracy" << QList<double>{0.8, 0.9} << 2 << 0
                                                 << QStringList{"Epoch 2: early stopping"} << none;
    QTest::newRow("auto maximises val_accuracy")
        << specs(early("val_accuracy", 0)) << "val_accuracy" << QList<double>{0.8, 0.9, 0.95, 0.94} << 4 << 0
        << QStringList{"Epoch 4: early stopping"} << none;
    QTest::newRow("auto minimises loss") << specs(early("loss", 0)) << "loss" << QList<double>{0.8, 0.9} << 2 << 0
                                         << QStringList{"Epoch 2: early stopping"} << none;
    QTest::newRow("missing metric: one warning, no stop") << specs(early("val_loss", 0)) << "loss"
        << QList<double>{0.5, 0.6, 0.7} << 0 << 0
        << QStringList{"Early stopping conditioned on metric `val_loss` which is not available. "
                       "Available metrics are: loss,accuracy"} << none;

    // ThresholdEarlyStopping
    QTest::newRow("threshold never reached") << specs(threshold("val_accuracy", 0.95f, 0)) << "val_accuracy"
                                             << QList<double>{0.8, 0.85, 0.84, 0.9} << 0 << 0 << none << none;
    QTest::newRow("threshold reached, then stalls")
        << specs(threshold("val_accuracy", 0.95f, 2, true)) << "val_accuracy"
        << QList<double>{0.9, 0.96, 0.955, 0.97, 0.96, 0.965, 0.99} << 6 << 4
        << QStringList{"Epoch 2: val_accuracy reached the threshold 0.95; early stopping now active",
                       "Restoring model weights from the end of the best epoch: 4.", "Epoch 6: early stopping"}
        << none;
    QTest::newRow("threshold met exactly")
        << specs(threshold("val_accuracy", 0.95f, 0)) << "val_accuracy" << QList<double>{0.9, 0.95, 0.94} << 3 << 0
        << QStringList{"Epoch 2: val_accuracy reached the threshold 0.95; early stopping now active", kEarlyStopping3}
        << none;
    QTest::newRow("threshold at epoch 1, patience 0")
        << specs(threshold("val_accuracy", 0.5f, 0)) << "val_accuracy" << QList<double>{0.9, 0.8} << 2 << 0
        << QStringList{"Epoch 1: val_accuracy reached the threshold 0.5; early stopping now active",
                       "Epoch 2: early stopping"}
        << none;
    QTest::newRow("threshold on a loss (<=)")
        << specs(threshold("val_loss", 0.1f, 0)) << "val_loss" << QList<double>{0.3, 0.2, 0.09, 0.1} << 4 << 0
        << QStringList{"Epoch 3: val_loss reached the threshold 0.1; early stopping now active",
                       "Epoch 4: early stopping"}
        << none;
    QTest::newRow("threshold: missing metric") << specs(threshold("val_accuracy", 0.5f, 0)) << "loss"
        << QList<double>{0.9, 0.8} << 0 << 0
        << QStringList{"Early stopping conditioned on metric `val_accuracy` which is not available. "
                       "Available metrics are: loss,accuracy"} << none;

    // StopAt: strictly beyond the value
    QTest::newRow("stop_at above") << specs(stop_at("accuracy", 0.85f)) << "accuracy"
                                   << QList<double>{0.8, 0.85, 0.8612, 0.9} << 3 << 0
                                   << QStringList{"Epoch 3: accuracy 0.8612 > 0.85, stopping"} << none;
    QTest::newRow("stop_at below") << specs(stop_at("val_loss", 0.1f)) << "val_loss" << QList<double>{0.3, 0.1, 0.05}
                                   << 3 << 0 << QStringList{"Epoch 3: val_loss 0.0500 < 0.1, stopping"} << none;
    QTest::newRow("stop_at never crossed")
        << specs(stop_at("val_loss", 0.1f)) << "val_loss" << QList<double>{0.3, 0.2, 0.1} << 0 << 0 << none << none;

    // ModelCheckpoint
    QTest::newRow("checkpoint every epoch")
        << specs(checkpoint("ckpt-{epoch}.mlpw", false)) << "val_loss" << QList<double>{0.5, 0.6, 0.4} << 0 << 0
        << QStringList{"Epoch 1: saving model to ckpt-01.mlpw", "Epoch 2: saving model to ckpt-02.mlpw",
                       "Epoch 3: saving model to ckpt-03.mlpw"}
        << QStringList{"1:ckpt-01.mlpw", "2:ckpt-02.mlpw", "3:ckpt-03.mlpw"};
    QTest::newRow("checkpoint best only")
        << specs(checkpoint("best-{epoch}.mlpw", true)) << "val_loss" << QList<double>{0.5, 0.6, 0.25, 0.25} << 0 << 0
        << QStringList{"Epoch 1: val_loss improved from inf to 0.50000, saving model to best-01.mlpw",
                       "Epoch 2: val_loss did not improve from 0.50000",
                       "Epoch 3: val_loss improved from 0.50000 to 0.25000, saving model to best-03.mlpw",
                       "Epoch 4: val_loss did not improve from 0.25000"}
        << QStringList{"1:best-01.mlpw", "3:best-03.mlpw"};
    QTest::newRow("checkpoint best only, accuracy")
        << specs(checkpoint("best.mlpw", true, "val_accuracy")) << "val_accuracy" << QList<double>{0.9, 0.9, 0.95} << 0
        << 0
        << QStringList{"Epoch 1: val_accuracy improved from -inf to 0.90000, saving model to best.mlpw",
                       "Epoch 2: val_accuracy did not improve from 0.90000",
                       "Epoch 3: val_accuracy improved from 0.90000 to 0.95000, saving model to best.mlpw"}
        << QStringList{"1:best.mlpw", "3:best.mlpw"};
    QTest::newRow("checkpoint best only, missing metric")
        << specs(checkpoint("best.mlpw", true)) << "loss" << QList<double>{0.5, 0.4} << 0 << 0
        << QStringList{"Can save best model only with val_loss available, skipping."} << none;

    // Several callbacks: all see the stopping epoch, in make_callbacks' order.
    CallbackSpecs both = specs(early("val_loss", 0));
    both.model_checkpoint.push_back(checkpoint("m-{epoch:03d}-{val_loss:.2f}.mlpw", false));
    QTest::newRow("early stopping + checkpoint")
        << both << "val_loss" << QList<double>{0.5, 0.75, 0.25} << 2 << 0
        << QStringList{"Epoch 1: saving model to m-001-0.50.mlpw", "Epoch 2: saving model to m-002-0.75.mlpw",
                       "Epoch 2: early stopping"}
        << QStringList{"1:m-001-0.50.mlpw", "2:m-002-0.75.mlpw"};
}

void TestCallbacks::callbacks() {
    QFETCH(CallbackSpecs, spec);
    QFETCH(QString, key);
    QFETCH(QList<double>, values);
    QFETCH(int, stopEpoch);
    QFETCH(int, restoredEpoch);
    QFETCH(QStringList, log);
    QFETCH(QStringList, saves);

    auto callbacks = make_callbacks(spec);
    // Twice with the same objects: on_train_begin resets them, as Keras' callbacks may be reused.
    for (int pass = 0; pass < 2; ++pass) {
        FakeContext context;
        const std::optional<int> restored = run(callbacks, context, values, key);
        QCOMPARE(context.lines, log);
        QCOMPARE(context.stopped_at, stopEpoch);
        QCOMPARE(restored.value_or(0), restoredEpoch);
        QCOMPARE(context.restored_tag, restoredEpoch);
        QCOMPARE(context.saves, saves);
        if (stopEpoch) QVERIFY(context.stop_reasons.value(0).startsWith("Epoch " + QString::number(stopEpoch) + ":"));
    }
}

void TestCallbacks::monitorDirection_data() {
    QTest::addColumn<QString>("monitor");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("maximized");
    QTest::newRow("loss auto") << "loss"
                               << "auto" << false;
    QTest::newRow("val_loss auto") << "val_loss"
                                   << "auto" << false;
    QTest::newRow("accuracy auto") << "accuracy"
                                   << "auto" << true;
    QTest::newRow("val_accuracy auto") << "val_accuracy"
                                       << "auto" << true;
    QTest::newRow("val_auc auto") << "val_auc"
                                  << "auto" << true;
    QTest::newRow("accuracy min") << "accuracy"
                                  << "min" << false;
    QTest::newRow("val_loss max") << "val_loss"
                                  << "max" << true;
}

void TestCallbacks::monitorDirection() {
    QFETCH(QString, monitor);
    QFETCH(QString, mode);
    QFETCH(bool, maximized);
    QCOMPARE(monitor_is_maximized(monitor.toStdString(), mode.toStdString()), maximized);
}

void TestCallbacks::checkpointPath_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "model.mlpw"
                           << "model.mlpw";
    QTest::newRow("{epoch} pads to 2") << "ckpt-{epoch}.mlpw"
                                       << "ckpt-07.mlpw";
    QTest::newRow("{epoch:03d}") << "ckpt-{epoch:03d}.mlpw"
                                 << "ckpt-007.mlpw";
    QTest::newRow("{epoch:d}") << "ckpt-{epoch:d}.mlpw"
                               << "ckpt-7.mlpw";
    QTest::newRow("{val_loss:.4f}") << "m-{epoch:02d}-{val_loss:.4f}.mlpw"
                                    << "m-07-0.1235.mlpw";
    QTest::newRow("{accuracy} as Python's repr") << "a{accuracy}.mlpw"
                                                 << "a1.0.mlpw";
    QTest::newRow("{{braces}}") << "{{epoch}}-{epoch}.mlpw"
                                << "{epoch}-07.mlpw";
    QTest::newRow("unknown field kept") << "m-{val_accuracy}-{epoch:x}-{.mlpw"
                                        << "m-{val_accuracy}-{epoch:x}-{.mlpw";
}

void TestCallbacks::checkpointPath() {
    QFETCH(QString, pattern);
    QFETCH(QString, expected);
    auto callbacks = make_callbacks(specs(checkpoint(pattern.toStdString(), false)));
    FakeContext context;
    context.epoch = 7;
    callbacks.at(0)->on_train_begin(context);
    callbacks.at(0)->on_epoch_end(7, {{"loss", 0.5}, {"accuracy", 1.0}, {"val_loss", 0.123456}}, context);
    QCOMPARE(context.saves, QStringList{"7:" + expected});
}

void TestCallbacks::factoryOrder() {
    // early_stopping, early_stopping_threshold, stop_at, model_checkpoint, whatever order the specs were added in.
    CallbackSpecs c;
    c.model_checkpoint.push_back(checkpoint("x-{epoch}.mlpw", false));
    c.stop_at.push_back(stop_at("val_loss", 0.5f));
    c.early_stopping_threshold.push_back(threshold("val_accuracy", 0.5f, 0));
    c.early_stopping.push_back(early("val_accuracy", 0));
    auto callbacks = make_callbacks(c);
    QCOMPARE(callbacks.size(), size_t(4));
    FakeContext context;
    // epoch 1: threshold activates; epoch 2: early stopping and threshold stop, stop_at fires, checkpoint saves.
    for (auto& cb : callbacks) cb->on_train_begin(context);
    for (int epoch = 1; epoch <= 2; ++epoch) {
        context.epoch = epoch;
        const EpochLogs logs{{"val_accuracy", epoch == 1 ? 0.9 : 0.8}, {"val_loss", epoch == 1 ? 0.6 : 0.4}};
        for (auto& cb : callbacks) cb->on_epoch_end(epoch, logs, context);
    }
    for (auto& cb : callbacks) cb->on_train_end(context);
    QCOMPARE(context.lines,
             (QStringList{"Epoch 1: val_accuracy reached the threshold 0.5; early stopping now active",
                          "Epoch 1: saving model to x-01.mlpw", "Epoch 2: val_loss 0.4000 < 0.5, stopping",
                          "Epoch 2: saving model to x-02.mlpw", "Epoch 2: early stopping", "Epoch 2: early stopping"}));
    QCOMPARE(context.stop_reasons,
             (QStringList{"Epoch 2: early stopping", "Epoch 2: early stopping",
                          "Epoch 2: val_loss 0.4000 < 0.5, stopping"}));
}

QTEST_GUILESS_MAIN(TestCallbacks)
#include "tst_callbacks.moc"
