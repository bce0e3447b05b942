// The training controller with real MNIST runs: batch and epoch signals arrive in order, throttled, and the run
// finishes; Stop and closing the window mid-epoch return promptly without "QThread destroyed while running".
#include <QAction>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QtTest>

#include <mutex>

#include "charts/training_charts.h"
#include "main_window.h"
#include "mlpw/trainer.h"
#include "preset_library.h"
#include "training_controller.h"

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
        connect(&controller, &TrainingController::epochEnded, this, [&](const mlpw::EpochMetrics& m, const mlpw::EvaluationResult& v) {
            events << QStringLiteral("end %1").arg(m.epoch);
            ordered &= m.epoch == lastEpoch && lastBatch == m.batches;  // the last batch update came first
            ordered &= m.has_validation && v.confusion.total() == v.samples && v.samples > 0;
            ++epochsEnded;
        });
        QSignalSpy finished(&controller, &TrainingController::finished);
        QSignalSpy running(&controller, &TrainingController::runningChanged);

        QVERIFY(controller.start(smallExperiment(2)));
        QVERIFY(controller.isRunning());
        QVERIFY(!controller.start(smallExperiment(2)));  // one run at a time
        QVERIFY(finished.wait(120000));
        QVERIFY(!controller.isRunning());
        QVERIFY2(ordered, qPrintable(events.join(QStringLiteral(", "))));
        QCOMPARE(epochsEnded, 2);
        QCOMPARE(events, QStringList({"begin 1/2", "end 1", "begin 2/2", "end 2"}));
        const RunOutcome outcome = finished.first().first().value<RunOutcome>();
        QCOMPARE(int(outcome.reason), int(RunOutcome::Reason::completed));
        QCOMPARE(outcome.epochs_run, 2);
        QCOMPARE(running.size(), 2);
        // Throttled: no more than ~20 updates a second (plus the flushes at epoch ends).
        const double seconds = std::max(0.05, (batchTimes.last() - batchTimes.first()) / 1000.0);
        QVERIFY2(batchTimes.size() <= 20 * seconds + 2 * 2 + 2, qPrintable(QString::number(batchTimes.size())));
        QVERIFY(controller.start(smallExperiment(1)));  // a new run once the last one has ended
        QVERIFY(controller.shutdown(5000));
    }

    void stopMidEpochReturnsPromptly() {
        TrainingController controller;
        QSignalSpy batches(&controller, &TrainingController::batchesReady);
        QSignalSpy finished(&controller, &TrainingController::finished);
        mlpw::ExperimentSpec spec = smallExperiment(5);
        spec.data.validation_split = 0.25f;  // ~1400 batches an epoch: stopped long before its end
        QVERIFY(controller.start(spec));
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
        QVERIFY(controller.start(smallExperiment(3)));
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
        QVERIFY(window.startAction()->isEnabled());
    }
};

QTEST_MAIN(TestTrainingController)
#include "tst_training_controller.moc"
