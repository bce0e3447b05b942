#include "shell/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "charts/training_charts.h"
#include "compare/compare_area.h"
#include "editor/experiment_editor.h"
#include "inspect/confusion_matrix_view.h"
#include "inspect/data_view.h"
#include "inspect/drawing_panel.h"
#include "inspect/gallery_view.h"
#include "inspect/inspect_view.h"
#include "inspect/prediction_service.h"
#include "run/dataset_cache.h"
#include "run/keras_log.h"
#include "run/run_progress.h"
#include "run/run_store.h"
#include "run/training_controller.h"
#include "shell/language_menu.h"
#include "shell/model_file_actions.h"
#include "shell/onnx_file_actions.h"
#include "shell/preset_library.h"
#include "shell/recent_files.h"
#include "shell/window_settings.h"

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_cache(new DatasetCache(this)), m_editor(new ExperimentEditor(m_cache, this)),
      m_controller(new TrainingController(this)), m_runs(new RunStore(this)), m_charts(new TrainingCharts(this)),
      m_progress(new RunProgress(this)), m_views(new QTabWidget(this)),
      m_predictions(new PredictionService(m_runs, m_cache, this)), m_gallery(new GalleryView(m_predictions, this)),
      m_dataView(new DataView(m_cache, m_editor, this)), m_status(new QLabel(this)) {
    buildMenus();

    auto* runBar = new QToolBar(tr("Run"), this);
    runBar->setObjectName(QStringLiteral("runToolBar"));
    runBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    runBar->addAction(m_start);
    runBar->addAction(m_pause);
    runBar->addAction(m_stop);

    // The views of the runs, one tab each (curves first); each area adds its own with addView().
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setDocumentMode(true);
    addView(m_charts, tr("Curves"));
    m_inspect = new InspectView(m_runs);
    addView(m_inspect, tr("Inspect"));
    addView(m_gallery, tr("Gallery"));
    // A cell of the confusion matrix opens the gallery on those samples ("true i predicted as j").
    connect(m_inspect->confusion(), &ConfusionMatrixView::cellActivated, m_gallery, &GalleryView::showConfusionCell);
    addView(m_dataView, tr("Data"));
    m_drawing = new DrawingPanel;
    addView(m_drawing, tr("Draw"));
    connect(m_runs, &RunStore::currentChanged, m_drawing, &DrawingPanel::showRun);
    connect(m_drawing, &DrawingPanel::myDigitsChanged, m_controller, &TrainingController::setMyDigits);
    m_controller->setMyDigits(m_drawing->myDigits());
    m_compare = new CompareArea(this);
    auto* right = new QSplitter(Qt::Vertical);
    right->setObjectName(QStringLiteral("runSplitter"));  // window_settings keeps named splitters' sizes
    right->addWidget(m_views);
    auto* runArea = new QWidget;
    auto* runLayout = new QVBoxLayout(runArea);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(runBar);
    runLayout->addWidget(m_progress, 1);
    right->addWidget(runArea);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setChildrenCollapsible(false);

    auto* main = new QSplitter(Qt::Horizontal);
    main->setObjectName(QStringLiteral("mainSplitter"));
    main->addWidget(m_editor);
    main->addWidget(right);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    main->setSizes({540, 740});
    main->setChildrenCollapsible(false);
    setCentralWidget(main);
    statusBar()->addWidget(m_status, 1);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_editor, &ExperimentEditor::edited, this, [this] { setDirty(true); });
    connect(m_editor, &ExperimentEditor::validityChanged, this, &MainWindow::updateActions);
    connect(m_controller, &TrainingController::runningChanged, this, &MainWindow::updateActions);
    connect(m_controller, &TrainingController::prepared, this, [this](const QString&, int train, int validation) {
        setStatus(validation > 0 ? tr("Training on %L1 samples, validating on %L2").arg(train).arg(validation)
                                 : tr("Training on %L1 samples, no validation (validation_split 0): the test set is "
                                      "the evaluation, once, after training")
                                       .arg(train));
    });
    connect(m_controller, &TrainingController::epochBegan, m_progress, &RunProgress::onEpochBegan);
    connect(m_controller, &TrainingController::batchesReady, m_progress, &RunProgress::onBatches);
    connect(m_controller, &TrainingController::batchesReady, m_charts, &TrainingCharts::addBatches);
    connect(m_controller, &TrainingController::epochEnded, this, [this](const RunSnapshot& record) {
        m_progress->onEpochEnded(record->history.back());
        m_runs->update(record);
    });
    connect(m_runs, &RunStore::currentChanged, m_charts, &TrainingCharts::showRecord);
    // A Start pressed while the data set is still loading goes ahead once it is in (one load, by the cache).
    connect(m_cache, &DatasetCache::loaded, this, [this](const QString& source) {
        if (m_startWhenLoaded && source == QString::fromStdString(m_pending.data.source)) {
            m_startWhenLoaded = false;
            if (!startExperiment(m_pending)) updateActions();
        }
    });
    connect(m_cache, &DatasetCache::failed, this, [this](const QString& source, const QString& message) {
        if (!m_startWhenLoaded || source != QString::fromStdString(m_pending.data.source)) return;
        m_startWhenLoaded = false;
        updateActions();
        setStatus(tr("Could not load %1: %2").arg(source, message));
    });
    connect(m_controller, &TrainingController::logLine, m_progress, &RunProgress::appendLog);
    connect(m_controller, &TrainingController::finished, this, &MainWindow::onFinished);
    // An opened model's experiment goes into the editor unless the person keeps the unsaved one.
    connect(m_models, &ModelFileActions::modelOpened, this, [this](const mlpw::ExperimentSpec& spec) {
        if (!maybeSave()) return;
        m_editor->setSpec(spec);
        m_path.clear();
        setDirty(false);
    });
    connect(m_inspect, &InspectView::evaluateRequested, m_models, &ModelFileActions::evaluateTestSet);
    // Fine-tuning: the editor's experiment, starting from the opened model file's weights.
    connect(m_models, &ModelFileActions::fineTuneRequested, this, [this](const QString& modelPath) {
        if (!m_editor->isValid()) return setStatus(tr("Fix the problems listed under the editor first"));
        mlpw::ExperimentSpec spec = m_editor->spec();
        spec.training.initial_weights = modelPath.toStdString();
        startExperiment(spec);
    });
    connect(m_models, &ModelFileActions::message, this, [this](const QString& text) {
        setStatus(text);
        m_progress->appendLog(text);
    });

    resize(1280, 800);
    const QString baseline = PresetLibrary::path(QStringLiteral("baseline"));
    if (baseline.isEmpty() || !openExperiment(baseline, true)) newExperiment();
    window_settings::restoreLayout(this);
    if (const QString last = window_settings::lastDataSet(); !last.isEmpty()) {  // the start-up template's data
        mlpw::ExperimentSpec spec = m_editor->spec();
        spec.data.source = last.toStdString();
        m_editor->setSpec(spec);
    }
    setStatus(PresetLibrary::directory().isEmpty()
                  ? tr("The preset experiments were not found (resources/presets): starting from an empty experiment")
                  : tr("Ready: press Start to train %1").arg(QString::fromStdString(m_editor->spec().name)));
}

