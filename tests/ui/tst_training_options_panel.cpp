// The training options panel: every uint64_t seed survives the round trip through the field (a double would
// round those above 2^53), and text that is not a seed is reported instead of being applied.
#include <QLineEdit>
#include <QtTest>

#include <limits>

#include "editor/training_options_panel.h"

class TestTrainingOptionsPanel : public QObject {
    Q_OBJECT
private slots:
    void seed_round_trip_data() {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("study") << quint64(13);
        QTest::newRow("2^53 + 1") << (quint64(1) << 53) + 1;
        QTest::newRow("largest") << std::numeric_limits<quint64>::max();
    }
    void seed_round_trip() {
        QFETCH(quint64, seed);
        TrainingOptionsPanel panel;
        mlpw::TrainingSpec in;
        in.seed = seed;
        panel.setSpec(in);
        mlpw::TrainingSpec out;
        panel.applyTo(out);
        QCOMPARE(quint64(out.seed), seed);
        QVERIFY(panel.entryProblems().empty());
    }
    void bad_seed_is_reported() {
        TrainingOptionsPanel panel;
        auto* field = panel.findChild<QLineEdit*>(QStringLiteral("seed"));
        QVERIFY(field);
        field->setText(QStringLiteral("18446744073709551616"));  // 2^64: 20 digits, but too large
        mlpw::TrainingSpec out;
        out.seed = 7;
        panel.applyTo(out);
        QCOMPARE(quint64(out.seed), quint64(7));  // left as it was
        QCOMPARE(panel.entryProblems().size(), size_t(1));
        QCOMPARE(panel.entryProblems().front().path, std::string("training.seed"));
    }
};

QTEST_MAIN(TestTrainingOptionsPanel)
#include "tst_training_options_panel.moc"
