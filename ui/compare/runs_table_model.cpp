#include "compare/runs_table_model.h"

#include <QFont>
#include <QStringList>

#include <cmath>

#include "mlpw/experiment/experiment_diff.h"
#include "mlpw/io/csv.h"
#include "run/run_store.h"

namespace {

QString text_of(const mlpw::Spread& spread, double scale, int decimals) {
    return QString::fromStdString(mlpw::mean_sd_text(spread, scale, decimals));
}

QString seeds_of(const RunStore& store, const QList<int>& runs) {
    QStringList seeds;
    for (int run : runs) seeds << QString::number(store.at(run)->experiment.training.seed);
    return seeds.join(QStringLiteral(", "));
}

}  // namespace

RunsTableModel::RunsTableModel(RunStore* store, QObject* parent) : QAbstractTableModel(parent), m_store(store) {
    connect(store, &RunStore::runAdded, this, &RunsTableModel::rebuild);
    connect(store, &RunStore::runRemoved, this, [this](int index) {
        if (m_reference == index) m_reference = -1;
        else if (m_reference > index) --m_reference;
        rebuild();
    });
    connect(store, &RunStore::runRenamed, this, [this](int run) {
        const int row = rowOf(run);
        if (row >= 0) emit dataChanged(this->index(row, name), this->index(row, name));
    });
    // A live run's new epoch (the store tells the current run's records) and its end.
    connect(store, &RunStore::currentChanged, this, &RunsTableModel::updateValues);
    connect(store, &RunStore::runFinished, this, &RunsTableModel::updateValues);
    rebuild();
}

void RunsTableModel::setGrouped(bool grouped) {
    if (grouped == m_grouped) return;
    m_grouped = grouped;
    rebuild();
}

void RunsTableModel::setReference(int run) {
    m_reference = run >= 0 && run < m_store->size() ? run : -1;
    updateValues();
}

int RunsTableModel::rowOf(int run) const {
    for (size_t r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].runs.contains(run)) return int(r);
    return -1;
}

void RunsTableModel::rebuild() {
    beginResetModel();
    m_rows.clear();
    std::vector<const mlpw::RunRecord*> records;
    for (int i = 0; i < m_store->size(); ++i) records.push_back(m_store->at(i).get());
    if (m_grouped) {
        for (const mlpw::RunGroup& group : mlpw::group_by_setting(records)) {
            Row row;
            for (size_t run : group.runs) row.runs << int(run);
            m_rows.push_back(std::move(row));
        }
    } else {
        for (int i = 0; i < m_store->size(); ++i) m_rows.push_back({{i}, {}, {}, {}});
    }
    endResetModel();
    updateValues();
}

void RunsTableModel::fillRow(Row& row) const {
    std::vector<const mlpw::RunRecord*> records;
    for (int run : row.runs) records.push_back(m_store->at(run).get());
    row.group = mlpw::group_by_setting(records).front();  // the row's runs are one setting
    row.differs.clear();
    row.verdict.clear();
    if (m_reference < 0) return;
    mlpw::ConfigDiffOptions options;
    if (m_grouped) options.ignored.push_back(mlpw::kSeedPath);  // a group's runs differ in their seeds
    const auto changes =
        mlpw::config_diff(m_store->at(m_reference)->experiment, m_store->at(row.runs.first())->experiment, options);
    row.differs = QString::fromStdString(mlpw::config_diff_text(changes));
}

void RunsTableModel::updateValues() {
    for (Row& row : m_rows) fillRow(row);
    const int referenceRow = m_reference < 0 ? -1 : rowOf(m_reference);
    for (size_t r = 0; r < m_rows.size() && referenceRow >= 0; ++r) {
        Row& row = m_rows[r];
        const Row& ref = m_rows[size_t(referenceRow)];
        if (int(r) == referenceRow) {
            row.verdict = tr("reference");
            continue;
        }
        const double delta = (row.group.val_accuracy.mean - ref.group.val_accuracy.mean) * 100.0;
        if (!std::isfinite(delta)) continue;
        const QString gap = tr("%1%2 pp").arg(delta >= 0 ? QStringLiteral("+") : QString()).arg(delta, 0, 'f', 2);
        const mlpw::SpreadVerdict verdict = mlpw::compare_spreads(row.group.val_accuracy, ref.group.val_accuracy);
        row.verdict = verdict == mlpw::SpreadVerdict::unknown
            ? gap
            : tr("%1: %2").arg(gap, QString::fromStdString(mlpw::verdict_text(verdict)));
    }
    if (!m_rows.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, column_count - 1));
}

int RunsTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int RunsTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : column_count; }

QString RunsTableModel::cellText(const Row& row, int column) const {
    const bool single = row.runs.size() == 1;
    switch (column) {
        case name: {
            const QString first = m_store->name(row.runs.first());
            return single ? first : tr("%1 (×%2)").arg(first).arg(row.runs.size());
        }
        case differs: return row.differs;
        case best_epoch:  // without validation no epoch is chosen (the test set is evaluated once, at the end)
            return validates(row) ? text_of(row.group.best_epoch, 1.0, single ? 0 : 1) : tr("none (test set)");
        case val_accuracy: return text_of(row.group.val_accuracy, 100.0, 2);
        case val_loss: return text_of(row.group.val_loss, 1.0, 4);
        case test_accuracy: return text_of(row.group.test_accuracy, 100.0, 2);
        case epochs: return text_of(row.group.epochs_run, 1.0, single ? 0 : 1);
        case seconds: return text_of(row.group.seconds, 1.0, 1);
        case seed: return seeds_of(*m_store, row.runs);
        case spread: return row.verdict;
    }
    return {};
}

