// File > Export > ONNX… and File > Import ONNX…: the entries are in the window's File menu, and their work
// exports a run's final weights and imports them back into a model file with the same weights; failures name
// the file.
#include <QAction>
#include <QTemporaryDir>
#include <QtTest>

#include "mlpw/errors.h"
#include "mlpw/io/model_io.h"
#include "shell/main_window.h"
#include "shell/onnx_file_actions.h"

namespace {

// A finished 784-8-10 run: one epoch of history, the network's initial weights as its final ones.
RunSnapshot finishedRun() {
    auto record = std::make_shared<mlpw::RunRecord>();
    mlpw::LayerSpec flatten, hidden, head;
    flatten.type = mlpw::LayerType::flatten;
    hidden.units = 8;
    hidden.activation = mlpw::ActivationFn::relu;
    head.units = 10;
    head.activation = mlpw::ActivationFn::softmax;
    record->experiment.name = "tiny";
    record->experiment.model.layers = {flatten, hidden, head};
    record->data = {"mnist", {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, 28, 28, 3, 1, 0.0f, 1.0f};
    record->history.resize(1);
    record->final_weights = mlpw::Network(record->experiment.model, 784, 10, 1).state();
    return record;
}

}  // namespace

class TestOnnxFileActions : public QObject {
    Q_OBJECT
private slots:
    void fileMenuHasTheEntries() {
        MainWindow window;
        QVERIFY(window.findChild<QAction*>(QStringLiteral("exportOnnxAction")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("importOnnxAction")));
    }

    void exportThenImportKeepsTheWeights() {
        QTemporaryDir dir;
        const QString onnx = dir.filePath(QStringLiteral("tiny.onnx")),
                      model = dir.filePath(QStringLiteral("tiny.mlpw"));
        const RunSnapshot run = finishedRun();
        QVERIFY(onnx_file_actions::exportRun(run, onnx).startsWith(QStringLiteral("Wrote ") + onnx));
        const QString message = onnx_file_actions::importModel(onnx, model);
        QVERIFY2(message.contains(QStringLiteral("the model file ") + model), qPrintable(message));
        const mlpw::ModelFile loaded = mlpw::load_model(model.toStdString());
        QCOMPARE(loaded.weights, run->final_weights);
        QCOMPARE(loaded.experiment.model, run->experiment.model);
    }

    void failuresNameTheFile() {
        QVERIFY_THROWS_EXCEPTION(mlpw::ModelFileError,
                                 onnx_file_actions::exportRun(finishedRun(), QStringLiteral("/nonexistent/x.onnx")));
        try {
            onnx_file_actions::importModel(QStringLiteral("/nonexistent/x.onnx"), QStringLiteral("/tmp/never.mlpw"));
            QFAIL("imported");
        } catch (const mlpw::ModelFileError& e) {
            QVERIFY2(QString(e.what()).startsWith(QStringLiteral("/nonexistent/x.onnx:")), e.what());
        }
    }
};

QTEST_MAIN(TestOnnxFileActions)
#include "tst_onnx_file_actions.moc"
