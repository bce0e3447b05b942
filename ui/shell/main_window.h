#pragma once
// The workbench window: the experiment editor on the left; charts, progress and log on the right; File,
// Presets and Run menus. Wires the editor to the TrainingController; keeps unsaved changes from being lost.
#include <QMainWindow>

#include "mlpw/experiment/experiment.h"
#include "run/training_types.h"

class QAction;
class QLabel;
class QMenu;
class QTabWidget;
class CompareArea;
class DataView;
class DatasetCache;
class DrawingPanel;
class ExperimentEditor;
class GalleryView;
class ModelFileActions;
class PredictionService;
class RecentFiles;
class RunProgress;
class RunStore;
class TrainingCharts;
class InspectView;
class TrainingController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads an experiment file into the editor; shows a dialog (unless quiet) and returns false on error.
    bool openExperiment(const QString& path, bool quiet = false);
    bool saveExperimentTo(const QString& path, bool quiet = false);
    void newExperiment();
    bool isDirty() const { return m_dirty; }
    QString currentPath() const { return m_path; }

    ExperimentEditor* editor() const { return m_editor; }
    TrainingController* controller() const { return m_controller; }
    TrainingCharts* charts() const { return m_charts; }
    InspectView* inspect() const { return m_inspect; }  // confusion()->cellActivated(true, predicted)
    RunProgress* progress() const { return m_progress; }
    RunStore* runs() const { return m_runs; }
    DatasetCache* datasets() const { return m_cache; }
    GalleryView* gallery() const { return m_gallery; }
    DataView* dataView() const { return m_dataView; }
    ModelFileActions* modelFiles() const { return m_models; }
    QAction* startAction() const { return m_start; }
    QAction* stopAction() const { return m_stop; }
    QString statusText() const;
    QTabWidget* views() const { return m_views; }
    DrawingPanel* drawing() const { return m_drawing; }
    // Adds a tab to the views of the runs (right, above the log).
    void addView(QWidget* view, const QString& title);
    QMenu* fileMenu() const { return m_fileMenu; }
    QMenu* runMenu() const { return m_runMenu; }
    CompareArea* compare() const { return m_compare; }

public slots:
    // Starts a run, or (true) asks the data set cache for the data and starts when it is loaded.
    bool startTraining();
    // The same for a given experiment (a queued run: Repeat × N, a sweep's point); false while a run goes on.
    bool startExperiment(const mlpw::ExperimentSpec& spec);
    void stopTraining();
    // Asks to save the edited experiment, then edits `spec` as a new, unsaved experiment.
    void newExperimentFrom(const mlpw::ExperimentSpec& spec);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void open();
    bool save();
    bool saveAs();
    bool maybeSave();
    void setDirty(bool dirty);
    void updateActions();
    void onFinished(const RunOutcome& outcome);
    void setStatus(const QString& text);

    DatasetCache* m_cache;
    ExperimentEditor* m_editor;
    TrainingController* m_controller;
    RunStore* m_runs;
    TrainingCharts* m_charts;
    InspectView* m_inspect = nullptr;
    RunProgress* m_progress;
    QTabWidget* m_views;
    DrawingPanel* m_drawing = nullptr;
    PredictionService* m_predictions;
    GalleryView* m_gallery;
    DataView* m_dataView;
    ModelFileActions* m_models = nullptr;
    RecentFiles* m_recent = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_runMenu = nullptr;
    CompareArea* m_compare = nullptr;
    QLabel* m_status;
    QAction* m_start = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_pause = nullptr;
    QString m_path;
    bool m_dirty = false;
    bool m_startWhenLoaded = false;  // Start was pressed before the data set was loaded
    mlpw::ExperimentSpec m_pending;  // ... to train this experiment
    bool m_closeAfterRun = false;    // a close waits for the run to end
};
