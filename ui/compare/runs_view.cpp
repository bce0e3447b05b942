#include "compare/runs_view.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "compare/overlay_view.h"
#include "compare/run_project.h"
#include "compare/run_queue.h"
#include "compare/runs_overlay.h"
#include "compare/runs_sort_proxy.h"
#include "compare/runs_table_model.h"
#include "compare/sweep_plot.h"
#include "export/figure_export.h"
#include "run/run_store.h"

namespace {

QToolButton* tool_button(const QString& text, const QString& tip, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

QString duration_text(double seconds) {
    const int s = int(seconds + 0.5);
    return s >= 60 ? QCoreApplication::translate("RunsView", "%1 min %2 s").arg(s / 60).arg(s % 60)
                   : QCoreApplication::translate("RunsView", "%1 s").arg(s);
}

}  // namespace

RunsView::RunsView(RunStore* store, RunProject* project, RunQueue* queue, QWidget* parent)
    : QWidget(parent), m_store(store), m_project(project), m_queue(queue), m_model(new RunsTableModel(store, this)),
      m_proxy(new RunsSortProxy(this)), m_table(new QTableView(this)), m_plots(new QTabWidget(this)),
      m_overlay(new OverlayView(this)), m_sweepChart(new OverlayView(this)), m_metric(new QComboBox(this)),
      m_band(new QComboBox(this)), m_grouped(new QCheckBox(tr("&Group seeds"), this)), m_reference(new QLabel(this)),
      m_queueText(new QLabel(this)), m_queueBar(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)) {
    m_model->setRenamer([this](int run, const QString& name) {
        if (m_project->renameRun(run, name)) return true;
        QMessageBox::warning(this, tr("Cannot rename the run"),
                             tr("“%1” is taken by another run or cannot be a folder name.").arg(name));
        return false;
    });
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);  // the store's order until a header is clicked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RunsTableModel::differs, QHeaderView::Interactive);
    m_table->setColumnWidth(RunsTableModel::differs, 260);
    m_table->setWordWrap(false);

    for (const std::string& metric : overlay_metrics()) m_metric->addItem(QString::fromStdString(metric));
    m_metric->setToolTip(tr("The metric the overlay shows (Keras' history names)"));
    m_band->addItem(tr("±1 sd band"));
    m_band->addItem(tr("min–max band"));
    m_band->setToolTip(tr("The band around a seed group's mean line"));
    m_grouped->setToolTip(tr("One row per experiment run with several seeds (Repeat × N): mean ± sd"));

    // Above the table: the reference, the grouping, the table's export; beside the plots' tabs: what they show.
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    m_reference->setMinimumWidth(60);
    bar->addWidget(m_reference, 1);
    bar->addWidget(m_grouped);
    QToolButton* tableButton = tool_button(tr("Export table…"), tr("The table as CSV"), this);
    bar->addWidget(tableButton);
    auto* plotBar = new QWidget(this);
    auto* plotLayout = new QHBoxLayout(plotBar);
    plotLayout->setContentsMargins(0, 0, 4, 0);
    plotLayout->addWidget(m_metric);
    plotLayout->addWidget(m_band);
    QToolButton* plotButton = tool_button(tr("Export plot…"), tr("The plot shown as PNG or SVG"), this);
    plotLayout->addWidget(plotButton);

    m_plots->setDocumentMode(true);
    m_plots->addTab(m_overlay, tr("Overlay"));
    m_plots->addTab(m_sweepChart, tr("Sweep"));
    m_plots->setCornerWidget(plotBar, Qt::TopRightCorner);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_plots);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    auto* queueRow = new QHBoxLayout;
    queueRow->setContentsMargins(4, 2, 4, 2);
    queueRow->addWidget(m_queueText, 1);
    queueRow->addWidget(m_queueBar, 1);
    queueRow->addWidget(m_cancel);
    m_cancel->setToolTip(tr("Stop the current run and drop the queued ones"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addLayout(queueRow);

    buildActions();
    connect(plotButton, &QToolButton::clicked, this,
            [this] { exportPlot(m_plots->currentWidget() == m_sweepChart ? m_sweepChart : m_overlay); });
    connect(tableButton, &QToolButton::clicked, this, &RunsView::exportTable);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        updateOverlay();
        updateSweep();
    });
    connect(m_band, &QComboBox::currentIndexChanged, this, &RunsView::updateOverlay);
    connect(m_grouped, &QCheckBox::toggled, this, [this](bool on) { m_model->setGrouped(on); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QList<int> runs = selectedRuns();
        if (runs.size() == 1 && !m_store->hasLiveRun()) m_store->setCurrentIndex(runs.first());
        updateOverlay();
    });
    // A reset (runs added or removed, regrouping) keeps the selected runs selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keptSelection = selectedRuns(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        selectRuns(m_keptSelection);
        updateOverlay();
        updateSweep();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        const int ref = m_model->reference();
        m_reference->setText(ref < 0 ? tr("Reference: none")
                                     : tr("Reference: <b>%1</b>").arg(m_store->name(ref).toHtmlEscaped()));
    });
    connect(m_store, &RunStore::runFinished, this, [this] {
        updateOverlay();
        updateSweep();
    });
    connect(m_queue, &RunQueue::progressChanged, this, &RunsView::updateQueue);
    connect(m_queue, &RunQueue::ended, this, &RunsView::updateQueue);
    connect(m_cancel, &QPushButton::clicked, m_queue, &RunQueue::cancel);
    m_reference->setText(tr("Reference: none"));
    m_reference->setToolTip(tr("Right-click a run: Set as reference; the Differs column compares with it"));
    updateQueue();
    updateOverlay();
}

