#include "compare/compare_area.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QUrl>

#include "compare/queued_experiments.h"
#include "compare/report_export.h"
#include "compare/run_project.h"
#include "compare/run_queue.h"
#include "compare/runs_view.h"
#include "compare/study_runs.h"
#include "compare/sweep_builder.h"
#include "compare/what_if_panel.h"
#include "editor/experiment_editor.h"
#include "run/run_store.h"
#include "run/training_controller.h"
#include "shell/main_window.h"

namespace {

constexpr int kMaxProblemLines = 12;  // in the dialog's text; all of them under "Show Details"

QStringList dropped_folders(const QMimeData* mime) {
    QStringList folders;
    if (!mime || !mime->hasUrls()) return folders;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir()) folders << url.toLocalFile();
    return folders;
}

}  // namespace

CompareArea::CompareArea(MainWindow* window)
    : QObject(window), m_window(window), m_project(new RunProject(window->runs(), this)),
      m_queue(new RunQueue([window](const mlpw::ExperimentSpec& spec) { return window->startExperiment(spec); },
                           [window] { window->stopTraining(); }, this)),
      m_runsView(new RunsView(window->runs(), m_project, m_queue)), m_whatIf(new WhatIfPanel(window->runs())),
      m_report(new ReportExport(this)) {
    window->addView(m_runsView, tr("Runs"));
    window->addView(m_whatIf, tr("What-if"));
    buildMenus();
    connect(window->controller(), &TrainingController::finished, m_queue, &RunQueue::runFinished);
    connect(m_project, &RunProject::problems, this, &CompareArea::showProblems);
    connect(m_project, &RunProject::opened, this, [this](const QString& folder, int runs) {
        m_window->statusBar()->showMessage(tr("Project %1: %n run(s)", nullptr, runs).arg(folder), 5000);
    });
    connect(m_project, &RunProject::imported, this, [this](int runs) {
        m_window->statusBar()->showMessage(tr("Imported %n run(s) into the project", nullptr, runs), 5000);
    });
    connect(m_runsView, &RunsView::newExperimentRequested, window, &MainWindow::newExperimentFrom);
    connect(m_queue, &RunQueue::ended, this, [this](bool cancelled) {
        m_window->statusBar()->showMessage(
            cancelled ? tr("%1: cancelled").arg(m_queue->title()) : tr("%1: done").arg(m_queue->title()), 5000);
    });
    connect(m_report, &ReportExport::progress, this, [this](int done, int total) {
        m_window->statusBar()->showMessage(tr("Writing the report: step %1 of %2…").arg(done).arg(total));
    });
    connect(m_report, &ReportExport::finished, this, [this](const QString& file, const QString& problem) {
        if (problem.isEmpty()) m_window->statusBar()->showMessage(tr("Report written to %1").arg(file), 10000);
        else showProblems(tr("Cannot write the report"), {problem});
    });
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

void CompareArea::buildMenus() {
    QMenu* file = m_window->fileMenu();
    QAction* quit = file->actions().isEmpty() ? nullptr : file->actions().last();
    auto* open = new QAction(tr("Open &project…"), file);
    open->setToolTip(tr("A folder of run bundles (mlpw train --out): its runs replace the table's"));
    connect(open, &QAction::triggered, this, &CompareArea::chooseProject);
    auto* import = new QAction(tr("Import r&uns…"), file);
    import->setToolTip(tr("Copy run bundles (or a folder of them, e.g. mlpw sweep --out) into the project"));
    connect(import, &QAction::triggered, this, &CompareArea::chooseImport);
    auto* report = new QAction(tr("Export repor&t…"), file);
    report->setToolTip(
        tr("The selected runs (or all) as one HTML file with inline SVG plots, or a PDF: a section "
           "per study question they answer, as mlpw study writes"));
    connect(report, &QAction::triggered, this, &CompareArea::chooseReport);
    file->insertActions(quit, {open, import, report});
    file->insertSeparator(quit);

    QMenu* run = m_window->runMenu();
    run->addSeparator();
    run->addAction(tr("Repeat × &N…"), this, &CompareArea::askRepeat)
        ->setToolTip(tr("Run the experiment with N seeds, one after the other; the Runs table groups them"));
    run->addAction(tr("S&weep…"), this, &CompareArea::openSweepBuilder)
        ->setToolTip(tr("Run the experiment over the values of one or two fields"));
    run->addAction(tr("Run the st&udy…"), this, &CompareArea::askStudy)
        ->setToolTip(tr("Every preset of the study in its order, as mlpw study: the questions' runs land in the "
                        "Runs table"));
}

void CompareArea::openProject(const QString& folder) { m_project->open(folder); }

void CompareArea::chooseProject() {
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Open project"), m_project->folder());
    if (!folder.isEmpty()) openProject(folder);
}

void CompareArea::chooseImport() {
    const QString folder = QFileDialog::getExistingDirectory(
        m_window, tr("Import runs: a run bundle or a folder of them"), QFileInfo(m_project->folder()).absolutePath());
    if (!folder.isEmpty()) m_project->importBundles({folder});
}

void CompareArea::chooseReport() {
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export report"), QStringLiteral("report.html"),
                                                      tr("Reports (*.html *.pdf)"));
    if (!file.isEmpty()) exportReport(file);
}