MainWindow::~MainWindow() { m_controller->shutdown(-1); }

void MainWindow::buildMenus() {
    QMenu* file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* a = file->addAction(tr("&New experiment"), this, [this] {
        if (maybeSave()) newExperiment();
    });
    a->setShortcut(QKeySequence::New);
    a->setToolTip(tr("Start from the 784-512-10 baseline, unsaved"));
    file->addAction(tr("&Open experiment…"), this, &MainWindow::open)->setShortcut(QKeySequence::Open);
    m_recent = new RecentFiles(this);
    connect(m_recent, &RecentFiles::chosen, this, [this](const QString& path) {
        if (maybeSave()) openExperiment(path);
    });
    file->addMenu(m_recent);
    file->addAction(tr("&Save experiment"), this, &MainWindow::save)->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save experiment &as…"), this, &MainWindow::saveAs)->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    m_models = new ModelFileActions(m_runs, m_cache, this);
    file->addAction(m_models->openAction());
    file->addMenu(m_models->recentMenu());
    file->addAction(m_models->saveAction());
    onnx_file_actions::addTo(file, this, m_runs, [this](const QString& model) { m_models->openModel(model); });
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu* presets = menuBar()->addMenu(tr("&Presets"));
    for (const QString& path : PresetLibrary::files()) {
        QAction* p = presets->addAction(QFileInfo(path).completeBaseName(), this, [this, path] {
            if (maybeSave()) openExperiment(path);
        });
        try {
            p->setToolTip(QString::fromStdString(mlpw::load_experiment(path.toStdString()).description));
        } catch (const std::exception& e) {  // choosing it shows the same message in a dialog
            p->setToolTip(tr("Cannot read this preset: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    presets->setToolTipsVisible(true);
    presets->setEnabled(!presets->isEmpty());

    QMenu* run = m_runMenu = menuBar()->addMenu(tr("&Run"));
    m_start = run->addAction(tr("&Start"), this, &MainWindow::startTraining);
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_start->setToolTip(tr("Train the experiment as it stands (Ctrl+R)"));
    m_pause = run->addAction(tr("&Pause"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(tr("Hold training between two batches; press again to resume (Ctrl+P)"));
    connect(m_pause, &QAction::toggled, this, [this](bool paused) {
        m_controller->setPaused(paused);
        m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
        if (m_controller->isRunning()) setStatus(paused ? tr("Paused") : tr("Training"));
    });
    m_stop = run->addAction(tr("S&top"), this, &MainWindow::stopTraining);
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stop->setToolTip(tr("Stop after the current batch (Ctrl+.)"));
    menuBar()->addMenu(tr("&Settings"))->addMenu(new LanguageMenu(this));
    run->addSeparator();
    run->addAction(m_models->evaluateAction());
    run->addAction(m_models->fineTuneAction());
    updateActions();
}

void MainWindow::addView(QWidget* view, const QString& title) { m_views->addTab(view, title); }

QString MainWindow::statusText() const { return m_status->text(); }
void MainWindow::setStatus(const QString& text) { m_status->setText(text); }

void MainWindow::updateActions() {
    const bool running = m_controller->isRunning();
    m_start->setEnabled(!running && !m_startWhenLoaded && m_editor->isValid());
    m_start->setToolTip(m_editor->isValid() ? tr("Train the experiment as it stands (Ctrl+R)")
                                            : tr("Fix the problems listed under the editor first"));
    m_stop->setEnabled(running);
    m_pause->setEnabled(running);
    if (!running && m_pause->isChecked()) m_pause->setChecked(false);
}

void MainWindow::setDirty(bool dirty) {
    m_dirty = dirty;
    setWindowModified(dirty);
    const QString name =
        m_path.isEmpty() ? QString::fromStdString(m_editor->spec().name) : QFileInfo(m_path).fileName();
    setWindowTitle(tr("%1[*] — MLP Workbench").arg(name.isEmpty() ? tr("untitled") : name));
}

void MainWindow::newExperiment() {
    mlpw::ExperimentSpec spec;
    spec.name = "untitled";
    const QString baseline = PresetLibrary::path(QStringLiteral("baseline"));
    QString problem;
    try {
        if (!baseline.isEmpty()) spec.model = mlpw::load_experiment(baseline.toStdString()).model;
    } catch (const std::exception& e) {  // start from an empty model; the editor lists what is missing
        problem = tr("Cannot read the baseline preset, starting without layers: %1").arg(QString::fromUtf8(e.what()));
    }
    m_editor->setSpec(spec);
    m_path.clear();
    setDirty(false);
    if (!problem.isEmpty()) setStatus(problem);
}

bool MainWindow::openExperiment(const QString& path, bool quiet) {
    try {
        m_editor->setSpec(mlpw::load_experiment(path.toStdString()));
    } catch (const std::exception& e) {
        if (!quiet) QMessageBox::warning(this, tr("Cannot open the experiment"), QString::fromUtf8(e.what()));
        return false;
    }
    const bool preset = QFileInfo(path).absolutePath() == PresetLibrary::directory();
    m_path = preset ? QString() : path;  // a preset is a template: Save asks where
    if (!preset) m_recent->add(path);
    setDirty(false);
    setStatus(tr("Opened %1").arg(path));
    return true;
}

bool MainWindow::saveExperimentTo(const QString& path, bool quiet) {
    try {
        mlpw::save_experiment(m_editor->spec(), path.toStdString());
    } catch (const std::exception& e) {
        if (!quiet) QMessageBox::warning(this, tr("Cannot save the experiment"), QString::fromUtf8(e.what()));
        return false;
    }
    m_path = path;
    m_recent->add(path);
    setDirty(false);
    setStatus(tr("Saved %1").arg(path));
    return true;
}

void MainWindow::open() {
    if (!maybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open experiment"), QFileInfo(m_path).absolutePath(),
                                                      tr("Experiments (*.json);;All files (*)"));
    if (!path.isEmpty()) openExperiment(path);
}

bool MainWindow::save() { return m_path.isEmpty() ? saveAs() : saveExperimentTo(m_path); }

bool MainWindow::saveAs() {
    const QString suggested =
        m_path.isEmpty() ? QString::fromStdString(m_editor->spec().name) + QStringLiteral(".json") : m_path;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save experiment"), suggested, tr("Experiments (*.json)"));
    return !path.isEmpty() && saveExperimentTo(path);
}

bool MainWindow::maybeSave() {
    if (!m_dirty) return true;
    const auto answer =
        QMessageBox::warning(this, tr("Unsaved changes"), tr("The experiment has unsaved changes. Save them?"),
                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::startTraining() { return m_editor->isValid() && startExperiment(m_editor->spec()); }

bool MainWindow::startExperiment(const mlpw::ExperimentSpec& spec) {
    if (m_controller->isRunning() || m_startWhenLoaded) return false;
    const QString source = QString::fromStdString(spec.data.source);
    const auto data = m_cache->get(source);
    if (!data) {
        m_startWhenLoaded = true;
        m_pending = spec;
        updateActions();
        setStatus(tr("Loading %1…").arg(source));
        m_cache->request(source);  // may answer at once (loaded() or failed())
        return true;
    }
    m_charts->reset();
    m_progress->reset(spec.training.epochs);
    m_progress->appendLog(tr("— %1 —").arg(QString::fromStdString(spec.name)));
    const bool started = m_controller->start(spec, data);
    if (started) {
        m_runs->beginRun();
        setStatus(tr("Preparing %1…").arg(QString::fromStdString(spec.name)));
    }
    return started;
}

void MainWindow::newExperimentFrom(const mlpw::ExperimentSpec& spec) {
    if (!maybeSave()) return;
    m_editor->setSpec(spec);
    m_path.clear();
    setDirty(true);
    setStatus(tr("A new experiment from the run of %1").arg(QString::fromStdString(spec.name)));
}

void MainWindow::stopTraining() {
    if (!m_controller->isRunning()) return;
    m_controller->stop();
    setStatus(tr("Stopping…"));
}

void MainWindow::onFinished(const RunOutcome& outcome) {
    m_runs->update(outcome.record);
    m_runs->endRun();
    m_progress->onFinished(outcome);
    const QString text = keras_log::outcome(outcome);
    m_progress->appendLog(text);
    if (!outcome.threads.isEmpty()) m_progress->appendLog(tr("OpenMP threads: %1").arg(outcome.threads));
    setStatus(text);
    updateActions();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_closeAfterRun && !maybeSave()) {
        event->ignore();
        return;
    }
    // The run must end before the window does: a step that does not stop within the second (a checkpoint being
    // written) keeps the window open, and it closes when the run has finished.
    if (!m_controller->shutdown(1000)) {
        event->ignore();
        m_closeAfterRun = true;  // the unsaved changes were answered for
        setStatus(tr("Stopping the run before closing…"));
        connect(m_controller, &TrainingController::finished, this, &QWidget::close, Qt::SingleShotConnection);
        return;
    }
    window_settings::saveLayout(this);
    window_settings::setLastDataSet(QString::fromStdString(m_editor->spec().data.source));
    event->accept();
}
