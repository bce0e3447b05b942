// Seed statistics: spreads with known values (numpy's mean and std(ddof=1)), per-epoch bands over histories of
// different lengths, and the "within the seed spread" rule at and around its edge.
#include <QtTest>

#include <cmath>

#include "mlpw/errors.h"
#include "mlpw/report/seed_statistics.h"

using namespace mlpw;

namespace {

// A history of val_loss values (validation on), loss = 10 * val_loss.
std::vector<EpochMetrics> history(const std::vector<double>& val_losses) {
    std::vector<EpochMetrics> out;
    for (size_t i = 0; i < val_losses.size(); ++i) {
        EpochMetrics m;
        m.epoch = static_cast<int>(i) + 1;
        m.has_validation = true;
        m.val_loss = val_losses[i];
        m.loss = 10 * val_losses[i];
        out.push_back(m);
    }
    return out;
}

Spread spread(double mean, double sd, int count) {
    Spread s;
    s.mean = mean, s.sd = sd, s.count = count, s.min = mean - sd, s.max = mean + sd;
    return s;
}

}  // namespace

class TestSeedStatistics : public QObject {
    Q_OBJECT
private slots:
    void knownValues();
    void missingValuesAreSkipped();
    void resultColumns();
    void bandsOverUnequalHistories();
    void bandsNeedAKnownMetric();
    void verdict_data();
    void verdict();
    void meanSdText();
};

void TestSeedStatistics::knownValues() {
    const Spread s = spread_of({0.9752, 0.9761, 0.9740});
    QCOMPARE(s.count, 3);
    QVERIFY(std::fabs(s.mean - 0.975100) < 1e-12);
    QVERIFY(std::fabs(s.sd - 0.0010535653752852) < 1e-12);  // numpy.std([...], ddof=1)
    QCOMPARE(s.min, 0.9740);
    QCOMPARE(s.max, 0.9761);
    // Far from zero: no cancellation (two passes).
    const Spread t = spread_of({1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4});
    QVERIFY(std::fabs(t.sd - std::sqrt(5.0 / 3.0)) < 1e-6);
}

void TestSeedStatistics::missingValuesAreSkipped() {
    const Spread one = spread_of({ResultRow::kNone, 2.0});
    QCOMPARE(one.count, 1);
    QCOMPARE(one.mean, 2.0);
    QCOMPARE(one.sd, 0.0);
    const Spread none = spread_of({ResultRow::kNone});
    QCOMPARE(none.count, 0);
    QVERIFY(std::isnan(none.mean) && std::isnan(none.sd) && std::isnan(none.min));
    QCOMPARE(spread_of({}).count, 0);
}

void TestSeedStatistics::resultColumns() {
    std::vector<ResultRow> rows(3);
    rows[0].val_accuracy = 0.97, rows[0].seconds = 2.0;
    rows[1].val_accuracy = 0.98, rows[1].seconds = 4.0;
    rows[2].seconds = 6.0;  // no validation
    QCOMPARE(column_spread(rows, ResultColumn::val_accuracy).count, 2);
    QVERIFY(std::fabs(column_spread(rows, ResultColumn::val_accuracy).mean - 0.975) < 1e-12);
    QCOMPARE(column_spread(rows, ResultColumn::seconds).mean, 4.0);
    QCOMPARE(column_spread(rows, ResultColumn::seconds).sd, 2.0);
    QCOMPARE(column_spread(rows, ResultColumn::varies).count, 0);  // not a number
}