bool RunsTableModel::validates(const Row& row) const { return m_store->at(row.runs.first())->validates(); }

double RunsTableModel::sortValue(const Row& row, int column) const {
    switch (column) {
        case best_epoch: return row.group.best_epoch.mean;
        case val_accuracy: return row.group.val_accuracy.mean;
        case val_loss: return row.group.val_loss.mean;
        case test_accuracy: return row.group.test_accuracy.mean;
        case epochs: return row.group.epochs_run.mean;
        case seconds: return row.group.seconds.mean;
        case seed: return double(m_store->at(row.runs.first())->experiment.training.seed);
        case spread:
            return row.group.val_accuracy.mean -
                (m_reference < 0 ? 0.0 : m_rows[size_t(rowOf(m_reference))].group.val_accuracy.mean);
    }
    return mlpw::ResultRow::kNone;
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& row = m_rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole: return cellText(row, column);
        case Qt::EditRole: return column == name ? m_store->name(row.runs.first()) : QVariant();
        case kSortRole: {
            if (column == name || column == differs) return cellText(row, column);
            const double value = sortValue(row, column);
            return std::isfinite(value) ? QVariant(value) : QVariant();  // missing: the proxy puts it last
        }
        case Qt::TextAlignmentRole:
            return column == name || column == differs || column == spread
                ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ToolTipRole:
            if (column == differs && !row.differs.isEmpty()) {
                mlpw::ConfigDiffOptions options;
                if (m_grouped) options.ignored.push_back(mlpw::kSeedPath);
                const auto changes = mlpw::config_diff(m_store->at(m_reference)->experiment,
                                                       m_store->at(row.runs.first())->experiment, options);
                return QString::fromStdString(mlpw::config_diff_text(changes, 0))
                    .replace(QStringLiteral("; "), QStringLiteral("\n"));
            }
            if (column == spread)
                return tr(
                    "Within the seed spread: |mean A − mean B| ≤ sd A + sd B of the val accuracies (two or "
                    "more runs each; Repeat × N makes them)");
            if (column == name && row.runs.contains(m_reference)) return tr("The reference run");
            if (!validates(row) && (column == best_epoch || column == val_accuracy || column == val_loss))
                return tr(
                    "No validation (validation_split 0): the test set is this run's evaluation, once, after "
                    "training; no epoch is chosen on it");
            return {};
        case Qt::FontRole:
            if (row.runs.contains(m_reference)) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
    }
    return {};
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case name: return tr("Name");
        case differs: return tr("Differs from the reference");
        case best_epoch: return tr("Best epoch");
        case val_accuracy: return tr("Val acc %");
        case val_loss: return tr("Val loss");
        case test_accuracy: return tr("Test acc %");
        case epochs: return tr("Epochs");
        case seconds: return tr("Seconds");
        case seed: return tr("Seed");
        case spread: return tr("Val acc vs reference");
    }
    return {};
}

Qt::ItemFlags RunsTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == name && index.row() < rowCount() && runsOf(index.row()).size() == 1 && m_renamer)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RunsTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || index.column() != name || !m_renamer || runsOf(index.row()).size() != 1) return false;
    return m_renamer(runsOf(index.row()).first(), value.toString());  // the store's runRenamed repaints the cell
}

QString RunsTableModel::csv(const QList<int>& rows) const {
    // Numbers in full (fractions, not percentages, as results.csv); a group's mean, with its sd in a column.
    QStringList lines{
        QStringLiteral("name,differs,best_epoch,val_accuracy,val_accuracy_sd,val_loss,val_loss_sd,"
                       "test_accuracy,test_accuracy_sd,epochs_run,seconds,seeds,runs")};
    const auto field = [](const QString& s) { return QString::fromStdString(mlpw::csv_field(s.toStdString())); };
    const auto number = [](double v) { return QString::fromStdString(mlpw::csv_number(v)); };
    for (int r : rows) {
        const Row& row = m_rows.at(size_t(r));
        const bool several = row.runs.size() > 1;
        const auto sd = [&](const mlpw::Spread& s) { return several ? number(s.sd) : QString(); };
        lines << QStringList{field(cellText(row, name)),
                             field(row.differs),
                             number(row.group.best_epoch.mean),
                             number(row.group.val_accuracy.mean),
                             sd(row.group.val_accuracy),
                             number(row.group.val_loss.mean),
                             sd(row.group.val_loss),
                             number(row.group.test_accuracy.mean),
                             sd(row.group.test_accuracy),
                             number(row.group.epochs_run.mean),
                             number(row.group.seconds.mean),
                             field(seeds_of(*m_store, row.runs)),
                             QString::number(row.runs.size())}
                     .join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString RunsTableModel::markdown(const QList<int>& rows) const {
    const auto cell = [](QString s) { return s.replace(QLatin1Char('|'), QStringLiteral("\\|")); };
    QStringList header, rule;
    for (int c = 0; c < column_count; ++c) {
        header << cell(headerData(c, Qt::Horizontal).toString());
        rule << (c == name || c == differs || c == spread ? QStringLiteral("---") : QStringLiteral("---:"));
    }
    QStringList lines{QStringLiteral("| %1 |").arg(header.join(QStringLiteral(" | "))),
                      QStringLiteral("| %1 |").arg(rule.join(QStringLiteral(" | ")))};
    for (int r : rows) {
        QStringList cells;
        for (int c = 0; c < column_count; ++c) cells << cell(cellText(m_rows.at(size_t(r)), c));
        lines << QStringLiteral("| %1 |").arg(cells.join(QStringLiteral(" | ")));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
