#pragma once
// The Runs tab: the runs table (RunsTableModel through RunsSortProxy) above the overlay of the selected rows'
// curves and the sweep plot, with the queue's progress (RunQueue) at the bottom. Actions on the selected runs:
// rename, delete (also from the project, after asking), new experiment from this run, set as reference, copy as
// CSV or Markdown, export the table (CSV) and the plots (PNG/SVG).
#include <QList>
#include <QWidget>

#include <optional>
#include <string>

#include "mlpw/experiment/experiment.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;
class OverlayView;
class RunProject;
class RunQueue;
class RunStore;
class RunsSortProxy;
class RunsTableModel;

class RunsView : public QWidget {
    Q_OBJECT
public:
    RunsView(RunStore* store, RunProject* project, RunQueue* queue, QWidget* parent = nullptr);

    RunsTableModel* model() const { return m_model; }
    RunsSortProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    OverlayView* overlay() const { return m_overlay; }
    OverlayView* sweepChart() const { return m_sweepChart; }

    // The model rows selected, in the table's order; their store runs.
    QList<int> selectedRows() const;
    QList<int> selectedRuns() const;
    void selectRuns(const QList<int>& runs);
    void setMetric(const std::string& metric);
    void setGrouped(bool grouped);
    // The plot of a one-field sweep over `base` (shown in the Sweep tab as its runs come in).
    void showSweep(const mlpw::ExperimentSpec& base, const std::string& field);
    // Deletes the runs from the store and the project; asks first unless `confirmed`.
    void deleteRuns(const QList<int>& runs, bool confirmed = false);
    // The table in its shown order, all rows, as CSV (mlpw/io/csv.h's quoting).
    QString tableCsv() const;

signals:
    void newExperimentRequested(const mlpw::ExperimentSpec& spec);

private:
    void buildActions();
    void updateOverlay();
    void updateSweep();
    void updateQueue();
    void copyText(bool markdown);
    void exportTable();
    void exportPlot(OverlayView* chart);
    QList<int> allRowsInOrder() const;

    RunStore* m_store;
    RunProject* m_project;
    RunQueue* m_queue;
    RunsTableModel* m_model;
    RunsSortProxy* m_proxy;
    QTableView* m_table;
    QTabWidget* m_plots;
    OverlayView* m_overlay;
    OverlayView* m_sweepChart;
    QComboBox* m_metric;
    QComboBox* m_band;
    QCheckBox* m_grouped;
    QLabel* m_reference;
    QLabel* m_queueText;
    QProgressBar* m_queueBar;
    QPushButton* m_cancel;
    QList<int> m_keptSelection;  // the selected runs across a model reset
    std::optional<mlpw::ExperimentSpec> m_sweepBase;
    std::string m_sweepField;
};