void RunsView::buildActions() {
    const auto add = [this](const QString& text, const QKeySequence& keys, auto slot) {
        auto* a = new QAction(text, m_table);
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WidgetShortcut);
        connect(a, &QAction::triggered, this, slot);
        m_table->addAction(a);
        return a;
    };
    add(tr("&Rename…"), QKeySequence(Qt::Key_F2), [this] {
        const QList<int> runs = selectedRuns();
        if (runs.size() != 1) return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename the run"), tr("Name:"), QLineEdit::Normal,
                                                   m_store->name(runs.first()), &ok);
        if (ok) m_model->setData(m_model->index(m_model->rowOf(runs.first()), RunsTableModel::name), name);
    });
    add(tr("&Delete…"), QKeySequence::Delete, [this] { deleteRuns(selectedRuns()); });
    add(tr("&New experiment from this run"), {}, [this] {
        const QList<int> runs = selectedRuns();
        if (!runs.isEmpty()) emit newExperimentRequested(m_store->at(runs.first())->experiment);
    });
    add(tr("Set as &reference"), {}, [this] {
        const QList<int> runs = selectedRuns();
        if (!runs.isEmpty()) m_model->setReference(runs.first());
    });
    auto* separator = new QAction(m_table);
    separator->setSeparator(true);
    m_table->addAction(separator);
    add(tr("&Copy as CSV"), QKeySequence::Copy, [this] { copyText(false); });
    add(tr("Copy as &Markdown"), {}, [this] { copyText(true); });
}

QList<int> RunsView::selectedRows() const {
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows()) rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<int> model;
    for (int row : rows) model << m_proxy->mapToSource(m_proxy->index(row, 0)).row();
    return model;
}

QList<int> RunsView::selectedRuns() const {
    QList<int> runs;
    for (int row : selectedRows()) runs << m_model->runsOf(row);
    return runs;
}

