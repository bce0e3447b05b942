// The sample digits panel: the record's fixed panel with each image's predicted class and confidence at the
// epoch shown, wrong ones marked; the images are the panel's pixels.
#include <QtTest>

#include "inspect/sample_digits_panel.h"
#include "inspect_fixture.h"

class TestSampleDigitsPanel : public QObject {
    Q_OBJECT
private slots:
    void marksWrongPredictions_data() {
        QTest::addColumn<int>("epoch");
        QTest::addColumn<QList<int>>("predicted");
        QTest::addColumn<QList<bool>>("wrong");
        QTest::addColumn<float>("confidenceOfSecond");
        QTest::newRow("epoch 1") << 1 << QList<int>{0, 1, 1, 0} << QList<bool>{false, true, false, true} << 0.6f;
        QTest::newRow("epoch 2") << 2 << QList<int>{0, 0, 1, 2} << QList<bool>{false, false, false, false} << 0.6f;
    }
    void marksWrongPredictions() {
        QFETCH(int, epoch);
        QFETCH(QList<int>, predicted);
        QFETCH(QList<bool>, wrong);
        QFETCH(float, confidenceOfSecond);
        SampleDigitsPanel panel;
        panel.setRecord(inspect_fixture::snapshot());
        panel.setEpoch(epoch);
        const SampleDigitsPicture& p = panel.picture();
        QCOMPARE(p.digits.size(), size_t(4));
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(p.digits[size_t(i)].predicted, predicted[i]);
            QCOMPARE(p.digits[size_t(i)].wrong(), wrong[i]);
        }
        QCOMPARE(p.digits[1].confidence, confidenceOfSecond);
        QCOMPARE(p.wrongCount(), int(wrong.count(true)));
        QVERIFY(p.title.contains(QStringLiteral("%1 of 4 right").arg(4 - wrong.count(true))));
    }
    void imagesAreThePanelPixels() {
        SampleDigitsPanel panel;
        panel.setRecord(inspect_fixture::snapshot());
        panel.setEpoch(1);
        const QImage& image = panel.picture().digits[1].image;
        QCOMPARE(image.size(), QSize(2, 2));
        QCOMPARE(qGray(image.pixel(0, 0)), 10);
        QCOMPARE(qGray(image.pixel(1, 1)), 40);
        QCOMPARE(panel.picture().digits[3].label, 2);
    }
    void anEpochWithoutPredictionsMarksNothing() {
        SampleDigitsPanel panel;
        panel.setRecord(inspect_fixture::snapshot());
        panel.setEpoch(3);  // not run
        QCOMPARE(panel.picture().digits.size(), size_t(4));
        QCOMPARE(panel.picture().digits[1].predicted, -1);
        QCOMPARE(panel.picture().wrongCount(), 0);
    }
};

QTEST_MAIN(TestSampleDigitsPanel)
#include "tst_sample_digits_panel.moc"
