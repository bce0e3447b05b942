// The confusion matrix view: cell values (counts, row percentages) of the epoch shown, class names, the
// classification report beside it, and a click on a cell emits (true class, predicted class).
#include <QSignalSpy>
#include <QtTest>

#include "inspect/confusion_matrix_view.h"
#include "inspect_fixture.h"

class TestConfusionMatrixView : public QObject {
    Q_OBJECT
private slots:
    void cellValues_data() {
        QTest::addColumn<int>("epoch");
        QTest::addColumn<bool>("rowPercent");
        QTest::addColumn<int>("truth");
        QTest::addColumn<int>("predicted");
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");  // what the colour stands for
        QTest::newRow("count") << 1 << false << 0 << 1 << "3" << 3.0 / 8.0;
        QTest::newRow("largest count") << 1 << false << 1 << 1 << "8" << 1.0;
        QTest::newRow("zero") << 1 << false << 1 << 0 << "0" << 0.0;
        QTest::newRow("epoch 2") << 2 << false << 1 << 1 << "9" << 1.0;
        QTest::newRow("row percent") << 1 << true << 0 << 1 << "30.0" << 0.3;
        QTest::newRow("row percent, epoch 2") << 2 << true << 2 << 2 << "81.8" << 9.0 / 11.0;
    }
    void cellValues() {
        QFETCH(int, epoch);
        QFETCH(bool, rowPercent);
        QFETCH(int, truth);
        QFETCH(int, predicted);
        QFETCH(QString, text);
        QFETCH(double, value);
        ConfusionMatrixView view;
        view.setRecord(inspect_fixture::snapshot());
        view.setEpoch(epoch);
        view.setRowPercent(rowPercent);
        const ConfusionPicture& p = view.picture();
        QCOMPARE(p.size(), 3);
        QCOMPARE(p.classes, QStringList({"cat", "dog", "bird"}));
        QCOMPARE(p.cellText(truth, predicted), text);
        QVERIFY(std::abs(p.cellValue(truth, predicted) - value) < 1e-12);
        QVERIFY(p.title.contains(QString::number(epoch)));
    }

    // Precision and recall come from the classification report of the epoch's matrix.
    void reportBesideTheMatrix() {
        ConfusionMatrixView view;
        view.setRecord(inspect_fixture::snapshot());
        view.setEpoch(1);
        const auto& classes = view.picture().report.classes;
        QCOMPARE(classes.size(), size_t(3));
        QCOMPARE(classes[0].precision, 5.0 / 6.0);  // column cat: 5 + 0 + 1
        QCOMPARE(classes[1].recall, 8.0 / 10.0);
        QCOMPARE(classes[2].precision, 8.0 / 12.0);
    }

    void clickEmitsTrueAndPredicted_data() {
        QTest::addColumn<int>("truth");
        QTest::addColumn<int>("predicted");
        QTest::newRow("cat as dog") << 0 << 1;
        QTest::newRow("bird as cat") << 2 << 0;
        QTest::newRow("dog as dog") << 1 << 1;
    }
    void clickEmitsTrueAndPredicted() {
        QFETCH(int, truth);
        QFETCH(int, predicted);
        ConfusionMatrixView view;
        view.resize(600, 400);
        view.setRecord(inspect_fixture::snapshot());
        view.setEpoch(2);
        QSignalSpy spy(&view, &ConfusionMatrixView::cellActivated);
        const QRectF cell = view.cellRect(truth, predicted);
        QVERIFY(view.rect().contains(cell.toRect()));
        QTest::mouseClick(&view, Qt::LeftButton, {}, cell.center().toPoint());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), truth);
        QCOMPARE(spy.at(0).at(1).toInt(), predicted);
        // Outside the matrix (the title): nothing.
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(view.width() / 2, 2));
        QCOMPARE(spy.count(), 1);
    }

    void noValidationShowsNoCells() {
        mlpw::RunRecord record = inspect_fixture::record();
        for (auto& v : record.validation) v.confusion = mlpw::ConfusionMatrix();
        ConfusionMatrixView view;
        view.resize(400, 300);
        view.setRecord(std::make_shared<const mlpw::RunRecord>(record));
        view.setEpoch(1);
        QCOMPARE(view.picture().size(), 0);
        QSignalSpy spy(&view, &ConfusionMatrixView::cellActivated);
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.rect().center());
        QCOMPARE(spy.count(), 0);
    }
};

QTEST_MAIN(TestConfusionMatrixView)
#include "tst_confusion_matrix_view.moc"
