// End to end: two of the study's presets, loaded from resources/presets and trained for real on MNIST
// (shortened), land in the accuracy band the study reports for them.
#include <QtTest>

#include <atomic>

#include "mlpw/data/dataset.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/training/trainer.h"

using namespace mlpw;

class TestPresetTraining : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void preset_lands_in_band_data();
    void preset_lands_in_band();

private:
    Dataset m_mnist;
};

void TestPresetTraining::initTestCase() {
    try {
        m_mnist = load_dataset("mnist");
    } catch (const std::exception& e) {
        QFAIL(qPrintable(QString("MNIST is needed (run ./workbench setup): %1").arg(e.what())));
    }
}

void TestPresetTraining::preset_lands_in_band_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    // baseline (784-512-10 ReLU, Adam, batch 32): ~96-97 % validation accuracy after one epoch.
    QTest::newRow("baseline, 1 epoch") << "baseline" << 1 << 0.95 << 0.985;
    // final (4x[512 LeakyReLU, dropout 0.3], SGD momentum, batch 128): ~94-96 % after two epochs.
    QTest::newRow("final, 2 epochs") << "final" << 2 << 0.92 << 0.98;
}

void TestPresetTraining::preset_lands_in_band() {
    QFETCH(QString, preset);
    QFETCH(int, epochs);
    QFETCH(double, low);
    QFETCH(double, high);
    ExperimentSpec spec = load_experiment(MLPW_SOURCE_DIR "/resources/presets/" + preset.toStdString() + ".json");
    spec.training.epochs = epochs;
    Trainer trainer(spec, m_mnist);
    const std::atomic<bool> stop{false};
    double firstBatchLoss = 0;  // the loss of the (nearly) untrained network, ~ln 10 = 2.3
    TrainerEvents events;
    events.on_batch = [&](const BatchMetrics& b) {
        if (b.step == 1) firstBatchLoss = b.loss;
    };
    const RunRecord& result = trainer.run(events, stop);
    QCOMPARE(result.epochs_run(), epochs);
    const EpochMetrics& last = result.history.back();
    QVERIFY2(last.val_accuracy >= low && last.val_accuracy <= high,
             qPrintable(QString("val_accuracy %1 outside [%2, %3]").arg(last.val_accuracy).arg(low).arg(high)));
    // Training reduced the loss: the last epoch's mean is well below the first batch's (for every row, one
    // epoch included), and the test set agrees with validation within two points.
    QVERIFY2(firstBatchLoss > 1.5, qPrintable(QString("first batch loss %1").arg(firstBatchLoss)));
    QVERIFY2(last.loss < firstBatchLoss / 3,
             qPrintable(QString("loss %1, first batch %2").arg(last.loss).arg(firstBatchLoss)));
    QVERIFY(last.loss < 0.5);
    const EvaluationResult test = trainer.evaluate(m_mnist.test);
    QCOMPARE(test.samples, 10000);
    QVERIFY2(std::abs(test.accuracy - last.val_accuracy) < 0.02,
             qPrintable(QString("test %1 vs validation %2").arg(test.accuracy).arg(last.val_accuracy)));
}

QTEST_APPLESS_MAIN(TestPresetTraining)
#include "tst_preset_training.moc"
