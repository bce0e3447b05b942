#pragma once
// The runs table, a view of the RunStore (no copies of the records): one row per run, or, grouped, one row per
// setting (mlpw::group_by_setting: runs of one experiment that differ only in their seed, Repeat × N), its
// numbers as mean ± sd. The columns are the
// study's: name, what differs from the reference run (mlpw/experiment/experiment_diff.h), best epoch, val
// accuracy %, val loss, test accuracy %, epochs run, seconds, seed, and how the row's val accuracy compares to
// the reference's given both seed spreads (mlpw/report/seed_statistics.h). Sort through a QSortFilterProxyModel
// on kSortRole (numbers; missing values sort last either way round).
#include <QAbstractTableModel>
#include <QList>

#include <functional>
#include <vector>

#include "mlpw/report/run_groups.h"

class RunStore;

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        name,
        differs,
        best_epoch,
        val_accuracy,
        val_loss,
        test_accuracy,
        epochs,
        seconds,
        seed,
        spread,
        column_count
    };
    static constexpr int kSortRole = Qt::UserRole;

    explicit RunsTableModel(RunStore* store, QObject* parent = nullptr);

    void setGrouped(bool grouped);
    bool isGrouped() const { return m_grouped; }
    // The run the differs column compares with (a store index; -1: none, the column is empty).
    void setReference(int run);
    int reference() const { return m_reference; }
    // Renames a run from the name cell (the project renames its folder); false keeps the old name.
    void setRenamer(std::function<bool(int run, const QString& name)> renamer) { m_renamer = std::move(renamer); }

    // The store indices of a row's runs (one unless grouped), oldest first.
    const QList<int>& runsOf(int row) const { return m_rows.at(size_t(row)).runs; }
    int rowOf(int run) const;  // -1 when the run is not in the table

    // The rows given (in that order) as CSV (numbers in full) or a Markdown table (as shown).
    QString csv(const QList<int>& rows) const;
    QString markdown(const QList<int>& rows) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    struct Row {
        QList<int> runs;
        mlpw::RunGroup group;  // the runs' spreads
        QString differs;       // from the reference run
        QString verdict;       // against the reference's row
    };
    void rebuild();       // regroups (runs added, removed; grouping switched)
    void updateValues();  // the numbers and diffs of the rows as they stand (a live run's new epoch)
    void fillRow(Row& row) const;
    QString cellText(const Row& row, int column) const;
    bool validates(const Row& row) const;  // its runs hold out a validation split
    double sortValue(const Row& row, int column) const;

    RunStore* m_store;
    std::vector<Row> m_rows;
    bool m_grouped = false;
    int m_reference = -1;
    std::function<bool(int, const QString&)> m_renamer;
};