void TestSeedStatistics::bandsOverUnequalHistories() {
    // Three seeds; early stopping ended the second after 2 epochs, the third after 1.
    const auto bands = epoch_bands({history({0.3, 0.2, 0.15}), history({0.5, 0.4}), history({0.4})}, "val_loss");
    QCOMPARE(bands.size(), size_t(3));
    QCOMPARE(bands[0].epoch, 1);
    QCOMPARE(bands[0].spread.count, 3);
    QVERIFY(std::fabs(bands[0].spread.mean - 0.4) < 1e-12);
    QVERIFY(std::fabs(bands[0].spread.sd - 0.1) < 1e-12);
    QCOMPARE(bands[0].spread.min, 0.3);
    QCOMPARE(bands[0].spread.max, 0.5);
    QCOMPARE(bands[1].spread.count, 2);
    QVERIFY(std::fabs(bands[1].spread.mean - 0.3) < 1e-12);
    QCOMPARE(bands[2].epoch, 3);
    QCOMPARE(bands[2].spread.count, 1);
    QCOMPARE(bands[2].spread.sd, 0.0);
    // loss is there too; without validation no val_ band at all.
    QVERIFY(std::fabs(epoch_bands({history({0.3})}, "loss")[0].spread.mean - 3.0) < 1e-12);
    auto noValidation = history({0.3, 0.2});
    for (auto& m : noValidation) m.has_validation = false;
    QCOMPARE(epoch_bands({noValidation}, "val_accuracy").size(), size_t(0));
    QCOMPARE(epoch_bands({}, "loss").size(), size_t(0));
}

void TestSeedStatistics::bandsNeedAKnownMetric() {
    QString message;
    try {
        epoch_bands({history({0.3})}, "val_acc");
    } catch (const Error& e) {
        message = e.what();
    }
    QVERIFY2(message.contains("'val_acc'") && message.contains("val_accuracy"), qPrintable(message));
}

void TestSeedStatistics::verdict_data() {
    QTest::addColumn<double>("meanA");
    QTest::addColumn<double>("sdA");
    QTest::addColumn<int>("countA");
    QTest::addColumn<double>("meanB");
    QTest::addColumn<double>("sdB");
    QTest::addColumn<int>("countB");
    QTest::addColumn<int>("verdict");
    using V = SpreadVerdict;
    // The study's 0.2 % apart: noise when each seed moves 0.15 %.
    QTest::newRow("0.2% apart, sd 0.15% each") << 0.976 << 0.0015 << 3 << 0.978 << 0.0015 << 3 << int(V::within_spread);
    QTest::newRow("0.2% apart, sd 0.05% each")
        << 0.976 << 0.0005 << 3 << 0.978 << 0.0005 << 3 << int(V::exceeds_spread);
    QTest::newRow("exactly the sum is within") << 1.0 << 0.25 << 2 << 1.5 << 0.25 << 2 << int(V::within_spread);
    QTest::newRow("order does not matter") << 1.5 << 0.1 << 2 << 1.0 << 0.1 << 2 << int(V::exceeds_spread);
    QTest::newRow("one run on a side") << 0.976 << 0.0 << 1 << 0.99 << 0.001 << 3 << int(V::unknown);
}

void TestSeedStatistics::verdict() {
    QFETCH(double, meanA);
    QFETCH(double, sdA);
    QFETCH(int, countA);
    QFETCH(double, meanB);
    QFETCH(double, sdB);
    QFETCH(int, countB);
    QFETCH(int, verdict);
    QCOMPARE(int(compare_spreads(spread(meanA, sdA, countA), spread(meanB, sdB, countB))), verdict);
}

void TestSeedStatistics::meanSdText() {
    QCOMPARE(QString::fromStdString(mean_sd_text(spread_of({0.9752, 0.9761, 0.9740}), 100, 2)), "97.51 ± 0.11");
    QCOMPARE(QString::fromStdString(mean_sd_text(spread_of({0.0712}), 1, 4)), "0.0712");
    QCOMPARE(QString::fromStdString(mean_sd_text(spread_of({}), 1, 4)), "-");
    QCOMPARE(QString::fromStdString(verdict_text(SpreadVerdict::within_spread)), "within the seed spread");
}

QTEST_APPLESS_MAIN(TestSeedStatistics)
#include "tst_seed_statistics.moc"
