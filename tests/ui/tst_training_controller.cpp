// The training controller with real MNIST runs: batch and epoch signals arrive in order, throttled, and the run
// finishes; Stop and closing the window mid-epoch return promptly without "QThread destroyed while running"; a
// shutdown that times out keeps the run until it has ended; the window keeps each run's record.
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <mutex>

#include "charts/training_charts.h"
#include "editor/experiment_editor.h"
#include "mlpw/training/trainer.h"
#include "run/dataset_cache.h"
#include "run/run_store.h"
#include "run/training_controller.h"
#include "shell/main_window.h"
#include "shell/preset_library.h"

namespace {

// Messages come from any thread (the worker's, QtTest's watchdog): the list is guarded (ThreadSanitizer).
std::mutex g_warningsMutex;
QStringList g_warnings;
void collectWarnings(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type != QtDebugMsg && type != QtInfoMsg) {
        const std::lock_guard lock(g_warningsMutex);
        g_warnings << message;
    }
    fprintf(stderr, "%s\n", qPrintable(message));
}

QStringList warnings() {
    const std::lock_guard lock(g_warningsMutex);
    return g_warnings;
}

// 784-64-10 on 10% of MNIST's training images (validation_split 0.9): a couple of seconds for two epochs.
mlpw::ExperimentSpec smallExperiment(int epochs) {
    mlpw::ExperimentSpec spec = mlpw::load_experiment(PresetLibrary::path(QStringLiteral("baseline")).toStdString());
    spec.model.layers[1].units = 64;
    spec.data.validation_split = 0.9f;
    spec.training.epochs = epochs;
    spec.training.batch_size = 32;
    return spec;
}

