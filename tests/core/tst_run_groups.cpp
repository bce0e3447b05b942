// Run groups: runs that differ only in the seed are one setting (mean ± sd), others are rows that say what they
// change from the reference; the comparison names the best and applies the seed-spread rule.
#include <QtTest>

#include "mlpw/report/results_table.h"
#include "mlpw/report/run_groups.h"

using namespace mlpw;

namespace {

// A finished run: one epoch with the given validation accuracy, tested at `test`.
RunRecord run(const std::string& name, int units, uint64_t seed, double valAccuracy, double test = 0.9) {
    RunRecord r;
    r.experiment.name = name;
    LayerSpec dense;
    dense.type = LayerType::dense;
    dense.units = units;
    dense.activation = ActivationFn::relu;
    LayerSpec out = dense;
    out.units = 10;
    out.activation = ActivationFn::softmax;
    r.experiment.model.layers = {dense, out};
    r.experiment.training.seed = seed;
    EpochMetrics m;
    m.epoch = 1;
    m.has_validation = true;
    m.val_accuracy = valAccuracy;
    m.val_loss = 1 - valAccuracy;
    r.history = {m};
    r.best_epoch = 1;
    r.test.samples = 100;
    r.test.accuracy = test;
    r.seconds = 2.0;
    return r;
}

std::vector<const RunRecord*> pointers(const std::vector<RunRecord>& runs) {
    std::vector<const RunRecord*> out;
    for (const auto& r : runs) out.push_back(&r);
    return out;
}

}  // namespace

class TestRunGroups : public QObject {
    Q_OBJECT
private slots:
    void seedsFormOneGroup();
    void theNameSeparatesEqualSettings();
    void bestAndVerdict_data();
    void bestAndVerdict();
    void noValidationComparesTestAccuracy();
    void rowsQuoteTheKeptWeights();
};

// A row's val_* are those of the weights the run kept, like its test_*: the last epoch, or the restored one;
// never the best epoch's unless it was restored (the study's "more epochs" question reads overfitting off them).
void TestRunGroups::rowsQuoteTheKeptWeights() {
    RunRecord r = run("long", 512, 13, 0.97);
    EpochMetrics later = r.history[0];
    later.epoch = 2;
    later.val_accuracy = 0.96;
    later.val_loss = 0.08;  // worse than epoch 1's 0.03: epoch 1 stays the best
    r.history.push_back(later);
    QCOMPARE(result_row(1, "", r).val_accuracy, 0.96);
    QCOMPARE(result_row(1, "", r).val_loss, 0.08);
    QCOMPARE(result_row(1, "", r).best_epoch, 1);
    r.restored_epoch = 1;  // early stopping with restore_best_weights
    QCOMPARE(result_row(1, "", r).val_accuracy, 0.97);
}

void TestRunGroups::seedsFormOneGroup() {
    const std::vector<RunRecord> runs = {run("wide", 512, 13, 0.97), run("narrow", 256, 13, 0.96),
                                         run("wide", 512, 14, 0.98), run("narrow", 256, 14, 0.95)};
    const auto groups = group_by_setting(pointers(runs));
    QCOMPARE(groups.size(), size_t(2));
    QCOMPARE(groups[0].name, std::string("wide"));
    QCOMPARE(groups[0].runs, (std::vector<size_t>{0, 2}));
    QCOMPARE(groups[0].seeds, (std::vector<uint64_t>{13, 14}));
    QCOMPARE(groups[0].differs, std::string());
    QCOMPARE(groups[1].differs, std::string("model.layers[0].units: 512 → 256"));  // the seed is not a difference
    QCOMPARE(groups[0].val_accuracy.count, 2);
    QVERIFY(std::fabs(groups[0].val_accuracy.mean - 0.975) < 1e-12);
    QVERIFY(std::fabs(groups[1].val_accuracy.sd - std::sqrt(0.00005)) < 1e-12);
    QCOMPARE(groups[1].rows[1].varies, std::string("seed=14"));
    QCOMPARE(groups[1].rows[1].run, 4);
    QCOMPARE(groups[0].seconds.mean, 2.0);
}

void TestRunGroups::theNameSeparatesEqualSettings() {
    const std::vector<RunRecord> runs = {run("epochs_15", 512, 13, 0.97), run("epochs_30", 512, 13, 0.97)};
    QCOMPARE(group_by_setting(pointers(runs)).size(), size_t(2));
    QCOMPARE(group_by_setting({}).size(), size_t(0));
}

void TestRunGroups::bestAndVerdict_data() {
    QTest::addColumn<QList<double>>("wide");
    QTest::addColumn<QList<double>>("narrow");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("within") << QList<double>{0.976, 0.979} << QList<double>{0.975, 0.978}
                            << "Best: wide, val_accuracy 97.75 ± 0.21 % (2 seeds); the runner-up narrow (97.65 ± "
                               "0.21 %, 2 seeds) is within the seed spread: the difference may be noise.";
    QTest::newRow("exceeds") << QList<double>{0.960, 0.961} << QList<double>{0.975, 0.976}
                             << "Best: narrow, val_accuracy 97.55 ± 0.07 % (2 seeds); the runner-up wide (96.05 ± "
                                "0.07 %, 2 seeds): the difference exceeds the seed spread.";
    QTest::newRow("one seed")
        << QList<double>{0.97} << QList<double>{0.96}
        << "Best: wide, val_accuracy 97.00 % (1 run); the runner-up narrow (96.00 %, 1 run): "
           "with fewer than 2 runs per setting the seed spread is unknown (repeat with --seeds 3).";
}

void TestRunGroups::bestAndVerdict() {
    QFETCH(QList<double>, wide);
    QFETCH(QList<double>, narrow);
    QFETCH(QString, sentence);
    std::vector<RunRecord> runs;
    for (int i = 0; i < wide.size(); ++i) runs.push_back(run("wide", 512, 13 + i, wide[i]));
    for (int i = 0; i < narrow.size(); ++i) runs.push_back(run("narrow", 256, 13 + i, narrow[i]));
    const GroupComparison c = compare_groups(group_by_setting(pointers(runs)));
    QCOMPARE(QString::fromStdString(c.sentence), sentence);
    QCOMPARE(c.metric, std::string("val_accuracy"));
}

void TestRunGroups::noValidationComparesTestAccuracy() {
    std::vector<RunRecord> runs = {run("a", 512, 13, 0.9, 0.95), run("b", 256, 13, 0.99, 0.91)};
    for (auto& r : runs) r.history[0].has_validation = false;
    const GroupComparison c = compare_groups(group_by_setting(pointers(runs)));
    QCOMPARE(c.metric, std::string("test_accuracy"));
    QCOMPARE(c.best, std::optional<size_t>(0));
    QCOMPARE(c.runner_up, std::optional<size_t>(1));
    QCOMPARE(compare_groups({}).best, std::nullopt);
}

QTEST_APPLESS_MAIN(TestRunGroups)
#include "tst_run_groups.moc"
