// The runs table: sorting by any column (missing values last either way), the differs column against the
// reference (mlpw::config_diff), Repeat × N groups with mean ± sd over recorded histories and the seed-spread
// verdict, CSV and Markdown copies.
#include <QSortFilterProxyModel>
#include <QtTest>

#include "compare/runs_sort_proxy.h"
#include "compare/runs_table_model.h"
#include "run/run_store.h"
#include "run_fixtures.h"

using fixtures::recorded;
using fixtures::tinySpec;

namespace {

mlpw::ExperimentSpec sgdSpec(uint64_t seed) {
    mlpw::ExperimentSpec s = tinySpec(seed);
    s.optimizer = mlpw::defaults_for(mlpw::OptimizerType::sgd);
    s.optimizer.momentum = 0.9f;
    return s;
}

QStringList column(const QAbstractItemModel& model, int column) {
    QStringList cells;
    for (int r = 0; r < model.rowCount(); ++r) cells << model.index(r, column).data().toString();
    return cells;
}

}  // namespace

class TestRunsTable : public QObject {
    Q_OBJECT
private slots:
    void sortsByAnyColumnMissingLast() {
        RunStore store;
        store.add(recorded(tinySpec(1), {0.90, 0.95}, 0.94), QStringLiteral("b"));
        store.add(recorded(tinySpec(2), {0.97, 0.96}), QStringLiteral("a"));  // not tested
        store.add(recorded(tinySpec(3), {0.80, 0.93}, 0.92), QStringLiteral("c"));
        RunsTableModel model(&store);
        RunsSortProxy proxy;
        proxy.setSourceModel(&model);
        // Val acc % is the kept weights' (the last epoch here), not the best epoch's: a's best epoch is its first.
        QCOMPARE(column(model, RunsTableModel::val_accuracy), (QStringList{"95.00", "96.00", "93.00"}));
        proxy.sort(RunsTableModel::val_accuracy, Qt::DescendingOrder);
        QCOMPARE(column(proxy, RunsTableModel::name), (QStringList{"a", "b", "c"}));
        proxy.sort(RunsTableModel::name, Qt::AscendingOrder);
        QCOMPARE(column(proxy, RunsTableModel::name), (QStringList{"a", "b", "c"}));
        proxy.sort(RunsTableModel::seed, Qt::DescendingOrder);
        QCOMPARE(column(proxy, RunsTableModel::name), (QStringList{"c", "a", "b"}));
        proxy.sort(RunsTableModel::best_epoch, Qt::AscendingOrder);
        QCOMPARE(column(proxy, RunsTableModel::best_epoch), (QStringList{"1", "2", "2"}));
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(RunsTableModel::test_accuracy, order);
            QCOMPARE(column(proxy, RunsTableModel::name).last(), QStringLiteral("a"));  // "-": last both ways
            QCOMPARE(column(proxy, RunsTableModel::test_accuracy).last(), QStringLiteral("-"));
        }
    }

    void differsColumnNamesTheChangesFromTheReference() {
        RunStore store;
        store.add(recorded(tinySpec(1), {0.9}), QStringLiteral("adam"));
        store.add(recorded(sgdSpec(1), {0.9}), QStringLiteral("sgd"));
        mlpw::ExperimentSpec wide = tinySpec(1);
        wide.model.layers[0].units = 8;
        store.add(recorded(wide, {0.9}), QStringLiteral("wide"));
        RunsTableModel model(&store);
        QCOMPARE(column(model, RunsTableModel::differs), (QStringList{"", "", ""}));  // no reference yet
        model.setReference(0);
        const QStringList differs = column(model, RunsTableModel::differs);
        QCOMPARE(differs[0], QString());
        QVERIFY2(differs[1].startsWith(QStringLiteral("optimizer: adam → sgd(")), qPrintable(differs[1]));
        QVERIFY2(differs[1].contains(QStringLiteral("momentum=0.9")), qPrintable(differs[1]));
        QCOMPARE(differs[2], QStringLiteral("model.layers[0].units: 5 → 8"));
        // The reference deleted: the column empties.
        store.remove(0);
        QCOMPARE(model.reference(), -1);
        QCOMPARE(column(model, RunsTableModel::differs), (QStringList{"", ""}));
    }

    void repeatGroupsShowMeanAndSdAndTheVerdict() {
        RunStore store;
        // Three seeds of adam: val acc 0.96, 0.97, 0.98 (mean 97.00, sd 1.00); two of sgd 0.975 and 0.985 (mean
        // 98.00, sd 0.71): |97.00 - 98.00| <= 1.00 + 0.71, within the spread. A third, 0.90 and 0.91: exceeds.
        store.add(recorded(tinySpec(13), {0.96}), QStringLiteral("adam"));
        store.add(recorded(sgdSpec(13), {0.975}), QStringLiteral("sgd"));
        store.add(recorded(tinySpec(14), {0.97}), QStringLiteral("adam 2"));
        store.add(recorded(sgdSpec(14), {0.985}), QStringLiteral("sgd 2"));
        store.add(recorded(tinySpec(15), {0.98}), QStringLiteral("adam 3"));
        mlpw::ExperimentSpec narrow = tinySpec(13);
        narrow.model.layers[0].units = 2;
        store.add(recorded(narrow, {0.90}), QStringLiteral("narrow"));
        narrow.training.seed = 14;
        store.add(recorded(narrow, {0.91}), QStringLiteral("narrow 2"));

        RunsTableModel model(&store);
        QCOMPARE(model.rowCount(), 7);
        model.setGrouped(true);
        model.setReference(0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.runsOf(0), (QList<int>{0, 2, 4}));
        QCOMPARE(model.runsOf(1), (QList<int>{1, 3}));
        QCOMPARE(model.runsOf(2), (QList<int>{5, 6}));
        QCOMPARE(column(model, RunsTableModel::name), (QStringList{"adam (×3)", "sgd (×2)", "narrow (×2)"}));
        QCOMPARE(column(model, RunsTableModel::val_accuracy),
                 (QStringList{"97.00 ± 1.00", "98.00 ± 0.71", "90.50 ± 0.71"}));
        QCOMPARE(column(model, RunsTableModel::seed), (QStringList{"13, 14, 15", "13, 14", "13, 14"}));
        const QStringList verdicts = column(model, RunsTableModel::spread);
        QCOMPARE(verdicts[0], QStringLiteral("reference"));
        QCOMPARE(verdicts[1], QStringLiteral("+1.00 pp: within the seed spread"));
        QCOMPARE(verdicts[2], QStringLiteral("-6.50 pp: exceeds the seed spread"));
        // Grouped, the seed is not a difference.
        QVERIFY(column(model, RunsTableModel::differs)[1].startsWith(QStringLiteral("optimizer: adam → sgd(")));
        QVERIFY(!column(model, RunsTableModel::differs)[1].contains(QStringLiteral("seed")));
    }

    void copiesAsCsvAndMarkdown() {
        RunStore store;
        store.add(recorded(tinySpec(1), {0.9, 0.95}, 0.94), QStringLiteral("one, with a comma"));
        store.add(recorded(tinySpec(2), {0.8}), QStringLiteral("two|pipe"));
        RunsTableModel model(&store);
        const QStringList csv = model.csv({1, 0}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(csv.size(), 3);
        QVERIFY(csv[0].startsWith(QStringLiteral("name,differs,best_epoch,val_accuracy,")));
        QVERIFY2(csv[1].startsWith(QStringLiteral("two|pipe,,1,0.8,,0.19")), qPrintable(csv[1]));
        QVERIFY2(csv[2].startsWith(QStringLiteral("\"one, with a comma\",,2,0.95,,0.05")), qPrintable(csv[2]));
        const QStringList md = model.markdown({0, 1}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(md.size(), 4);
        QVERIFY(md[0].startsWith(QStringLiteral("| Name | Differs from the reference | Best epoch | Val acc % |")));
        QVERIFY(md[1].startsWith(QStringLiteral("| --- | --- | ---: |")));
        QVERIFY2(md[3].startsWith(QStringLiteral("| two\\|pipe |  | 1 | 80.00 |")), qPrintable(md[3]));
    }
};

QTEST_MAIN(TestRunsTable)
#include "tst_runs_table.moc"