// MNIST, loaded once for every run of the suite (as the window's DatasetCache does).
std::shared_ptr<const mlpw::Dataset> mnist() {
    static const auto data = std::make_shared<const mlpw::Dataset>(mlpw::load_dataset("mnist"));
    return data;
}

}  // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qInstallMessageHandler(collectWarnings);
    }
    void init() {
        const std::lock_guard lock(g_warningsMutex);
        g_warnings.clear();
    }
    void cleanup() {
        for (const QString& w : warnings()) QVERIFY2(!w.contains(QStringLiteral("QThread")), qPrintable(w));
    }

    void shortRunDeliversSignalsInOrder() {
        TrainingController controller;
        QStringList events;
        QList<qint64> batchTimes;
        QElapsedTimer clock;
        clock.start();
        int lastEpoch = 0, lastBatch = 0, epochsEnded = 0, batchesPerEpoch = 0;
        bool ordered = true;
        connect(&controller, &TrainingController::epochBegan, this, [&](int epoch, int epochs, int batches) {
            events << QStringLiteral("begin %1/%2").arg(epoch).arg(epochs);
            ordered &= epoch == lastEpoch + 1;
            lastEpoch = epoch;
            lastBatch = 0;
            batchesPerEpoch = batches;
        });
        connect(&controller, &TrainingController::batchesReady, this, [&](const BatchUpdate& u) {
            batchTimes << clock.elapsed();
            ordered &= u.latest.epoch == lastEpoch && u.latest.batch > lastBatch && u.latest.batches == batchesPerEpoch;
            ordered &= u.loss.size() == u.accuracy.size() && std::isfinite(u.latest.loss);
            lastBatch = u.latest.batch;
        });
        connect(&controller, &TrainingController::epochEnded, this, [&](const RunSnapshot& record) {
            const mlpw::EpochMetrics& m = record->history.back();
            const mlpw::EpochValidation& v = record->validation.back();
            events << QStringLiteral("end %1").arg(m.epoch);
            ordered &= m.epoch == lastEpoch && lastBatch == m.batches;  // the last batch update came first
            ordered &= record->epochs_run() == m.epoch && m.has_validation && record->data.validation_samples > 0 &&
                v.confusion.total() == record->data.validation_samples;
            ordered &= record->batches.size() == size_t(m.epoch * mlpw::batch_points_per_epoch(m.batches));
            ++epochsEnded;
        });
        QSignalSpy finished(&controller, &TrainingController::finished);
        QSignalSpy running(&controller, &TrainingController::runningChanged);

        QVERIFY(controller.start(smallExperiment(2), mnist()));
        QVERIFY(controller.isRunning());
        QVERIFY(!controller.start(smallExperiment(2), mnist()));  // one run at a time
        QVERIFY(finished.wait(120000));
        QVERIFY(!controller.isRunning());
        QVERIFY2(ordered, qPrintable(events.join(QStringLiteral(", "))));
        QCOMPARE(epochsEnded, 2);
        QCOMPARE(events, QStringList({"begin 1/2", "end 1", "begin 2/2", "end 2"}));
        const RunOutcome outcome = finished.first().first().value<RunOutcome>();
        QCOMPARE(int(outcome.reason), int(RunOutcome::Reason::completed));
        QCOMPARE(outcome.epochs_run, 2);
        QVERIFY(outcome.record && outcome.record->epochs_run() == 2 && !outcome.record->final_weights.empty());
        QVERIFY(!controller.start(smallExperiment(1), nullptr));  // no data, no run
        QCOMPARE(running.size(), 2);
        // Throttled: no more than ~20 updates a second (plus the flushes at epoch ends).
        const double seconds = std::max(0.05, (batchTimes.last() - batchTimes.first()) / 1000.0);
        QVERIFY2(batchTimes.size() <= 20 * seconds + 2 * 2 + 2, qPrintable(QString::number(batchTimes.size())));
        QVERIFY(controller.start(smallExperiment(1), mnist()));  // a new run once the last one has ended
        QVERIFY(controller.shutdown(5000));
    }

    void stopMidEpochReturnsPromptly() {
        TrainingController controller;
        QSignalSpy batches(&controller, &TrainingController::batchesReady);
        QSignalSpy finished(&controller, &TrainingController::finished);
        mlpw::ExperimentSpec spec = smallExperiment(5);
        spec.data.validation_split = 0.25f;  // ~1400 batches an epoch: stopped long before its end
        QVERIFY(controller.start(spec, mnist()));
        QVERIFY(batches.wait(60000));
        const int batchAtStop = batches.last().first().value<BatchUpdate>().latest.batch;
        QVERIFY(batchAtStop < 1400);
        QElapsedTimer timer;
        timer.start();
        controller.stop();
        QVERIFY(finished.wait(5000));
        qInfo("stop took %lld ms", timer.elapsed());
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        const RunOutcome outcome = finished.first().first().value<RunOutcome>();
        QCOMPARE(int(outcome.reason), int(RunOutcome::Reason::user));
        QCOMPARE(outcome.epochs_run, 0);
    }

    void pauseHoldsTheRun() {
        TrainingController controller;
        QSignalSpy batches(&controller, &TrainingController::batchesReady);
        QVERIFY(controller.start(smallExperiment(3), mnist()));
        QVERIFY(batches.wait(60000));
        controller.setPaused(true);
        QTest::qWait(200);  // let updates already under way arrive
        batches.clear();
        QTest::qWait(400);
        QCOMPARE(batches.size(), 0);
        controller.setPaused(false);
        QVERIFY(batches.wait(5000));
        QVERIFY(controller.shutdown(2000));
    }

    void shutdownThatTimesOutKeepsTheRun() {
        // The run cannot end within 0 ms of the stop flag (it finishes its batch, then the thread unwinds), so
        // shutdown(0) must say so and keep the run; it ends by itself and reports as usual.
        TrainingController controller;
        QSignalSpy batches(&controller, &TrainingController::batchesReady);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(smallExperiment(3), mnist()));
        QVERIFY(batches.wait(60000));
        const bool ended = controller.shutdown(0);
        QCOMPARE(controller.isRunning(), !ended);
        if (!ended) {
            QVERIFY(finished.wait(5000));
            QVERIFY(!controller.isRunning());
            QCOMPARE(int(finished.first().first().value<RunOutcome>().reason), int(RunOutcome::Reason::user));
        }
        QVERIFY(controller.start(smallExperiment(1), mnist()));  // and the next run can start
        QVERIFY(controller.shutdown(-1));
        QVERIFY(!controller.isRunning());
    }

    void destroyingTheControllerMidRunWaitsForTheThread() {
        // The destructor stops the run and waits for its thread however long it takes: no "QThread: Destroyed
        // while thread is still running" (cleanup() fails on any QThread warning), no signal afterwards.
        QElapsedTimer timer;
        {
            TrainingController controller;
            QSignalSpy batches(&controller, &TrainingController::batchesReady);
            QVERIFY(controller.start(smallExperiment(3), mnist()));
            QVERIFY(batches.wait(60000));
            timer.start();
        }
        qInfo("destruction took %lld ms", timer.elapsed());
    }

    void closingTheWindowMidEpochStopsTheRun() {
        auto* window = new MainWindow;
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QSignalSpy batches(window->controller(), &TrainingController::batchesReady);
        QVERIFY(window->startTraining());
        QVERIFY(!window->startAction()->isEnabled());
        QVERIFY(!window->startTraining());  // a second run cannot start
        QVERIFY(batches.wait(60000));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(window->close());
        qInfo("close took %lld ms", timer.elapsed());
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!window->controller()->isRunning());
        delete window;
    }

    void stopDuringTheFirstBatch() {
        // Stop as soon as the worker says it is prepared, i.e. while the first (large) batch runs.
        TrainingController controller;
        QSignalSpy finished(&controller, &TrainingController::finished);
        QSignalSpy batches(&controller, &TrainingController::batchesReady);
        mlpw::ExperimentSpec spec = smallExperiment(2);
        spec.training.batch_size = 3000;  // 2 batches an epoch, each long enough to be inside
        connect(&controller, &TrainingController::prepared, &controller, &TrainingController::stop);
        QVERIFY(controller.start(spec, mnist()));
        QVERIFY(finished.wait(60000));
        const RunOutcome outcome = finished.first().first().value<RunOutcome>();
        QCOMPARE(int(outcome.reason), int(RunOutcome::Reason::user));
        QCOMPARE(outcome.epochs_run, 0);
        QVERIFY2(batches.size() <= 1, qPrintable(QString::number(batches.size())));
        QVERIFY(!controller.isRunning());
    }

    void stopDuringValidation() {
        // One batch of 6,000 images per epoch, then 54,000 validation images through 784-1024-10: the stop arrives
        // while validating, which is cut short (checked every 500 images) instead of waiting for its end.
        TrainingController controller;
        QSignalSpy finished(&controller, &TrainingController::finished);
        mlpw::ExperimentSpec spec = smallExperiment(2);
        spec.model.layers[1].units = 1024;
        spec.training.batch_size = 6000;
        QElapsedTimer timer;
        connect(&controller, &TrainingController::batchesReady, &controller, [&](const BatchUpdate& u) {
            if (u.latest.batch != u.latest.batches || timer.isValid()) return;
            timer.start();
            controller.stop();
        });
        QVERIFY(controller.start(spec, mnist()));
        QVERIFY(finished.wait(60000));
        qInfo("stop during validation took %lld ms", timer.elapsed());
        const RunOutcome outcome = finished.first().first().value<RunOutcome>();
        QCOMPARE(int(outcome.reason), int(RunOutcome::Reason::user));
        QVERIFY2(outcome.message.contains(QStringLiteral("during the validation of epoch 1")),
                 qPrintable(outcome.message));
        QCOMPARE(outcome.epochs_run, 0);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }

    void closingTheWindowDuringValidation() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("validating.json"));
        mlpw::ExperimentSpec spec = smallExperiment(2);
        spec.model.layers[1].units = 1024;
        spec.training.batch_size = 6000;
        mlpw::save_experiment(spec, path.toStdString());
        auto* window = new MainWindow;
        window->show();
        QVERIFY(window->openExperiment(path, true));
        bool closed = false;
        qint64 closeMs = -1;
        connect(window->controller(), &TrainingController::batchesReady, window, [&](const BatchUpdate& u) {
            if (u.latest.batch != u.latest.batches || closed) return;
            closed = true;
            QElapsedTimer timer;
            timer.start();
            window->close();
            closeMs = timer.elapsed();
        });
        QVERIFY(window->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(closed, 60000);
        qInfo("close during validation took %lld ms", closeMs);
        QVERIFY2(closeMs < 1000, qPrintable(QString::number(closeMs)));
        QVERIFY(!window->controller()->isRunning());
        delete window;
    }

    void corruptExperimentOpensADialog() {
        // File > Open on a broken file: a warning dialog naming the file and the fault; the editor keeps its spec.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"model\": {\"layers\": [{\"type\": \"dense\", \"units\": -5}");  // cut short
        file.close();
        MainWindow window;
        const std::string before = mlpw::experiment_to_json(window.editor()->spec()).dump();
        QString title, text;
        QTimer::singleShot(0, &window, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box) return;
            title = box->windowTitle();
            text = box->text();
            box->accept();
        });
        QVERIFY(!window.openExperiment(path));
        QCOMPARE(title, QStringLiteral("Cannot open the experiment"));
        QVERIFY2(text.contains(path), qPrintable(text));
        QCOMPARE(mlpw::experiment_to_json(window.editor()->spec()).dump(), before);
    }

    void missingPresetFolder() {
        // Without the presets the window still opens, on an empty experiment, and says why.
        qputenv("MLPW_PRESETS_DIR", "/nonexistent/presets");
        {
            MainWindow window;
            QVERIFY(PresetLibrary::files().isEmpty());
            QVERIFY2(window.statusText().contains(QStringLiteral("preset experiments were not found")),
                     qPrintable(window.statusText()));
        }
        qunsetenv("MLPW_PRESETS_DIR");
        QVERIFY(!PresetLibrary::files().isEmpty());
    }

    void startBeforeTheDataIsLoadedWaitsForIt() {
        // A new window's DatasetCache has not loaded MNIST yet (it answers through the event loop): Start waits
        // for that one load instead of loading the data set a second time, and the run begins when it is in.
        MainWindow window;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("small.json"));
        mlpw::save_experiment(smallExperiment(1), path.toStdString());
        QVERIFY(window.openExperiment(path, true));
        QVERIFY(!window.datasets()->get(QStringLiteral("mnist")));
        QSignalSpy running(window.controller(), &TrainingController::runningChanged);
        QVERIFY(window.startTraining());
        QVERIFY(!window.controller()->isRunning());
        QVERIFY(!window.startAction()->isEnabled());
        QVERIFY(!window.startTraining());  // one pending start
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Loading mnist")), qPrintable(window.statusText()));
        QVERIFY(running.wait(60000));
        QVERIFY(window.controller()->isRunning());
        QVERIFY(window.controller()->shutdown(-1));
    }

    void windowShowsTheRunEnding() {
        MainWindow window;
        QSignalSpy finished(window.controller(), &TrainingController::finished);
        window.editor();  // the baseline, made small
        QVERIFY(window.openExperiment(PresetLibrary::path(QStringLiteral("baseline")), true));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("small.json"));
        mlpw::save_experiment(smallExperiment(1), path.toStdString());
        QVERIFY(window.openExperiment(path, true));
        QVERIFY(window.startTraining());
        QVERIFY(finished.wait(120000));
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Finished")), qPrintable(window.statusText()));
        QCOMPARE(window.charts()->epochPointCount(), 1);
        QVERIFY(window.charts()->batchPointCount() > 10);
        // The window keeps the run's record, and the charts show it.
        QCOMPARE(window.runs()->size(), 1);
        const RunSnapshot record = window.runs()->current();
        QVERIFY(record && record->epochs_run() == 1 && record->best_epoch == 1);
        QCOMPARE(window.charts()->batchPointCount(), int(record->batches.size()));
        QVERIFY(window.startAction()->isEnabled());
    }
};

QTEST_MAIN(TestTrainingController)
#include "tst_training_controller.moc"
