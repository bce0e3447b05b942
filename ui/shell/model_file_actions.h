#pragma once
// Model files in the window: File > Save model… writes the current run's final weights as a .mlpw file (the
// CLI's format, model_file_of), File > Open model… reads one into a run of the RunStore (run_record_of) so that
// every view shows it, and Run > Evaluate on the test set fills the current run's test result off the GUI
// thread. A file that cannot be read shows a dialog naming the file and the problem and changes nothing.
// Run > Continue training from these weights asks the window to train its experiment starting from the model
// file the current run was opened from (training.initial_weights), as Keras' load_weights before fit.
#include <QHash>
#include <QObject>
#include <QString>

#include "mlpw/experiment/experiment.h"
#include "run/training_types.h"

class QAction;
class QWidget;
class DatasetCache;
class RecentFiles;
class RunStore;

class ModelFileActions : public QObject {
    Q_OBJECT
public:
    // Dialogs are parented to `window`.
    ModelFileActions(RunStore* runs, DatasetCache* cache, QWidget* window);

    QAction* saveAction() const { return m_save; }
    QAction* openAction() const { return m_open; }
    QAction* evaluateAction() const { return m_evaluate; }
    QAction* fineTuneAction() const { return m_fineTune; }
    RecentFiles* recentMenu() const { return m_recent; }

    // Returns false after showing a dialog that names the file and the problem.
    bool saveModelTo(const QString& path);
    bool openModel(const QString& path);
    // The current run's final weights on its data set's test images; testEvaluated or failed follow.
    void evaluateTestSet();
    bool isEvaluating() const { return m_evaluating; }
    // The model file the current run was opened from (File > Open model…, Import ONNX…); empty for a trained run.
    QString currentModelPath() const;

signals:
    void modelOpened(const mlpw::ExperimentSpec& experiment);  // the window may put it in the editor
    void message(const QString& text);                         // for the status bar and the log
    void testEvaluated(int run);
    void failed(const QString& message);
    void fineTuneRequested(const QString& modelPath);  // train the editor's experiment from this file's weights

private:
    void updateActions();
    void save();
    void open();
    void showProblem(const QString& title, const QString& path, const QString& problem);
    bool canUseCurrent() const;

    RunStore* m_runs;
    DatasetCache* m_cache;
    QWidget* m_window;
    QAction* m_save;
    QAction* m_open;
    QAction* m_evaluate;
    QAction* m_fineTune;
    RecentFiles* m_recent;
    QHash<QString, QString> m_openedFrom;  // run name -> the model file it was opened from
    bool m_evaluating = false;
};
