// See model_file_actions.h.
#include "shell/model_file_actions.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include "mlpw/report/keras_format.h"
#include "mlpw/training/prediction.h"
#include "run/background_task.h"
#include "run/dataset_request.h"
#include "run/run_store.h"
#include "shell/recent_files.h"

ModelFileActions::ModelFileActions(RunStore* runs, DatasetCache* cache, QWidget* window)
    : QObject(window), m_runs(runs), m_cache(cache), m_window(window), m_save(new QAction(tr("Save &model…"), this)),
      m_open(new QAction(tr("Open mo&del…"), this)), m_evaluate(new QAction(tr("&Evaluate on the test set"), this)),
      m_fineTune(new QAction(tr("&Continue training from these weights"), this)),
      m_recent(new RecentFiles(window, tr("Open recent mode&l"), QStringLiteral("recentModels"))) {
    m_save->setToolTip(tr("Save the current run's final weights as a model file (.mlpw, as mlpw train writes)"));
    m_open->setToolTip(tr("Open a model file (.mlpw) as a run: its experiment, history and weights"));
    m_evaluate->setToolTip(tr("Test the current run's final weights on its data set's test images"));
    connect(m_save, &QAction::triggered, this, &ModelFileActions::save);
    connect(m_open, &QAction::triggered, this, &ModelFileActions::open);
    m_fineTune->setToolTip(
        tr("Train the editor's experiment starting from the weights of the opened model file instead of the "
           "initialisers (fine-tuning; its layers and normalisation must match)"));
    connect(m_evaluate, &QAction::triggered, this, &ModelFileActions::evaluateTestSet);
    connect(m_fineTune, &QAction::triggered, this, [this] {
        if (const QString path = currentModelPath(); !path.isEmpty()) emit fineTuneRequested(path);
    });
    connect(m_recent, &RecentFiles::chosen, this, &ModelFileActions::openModel);
    connect(m_runs, &RunStore::currentChanged, this, &ModelFileActions::updateActions);
    connect(m_runs, &RunStore::runFinished, this, &ModelFileActions::updateActions);
    updateActions();
}

bool ModelFileActions::canUseCurrent() const {
    const RunSnapshot record = m_runs->current();
    return record && !record->final_weights.empty() && !m_runs->isLive(m_runs->currentIndex());
}

void ModelFileActions::updateActions() {
    m_save->setEnabled(canUseCurrent());
    m_evaluate->setEnabled(canUseCurrent() && !m_evaluating);
    m_fineTune->setEnabled(canUseCurrent() && !currentModelPath().isEmpty());
}

QString ModelFileActions::currentModelPath() const {
    return m_runs->current() ? m_openedFrom.value(m_runs->name(m_runs->currentIndex())) : QString();
}

void ModelFileActions::showProblem(const QString& title, const QString& path, const QString& problem) {
    // The core's messages start with the path; say which file when one does not.
    const QString text = problem.contains(path) ? problem : tr("%1: %2").arg(path, problem);
    emit failed(text);
    QMessageBox::warning(m_window, title, text);
}

bool ModelFileActions::saveModelTo(const QString& path) {
    if (!canUseCurrent()) return false;
    const RunSnapshot record = m_runs->current();
    try {
        mlpw::save_model(mlpw::model_file_of(*record, record->final_weights), path.toStdString());
    } catch (const std::exception& e) {
        showProblem(tr("Cannot save the model"), path, QString::fromUtf8(e.what()));
        return false;
    }
    m_recent->add(path);
    emit message(tr("Saved the model of %1 to %2").arg(QString::fromStdString(record->experiment.name), path));
    return true;
}

bool ModelFileActions::openModel(const QString& path) {
    RunSnapshot record;
    try {
        const mlpw::ModelFile model = mlpw::load_model(path.toStdString());
        try {
            mlpw::make_network(model, 1);  // the weights fit the experiment's layers (or it says which does not)
        } catch (const std::exception& e) {
            throw mlpw::ModelFileError(path.toStdString() + ": " + e.what());
        }
        record = std::make_shared<const mlpw::RunRecord>(mlpw::run_record_of(model));
    } catch (const std::exception& e) {
        showProblem(tr("Cannot open the model"), path, QString::fromUtf8(e.what()));
        return false;
    }
    const int index = m_runs->add(record, QFileInfo(path).completeBaseName());
    m_openedFrom.insert(m_runs->name(index), path);
    m_runs->setCurrentIndex(index);
    m_recent->add(path);
    emit modelOpened(record->experiment);
    emit message(tr("Opened the model %1 (%2, %n epoch(s))", nullptr, record->epochs_run())
                     .arg(path, QString::fromStdString(record->experiment.name)));
    return true;
}

void ModelFileActions::evaluateTestSet() {
    if (!canUseCurrent() || m_evaluating) return;
    const int index = m_runs->currentIndex();
    const RunSnapshot record = m_runs->current();
    const QString source = QString::fromStdString(record->experiment.data.source);
    m_evaluating = true;
    updateActions();
    emit message(
        tr("Evaluating %1 on the test set of %2…").arg(QString::fromStdString(record->experiment.name), source));
    auto fail = [this](const QString& problem) {
        m_evaluating = false;
        updateActions();
        const QString text = tr("Cannot evaluate on the test set: %1").arg(problem);
        emit failed(text);
        emit message(text);
    };
    requestDataset(
        m_cache, source, this,
        [this, index, record, fail](std::shared_ptr<const mlpw::Dataset> data) {
            using Result = RunSnapshot;
            runInBackground<Result>(
                this,
                [record, data] {
                    const mlpw::ModelFile model = mlpw::model_file_of(*record, record->final_weights);
                    mlpw::check_model_fits(model, *data, record->experiment.name);
                    auto tested = std::make_shared<mlpw::RunRecord>(*record);
                    tested->test = mlpw::InferenceModel(model).evaluate(data->test);
                    return RunSnapshot(std::move(tested));
                },
                [this, index, fail](const Result& tested, const QString& error) {
                    if (!error.isEmpty()) return fail(error);
                    m_evaluating = false;
                    m_runs->replaceRun(index, tested);
                    updateActions();
                    emit message(tr("%1 on %L2 test images: test accuracy %3 - test loss %4")
                                     .arg(QString::fromStdString(tested->experiment.name))
                                     .arg(tested->test.samples)
                                     .arg(QString::fromStdString(mlpw::metric_value(tested->test.accuracy)),
                                          QString::fromStdString(mlpw::metric_value(tested->test.loss))));
                    emit testEvaluated(index);
                });
        },
        fail);
}

void ModelFileActions::save() {
    const RunSnapshot record = m_runs->current();
    if (!record) return;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save model"),
                                                      QString::fromStdString(record->experiment.name) + ".mlpw",
                                                      tr("Model files (*.mlpw)"));
    if (!path.isEmpty()) saveModelTo(path);
}

void ModelFileActions::open() {
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open model"), {}, tr("Model files (*.mlpw);;All files (*)"));
    if (!path.isEmpty()) openModel(path);
}