void RunsView::selectRuns(const QList<int>& runs) {
    QItemSelection selection;
    for (int run : runs) {
        const int row = m_model->rowOf(run);
        if (row < 0) continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        selection.select(index, index);
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RunsView::setMetric(const std::string& metric) { m_metric->setCurrentText(QString::fromStdString(metric)); }
void RunsView::setGrouped(bool grouped) { m_grouped->setChecked(grouped); }

QList<int> RunsView::allRowsInOrder() const {
    QList<int> rows;
    for (int r = 0; r < m_proxy->rowCount(); ++r) rows << m_proxy->mapToSource(m_proxy->index(r, 0)).row();
    return rows;
}

QString RunsView::tableCsv() const { return m_model->csv(allRowsInOrder()); }

void RunsView::updateOverlay() {
    std::vector<OverlayRow> rows;
    for (int row : selectedRows())
        rows.push_back({m_model->index(row, RunsTableModel::name).data().toString(), m_model->runsOf(row)});
    OverlayData data;
    if (rows.empty()) data.title = tr("Select runs in the table to overlay their curves");
    else
        data = runs_overlay(*m_store, rows, m_metric->currentText().toStdString(),
                            m_band->currentIndex() == 1 ? BandKind::min_max : BandKind::sd);
    m_overlay->setData(data);
}

void RunsView::showSweep(const mlpw::ExperimentSpec& base, const std::string& field) {
    m_sweepBase = base;
    m_sweepField = field;
    updateSweep();
    m_plots->setCurrentWidget(m_sweepChart);
}

void RunsView::updateSweep() {
    OverlayData data;
    if (m_sweepBase) {
        const std::string metric = m_metric->currentText().toStdString();
        using C = mlpw::ResultColumn;
        const C column = metric == "val_loss" ? C::val_loss
            : metric == "val_accuracy"        ? C::val_accuracy
                                              : C::test_accuracy;
        data = sweep_plot(*m_store, *m_sweepBase, m_sweepField, column);
    }
    if (data.curves.empty())
        data.title = m_sweepBase ? tr("No finished runs of the sweep over %1 with numeric values yet")
                                       .arg(QString::fromStdString(m_sweepField))
                                 : tr("Run a sweep over one numeric field (Run > Sweep…) to plot the metric "
                                      "against its values");
    m_sweepChart->setData(data);
}

void RunsView::updateQueue() {
    const bool active = m_queue->isActive();
    for (QWidget* w :
         {static_cast<QWidget*>(m_queueText), static_cast<QWidget*>(m_queueBar), static_cast<QWidget*>(m_cancel)})
        w->setVisible(active);
    if (!active) return;
    m_queueBar->setRange(0, m_queue->total());
    m_queueBar->setValue(m_queue->done());
    const double eta = m_queue->etaSeconds();
    m_queueText->setText(
        eta < 0 ? tr("%1: run %2 of %3").arg(m_queue->title()).arg(m_queue->done() + 1).arg(m_queue->total())
                : tr("%1: run %2 of %3, about %4 left")
                      .arg(m_queue->title())
                      .arg(std::min(m_queue->done() + 1, m_queue->total()))
                      .arg(m_queue->total())
                      .arg(duration_text(eta)));
}

void RunsView::deleteRuns(const QList<int>& runs, bool confirmed) {
    QList<int> deletable;
    QStringList names;
    for (int run : runs)
        if (!m_store->isLive(run)) deletable << run, names << m_store->name(run);
    if (deletable.isEmpty()) return;
    if (!confirmed &&
        QMessageBox::question(
            this, tr("Delete runs"),
            tr("Delete %n run(s) from the window and their folders from the project?\n%1", nullptr, int(names.size()))
                .arg(names.join(QStringLiteral(", "))),
            QMessageBox::Yes | QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    std::sort(deletable.begin(), deletable.end(), std::greater<>());  // the later indices first: the others stay
    for (int run : deletable) m_project->removeRun(run);
}

void RunsView::copyText(bool markdown) {
    QList<int> rows = selectedRows();
    if (rows.isEmpty()) rows = allRowsInOrder();
    QApplication::clipboard()->setText(markdown ? m_model->markdown(rows) : m_model->csv(rows));
}

void RunsView::exportTable() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the runs table"), QStringLiteral("runs.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    const QString problem = export_text(path, tableCsv().toStdString());
    if (!problem.isEmpty()) QMessageBox::warning(this, tr("Cannot export the table"), problem);
}

void RunsView::exportPlot(OverlayView* chart) {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the plot"), chart->data().title + QStringLiteral(".png"), tr("Pictures (*.png *.svg)"));
    if (path.isEmpty()) return;
    const QString problem = export_figure(chart->figure(), path);
    if (!problem.isEmpty()) QMessageBox::warning(this, tr("Cannot export the plot"), problem);
}
