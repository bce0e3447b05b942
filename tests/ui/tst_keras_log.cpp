// The training log's wording: Keras fit's epoch lines and the status bar's sentence for each way a run ends.
#include <QtTest>

#include "run/keras_log.h"
#include "shell/english_plurals.h"

class TestKerasLog : public QObject {
    Q_OBJECT
private slots:
    void epochLine_data() {
        QTest::addColumn<double>("trainSeconds");
        QTest::addColumn<bool>("validation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fast steps")
            << 0.985 << true
            << "1407/1407 [==============================] - 1s 0.7ms/step - accuracy: 0.9821 - loss: 0.0574 - val_accuracy: 0.9741 - val_loss: 0.0853";
        QTest::newRow("slow steps")
            << 28.14 << true
            << "1407/1407 [==============================] - 1s 20ms/step - accuracy: 0.9821 - loss: 0.0574 - val_accuracy: 0.9741 - val_loss: 0.0853";
        QTest::newRow("no validation")
            << 4.36 << false
            << "1407/1407 [==============================] - 1s 3.1ms/step - accuracy: 0.9821 - loss: 0.0574";
    }
    void epochLine() {
        QFETCH(double, trainSeconds);
        QFETCH(bool, validation);
        QFETCH(QString, expected);
        mlpw::EpochMetrics m;
        m.epoch = 3;
        m.epochs = 5;
        m.batches = 1407;
        m.accuracy = 0.98214;
        m.loss = 0.05741;
        m.has_validation = validation;
        m.val_accuracy = 0.97413;
        m.val_loss = 0.08534;
        m.train_seconds = trainSeconds;
        m.seconds = 1.2;
        QCOMPARE(keras_log::epochLine(m), expected);
        QCOMPARE(keras_log::epochHeader(3, 5), QStringLiteral("Epoch 3/5"));
    }

    void initTestCase() { QCoreApplication::installTranslator(&m_plurals); }  // as the window's main does

    void outcomes_data() {
        QTest::addColumn<int>("reason");
        QTest::addColumn<int>("epochs");
        QTest::addColumn<int>("restored");
        QTest::addColumn<QString>("start");
        QTest::newRow("finished") << int(RunOutcome::Reason::completed) << 7 << 0 << "Finished: 7 epochs, best epoch 4";
        QTest::newRow("finished, 1 epoch")
            << int(RunOutcome::Reason::completed) << 1 << 0 << "Finished: 1 epoch, best epoch 4";
        QTest::newRow("early stop")
            << int(RunOutcome::Reason::callback) << 7 << 4
            << "Stopped early at epoch 7 and restored the weights of epoch 4: Epoch 7: early stopping (";
        QTest::newRow("early stop, nothing restored")
            << int(RunOutcome::Reason::callback) << 7 << 0 << "Stopped early at epoch 7: Epoch 7: early stopping (";
        QTest::newRow("user") << int(RunOutcome::Reason::user) << 7 << 0
                              << "Stopped by the user after 7 complete epochs";
        QTest::newRow("user, 1 epoch") << int(RunOutcome::Reason::user) << 1 << 0
                                       << "Stopped by the user after 1 complete epoch (";
        QTest::newRow("nan") << int(RunOutcome::Reason::diverged) << 7 << 0
                             << "Diverged with NaN: Epoch 7: early stopping";
    }
    void outcomes() {
        QFETCH(int, reason);
        QFETCH(int, epochs);
        QFETCH(int, restored);
        QFETCH(QString, start);
        RunOutcome o;
        o.reason = RunOutcome::Reason(reason);
        o.epochs_run = epochs;
        o.best_epoch = 4;
        o.restored_epoch = restored;
        o.message = QStringLiteral("Epoch 7: early stopping");
        const QString text = keras_log::outcome(o);
        QVERIFY2(text.startsWith(start), qPrintable(text));
    }

private:
    EnglishPlurals m_plurals;
};

QTEST_MAIN(TestKerasLog)
#include "tst_keras_log.moc"
