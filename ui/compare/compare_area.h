#pragma once
// What comparing runs adds to the window (MainWindow makes one): the project (RunProject), the Runs tab
// (RunsView) and the What-if tab (WhatIfPanel), File > Open project… / Import runs… / Export report…, Run > Repeat × N… /
// Sweep… / Run the study, bundle folders dropped on the window, and the dialog naming unreadable bundles.
// Queued runs (RunQueue) start through MainWindow::startExperiment, so they are ordinary runs of the RunStore.
#include <QObject>
#include <QStringList>

#include <vector>

#include "mlpw/experiment/experiment.h"

class MainWindow;
class ReportExport;
class RunProject;
class RunQueue;
class RunsView;
class WhatIfPanel;

class CompareArea : public QObject {
    Q_OBJECT
public:
    explicit CompareArea(MainWindow* window);

    RunProject* project() const { return m_project; }
    RunQueue* queue() const { return m_queue; }
    RunsView* runsView() const { return m_runsView; }
    WhatIfPanel* whatIf() const { return m_whatIf; }
    // Off (problems shown in the status bar only) for tests.
    void setDialogsShown(bool shown) { m_dialogs = shown; }
    QStringList lastProblems() const { return m_lastProblems; }

    void openProject(const QString& folder);
    // Runs the experiment being edited with n seeds (its seed, +1, +2…).
    void repeat(int n);
    // Writes the report of the selected runs (all when none is selected) to file (.html or .pdf), a section per
    // study question they answer (as mlpw study), off the GUI thread; the status bar tells its progress.
    void exportReport(const QString& file);
    ReportExport* reportExport() const { return m_report; }
    // Queues every preset of the study (as `mlpw study`), each with `seeds` seeds.
    void runStudy(int seeds);
    // Queues experiments (a sweep's grid, the study) under a title.
    void queueRuns(const QString& title, std::vector<mlpw::ExperimentSpec> runs);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildMenus();
    void chooseProject();
    void chooseImport();
    void chooseReport();
    void askRepeat();
    void openSweepBuilder();
    void askStudy();
    void showProblems(const QString& title, const QStringList& lines);

    MainWindow* m_window;
    RunProject* m_project;
    RunQueue* m_queue;
    RunsView* m_runsView;
    WhatIfPanel* m_whatIf;
    ReportExport* m_report;
    bool m_dialogs = true;
    QStringList m_lastProblems;
};
