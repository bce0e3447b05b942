#include "shell/onnx_file_actions.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QThread>

#include <functional>
#include <memory>

#include "mlpw/io/model_io.h"
#include "mlpw/io/onnx_export.h"
#include "mlpw/io/onnx_import.h"
#include "run/run_store.h"

namespace onnx_file_actions {
namespace {

// The translation context of this file's texts ("OnnxFileActions").
struct OnnxFileActions {
    Q_DECLARE_TR_FUNCTIONS(OnnxFileActions)
};

// Runs `work` off the GUI thread, then shows its message (or its error) over `window`; after a success, `done`.
void runInBackground(QWidget* window, const QString& title, std::function<QString()> work,
                     std::function<void()> done = {}) {
    struct Result {
        bool ok = false;
        QString text;
    };
    auto result = std::make_shared<Result>();
    QThread* thread = QThread::create([work = std::move(work), result] {
        try {
            result->text = work();
            result->ok = true;
        } catch (const std::exception& e) {
            result->text = QString::fromUtf8(e.what());
        }
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, window, [window, title, result, done = std::move(done)] {
        if (!result->ok) {
            QMessageBox::warning(window, title, result->text);
            return;
        }
        QMessageBox::information(window, title, result->text);
        if (done) done();
    });
    thread->start();
}

void exportCurrentRun(QWidget* window, const RunStore* runs) {
    const RunSnapshot run = runs->current();
    const QString title = OnnxFileActions::tr("Export to ONNX");
    if (!run || run->history.empty()) {
        QMessageBox::information(
            window, title, OnnxFileActions::tr("There is no trained run to export yet: train the experiment first."));
        return;
    }
    const QString suggested =
        QString::fromStdString(run->experiment.name.empty() ? "model" : run->experiment.name) + ".onnx";
    const QString path =
        QFileDialog::getSaveFileName(window, title, suggested, OnnxFileActions::tr("ONNX models (*.onnx)"));
    if (path.isEmpty()) return;
    runInBackground(window, title, [run, path] { return exportRun(run, path); });
}

void importOnnx(QWidget* window, const std::function<void(const QString&)>& imported) {
    const QString title = OnnxFileActions::tr("Import ONNX model");
    const QString onnx =
        QFileDialog::getOpenFileName(window, title, QString(), OnnxFileActions::tr("ONNX models (*.onnx)"));
    if (onnx.isEmpty()) return;
    const QFileInfo info(onnx);
    const QString model = QFileDialog::getSaveFileName(window, OnnxFileActions::tr("Save the imported model as"),
                                                       info.dir().filePath(info.completeBaseName() + ".mlpw"),
                                                       OnnxFileActions::tr("MLP Workbench models (*.mlpw)"));
    if (model.isEmpty()) return;
    runInBackground(
        window, title, [onnx, model] { return importModel(onnx, model); }, [imported, model] { imported(model); });
}

}  // namespace

void addTo(QMenu* file, QWidget* window, const RunStore* runs, std::function<void(const QString&)> imported) {
    QMenu* exportMenu = file->addMenu(OnnxFileActions::tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    QAction* exportOnnx = exportMenu->addAction(OnnxFileActions::tr("&ONNX…"), window,
                                                [window, runs] { exportCurrentRun(window, runs); });
    exportOnnx->setObjectName(QStringLiteral("exportOnnxAction"));
    exportOnnx->setToolTip(OnnxFileActions::tr("Write the current run's final weights as an ONNX model (opset 13)"));
    QAction* importAction = file->addAction(OnnxFileActions::tr("&Import ONNX…"), window,
                                            [window, imported] { importOnnx(window, imported); });
    importAction->setObjectName(QStringLiteral("importOnnxAction"));
    importAction->setToolTip(
        OnnxFileActions::tr("Read an ONNX MLP (PyTorch, tf2onnx) and save it as a workbench model file"));
}

QString exportRun(const RunSnapshot& run, const QString& onnxPath) {
    mlpw::export_onnx(mlpw::model_file_of(*run, run->final_weights), onnxPath.toStdString());
    return OnnxFileActions::tr(
               "Wrote %1: the final weights of \"%2\" as an ONNX model (input \"image\" {N, %3, %4} = pixel / 255, "
               "output \"probabilities\").")
        .arg(onnxPath, QString::fromStdString(run->experiment.name))
        .arg(run->data.image_rows)
        .arg(run->data.image_cols);
}

QString importModel(const QString& onnxPath, const QString& modelPath) {
    const mlpw::ModelFile model = mlpw::import_onnx(onnxPath.toStdString());
    mlpw::save_model(model, modelPath.toStdString());
    return OnnxFileActions::tr(
               "Imported %1 (%2 layers, normalisation %3) and saved it as the model file %4, which the window now "
               "opens.")
        .arg(onnxPath)
        .arg(model.experiment.model.layers.size())
        .arg(QString::fromStdString(mlpw::to_string(model.experiment.data.normalization)), modelPath);
}

}  // namespace onnx_file_actions
