// The training log's wording: Keras fit's epoch lines and the status bar's sentence for each way a run ends.
#include <QtTest>

#include "keras_log.h"

class TestKerasLog : public QObject {
    Q_OBJECT
private slots:
    void epochLine_data() {
        QTest::addColumn<double>("trainSeconds");
        QTest::addColumn<bool>("validation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fast steps") << 0.985 << true
                                    << "1407/1407 [==============================] - 1s 0.7ms/step - accuracy: 0.9821 - loss: 0.0574 - val_accuracy: 0.9741 - val_loss: 0.0853";
        QTest::newRow("slow steps") << 28.14 << true
                                    << "1407/1407 [==============================] - 1s 20ms/step - accuracy: 0.9821 - loss: 0.0574 - val_accuracy: 0.9741 - val_loss: 0.0853";
        QTest::newRow("no validation") << 4.36 << false << "1407/1407 [==============================] - 1s 3.1ms/step - accuracy: 0.9821 - loss: 0.0574";
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

    void outcomes_data() {
        QTest::addColumn<int>("reason");
        QTest::addColumn<int>("restored");
        QTest::addColumn<QString>("start");
        QTest::newRow("finished") << int(RunOutcome::Reason::completed) << 0 << "Finished: 7 epochs, best epoch 4";
        QTest::newRow("early stop") << int(RunOutcome::Reason::callback) << 4
                                    << "Stopped early at epoch 7 and restored the weights of epoch 4: Epoch 7: early stopping";
        QTest::newRow("user") << int(RunOutcome::Reason::user) << 0 << "Stopped by the user after 7 complete epochs";
        QTest::newRow("nan") << int(RunOutcome::Reason::diverged) << 0 << "Diverged with NaN: Epoch 7: early stopping";
    }
    void outcomes() {
        QFETCH(int, reason);
        QFETCH(int, restored);
        QFETCH(QString, start);
        RunOutcome o;
        o.reason = RunOutcome::Reason(reason);
        o.epochs_run = 7;
        o.best_epoch = 4;
        o.restored_epoch = restored;
        o.message = QStringLiteral("Epoch 7: early stopping");
        const QString text = keras_log::outcome(o);
        QVERIFY2(text.startsWith(start), qPrintable(text));
    }
};

QTEST_MAIN(TestKerasLog)
#include "tst_keras_log.moc"