void CompareArea::exportReport(const QString& file) {
    RunStore* store = m_window->runs();
    QList<int> runs = m_runsView->selectedRuns();
    if (runs.isEmpty())
        for (int i = 0; i < store->size(); ++i) runs << i;
    std::vector<RunSnapshot> records;
    QStringList paths;
    const QDir project(m_project->folder());
    for (int run : runs) {
        if (store->isLive(run)) continue;
        records.push_back(store->at(run));
        const bool saved = !m_project->folder().isEmpty() && project.exists(store->name(run));
        paths << (saved ? project.filePath(store->name(run)) : QString());
    }
    if (records.empty() || m_report->isBusy()) return;
    m_window->statusBar()->showMessage(tr("Writing the report of %n run(s)…", nullptr, int(records.size())));
    m_report->start(tr("Runs of %1").arg(QDir(m_project->folder()).dirName()), std::move(records), paths, file);
}

void CompareArea::askRepeat() {
    bool ok = false;
    const int n =
        QInputDialog::getInt(m_window, tr("Repeat × N"), tr("Seeds (each a run of the experiment):"), 3, 2, 50, 1, &ok);
    if (ok) repeat(n);
}

void CompareArea::repeat(int n) {
    if (!m_window->editor()->isValid()) {
        showProblems(tr("Cannot repeat the experiment"), {tr("Fix the problems listed under the editor first")});
        return;
    }
    const mlpw::ExperimentSpec spec = m_window->editor()->spec();
    m_runsView->setGrouped(true);
    queueRuns(tr("Repeat × %1").arg(n), seed_repeats(spec, n));
}

void CompareArea::openSweepBuilder() {
    if (!m_window->editor()->isValid()) {
        showProblems(tr("Cannot sweep the experiment"), {tr("Fix the problems listed under the editor first")});
        return;
    }
    const mlpw::ExperimentSpec base = m_window->editor()->spec();
    SweepBuilder builder(base, m_window);
    if (builder.exec() != QDialog::Accepted) return;
    std::vector<mlpw::ExperimentSpec> runs = builder.experiments();
    if (runs.empty()) return;
    if (builder.seeds() > 1) m_runsView->setGrouped(true);
    if (const std::string field = builder.plottedField(); !field.empty()) m_runsView->showSweep(base, field);
    queueRuns(tr("Sweep"), std::move(runs));
}

void CompareArea::askStudy() {
    bool ok = false;
    const int seeds =
        QInputDialog::getInt(m_window, tr("Run the study"),
                             tr("Seeds per setting (3 shows which differences are noise):"), 1, 1, 10, 1, &ok);
    if (ok) runStudy(seeds);
}

void CompareArea::runStudy(int seeds) {
    StudyRuns study = study_runs(seeds);
    if (!study.problems.isEmpty()) showProblems(tr("Some presets of the study cannot be run"), study.problems);
    if (seeds > 1) m_runsView->setGrouped(true);
    queueRuns(tr("The study"), std::move(study.runs));
}

void CompareArea::queueRuns(const QString& title, std::vector<mlpw::ExperimentSpec> runs) {
    m_queue->enqueue(title, std::move(runs));
}

void CompareArea::showProblems(const QString& title, const QStringList& lines) {
    m_lastProblems = lines;
    m_window->statusBar()->showMessage(tr("%1: %2").arg(title, lines.value(0)), 10000);
    if (!m_dialogs) return;
    QMessageBox box(QMessageBox::Warning, title, title, QMessageBox::Ok, m_window);
    box.setInformativeText(lines.mid(0, kMaxProblemLines).join(QLatin1Char('\n')) +
                           (lines.size() > kMaxProblemLines
                                ? tr("\n… and %n more", nullptr, int(lines.size() - kMaxProblemLines))
                                : QString()));
    if (lines.size() > kMaxProblemLines) box.setDetailedText(lines.join(QLatin1Char('\n')));
    box.exec();
}

bool CompareArea::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::DragEnter) {
        auto* drag = static_cast<QDragEnterEvent*>(event);
        if (!dropped_folders(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (watched == m_window && event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList folders = dropped_folders(drop->mimeData());
        if (!folders.isEmpty()) {
            m_project->importBundles(folders);
            drop->acceptProposedAction();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}
