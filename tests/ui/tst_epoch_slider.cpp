// The epoch slider follows the newest epoch until the person moves it back; back at the end it follows again;
// a run with fewer epochs (another run) is followed from its end.
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>

#include "inspect/epoch_slider.h"

class TestEpochSlider : public QObject {
    Q_OBJECT
private slots:
    void followsTheNewestUntilMoved() {
        EpochSlider slider;
        QSignalSpy spy(&slider, &EpochSlider::epochChanged);
        QCOMPARE(slider.epoch(), 0);
        slider.setEpochs(1);
        slider.setEpochs(2);
        slider.setEpochs(3);
        QCOMPARE(slider.epoch(), 3);
        QVERIFY(slider.following());
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.last().at(0).toInt(), 3);

        slider.slider()->setValue(1);  // the person looks back
        QVERIFY(!slider.following());
        QCOMPARE(slider.epoch(), 1);
        slider.setEpochs(4);
        slider.setEpochs(5);
        QCOMPARE(slider.epoch(), 1);  // stays where the person put it
        QCOMPARE(spy.last().at(0).toInt(), 1);

        slider.slider()->setValue(5);  // moved to the end: follows again
        QVERIFY(slider.following());
        slider.setEpochs(6);
        QCOMPARE(slider.epoch(), 6);
        QCOMPARE(spy.last().at(0).toInt(), 6);
    }
    void keyboardMovesCount() {
        EpochSlider slider;
        slider.setEpochs(4);
        QTest::keyClick(slider.slider(), Qt::Key_Left);
        QCOMPARE(slider.epoch(), 3);
        QVERIFY(!slider.following());
        QTest::keyClick(slider.slider(), Qt::Key_End);
        QVERIFY(slider.following());
    }
    void anotherRunIsFollowedFromItsEnd() {
        EpochSlider slider;
        slider.setEpochs(5);
        slider.slider()->setValue(2);
        slider.setEpochs(1);  // a new run's first epoch
        QVERIFY(slider.following());
        QCOMPARE(slider.epoch(), 1);
        slider.setEpochs(2);
        QCOMPARE(slider.epoch(), 2);
        slider.setEpochs(0);
        QCOMPARE(slider.epoch(), 0);
    }
};

QTEST_MAIN(TestEpochSlider)
#include "tst_epoch_slider.moc"
