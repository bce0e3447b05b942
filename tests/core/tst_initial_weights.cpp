// training.initial_weights: a run starts from a model file's weights (Keras' load_weights before fit), exactly
// those weights before any step, with the file's normalisation; a file whose layers or normalisation do not fit
// the experiment is refused naming the file and the first difference; the option round-trips through the
// experiment file; an imported ONNX model fine-tunes.
#include <QTemporaryDir>
#include <QtTest>

#include "mlpw/errors.h"
#include "mlpw/io/onnx_export.h"
#include "mlpw/io/onnx_import.h"
#include "mlpw/training/prediction.h"
#include "tiny_run.h"

namespace {

using namespace mlpw;

// The message of what `f` throws (empty when it does not throw).
template <class F>
std::string thrown(F f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class TestInitialWeights : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Dataset m_data = tiny_run::data();

    // A model trained for 3 epochs on the tiny data, saved; returns its path.
    std::string savedModel(const ExperimentSpec& spec, const char* name) {
        const RunRecord run = tiny_run::train(spec);
        const std::string path = m_dir.filePath(name).toStdString();
        save_model(model_file_of(run, run.final_weights), path);
        return path;
    }

private slots:
    void startsFromTheFileWeightsBeforeAnyStep() {
        const std::string path = savedModel(tiny_run::spec(3), "start.mlpw");
        const ModelFile model = load_model(path);
        ExperimentSpec spec = tiny_run::spec(1, /*seed=*/99);  // another seed: the initialiser would differ
        spec.training.initial_weights = path;
        Trainer trainer(spec, m_data);
        QVERIFY(trainer.record().final_weights == model.weights);
        QVERIFY(trainer.network().state() == model.weights);
        // Its test evaluation equals mlpw evaluate's on the file (the same weights and normalisation).
        const EvaluationResult ours = trainer.evaluate(m_data.test);
        const EvaluationResult file = InferenceModel(model).evaluate(m_data.test);
        QCOMPARE(ours.accuracy, file.accuracy);
        QCOMPARE(ours.loss, file.loss);

        // Without the option the same seed starts from the initialiser, whose loss is higher than the trained one.
        Trainer fresh(tiny_run::spec(1, 99), m_data);
        QVERIFY(fresh.record().final_weights != model.weights);
        QVERIFY(ours.loss < fresh.evaluate(m_data.test).loss);
    }

    void usesTheFileNormalisation() {
        ExperimentSpec standardized = tiny_run::spec(2);
        standardized.data.normalization = Normalization::standardize;
        const std::string path = savedModel(standardized, "standardized.mlpw");
        ModelFile model = load_model(path);
        model.normalization_mean = 7.5f;  // not the data's: proves the file's parameters are used
        model.normalization_stddev = 3.0f;
        save_model(model, path);
        standardized.training.initial_weights = path;
        Trainer trainer(standardized, m_data);
        QCOMPARE(trainer.record().data.normalization_mean, 7.5f);
        QCOMPARE(trainer.record().data.normalization_stddev, 3.0f);
        QCOMPARE(trainer.evaluate(m_data.test).loss, InferenceModel(model).evaluate(m_data.test).loss);

        ExperimentSpec scaled = tiny_run::spec(1);
        scaled.training.initial_weights = path;
        const std::string refused = thrown([&] { Trainer t(scaled, m_data); });
        QVERIFY2(refused.find(path +
                              ": the model was trained on data.normalization \"standardize\" but the "
                              "experiment has \"scale\"") != std::string::npos,
                 refused.c_str());
    }

    void refusesOtherLayersNamingTheFirst() {
        const std::string path = savedModel(tiny_run::spec(1), "layers.mlpw");
        ExperimentSpec wider = tiny_run::spec(1);
        wider.model.layers[0].units = 8;
        wider.training.initial_weights = path;
        QCOMPARE(thrown([&] { Trainer t(wider, m_data); }),
                 path + ": layer 0 (dense) is Dense(8) in the experiment but Dense(5) in the model file");

        ExperimentSpec deeper = tiny_run::spec(1);
        LayerSpec extra = deeper.model.layers[0];
        deeper.model.layers.insert(deeper.model.layers.begin() + 1, extra);
        deeper.training.initial_weights = path;
        QCOMPARE(thrown([&] { Trainer t(deeper, m_data); }),
                 path + ": layer 1 (dense_1) is Dense(5) in the experiment but Dense(3) in the model file");

        ExperimentSpec missing = tiny_run::spec(1);
        missing.training.initial_weights = m_dir.filePath("absent.mlpw").toStdString();
        QVERIFY(thrown([&] { Trainer t(missing, m_data); }).find("absent.mlpw") != std::string::npos);

        // Dropout carries no weights: adding one to fine-tune is allowed, as Keras' load_weights allows it.
        ExperimentSpec dropout = tiny_run::spec(1);
        LayerSpec drop;
        drop.type = LayerType::dropout;
        drop.rate = 0.2f;
        dropout.model.layers.insert(dropout.model.layers.begin() + 1, drop);
        dropout.training.initial_weights = path;
        Trainer t(dropout, m_data);
        QVERIFY(t.record().final_weights == load_model(path).weights);
    }

    void roundTripsThroughTheExperimentFile() {
        ExperimentSpec spec = tiny_run::spec(1);
        QVERIFY(!experiment_to_json(spec)["training"].contains("initial_weights"));  // absent unless set
        spec.training.initial_weights = "runs/base/model.mlpw";
        const nlohmann::json json = experiment_to_json(spec);
        QCOMPARE(json["training"]["initial_weights"].get<std::string>(), std::string("runs/base/model.mlpw"));
        QVERIFY(experiment_from_json(json) == spec);
        nlohmann::json wrong = json;
        wrong["training"]["initial_weights"] = 3;
        const std::string refused = thrown([&] { experiment_from_json(wrong); });
        QVERIFY2(refused.find("training.initial_weights") != std::string::npos, refused.c_str());
    }

    // An imported ONNX model (exported from a trained one) fine-tuned for an epoch at a small learning rate keeps
    // or improves its test accuracy, and starts from exactly the imported weights.
    void fineTunesAnImportedOnnxModel() {
        const std::string trained = savedModel(tiny_run::spec(2), "to_export.mlpw");
        const std::string onnx = m_dir.filePath("tiny.onnx").toStdString();
        export_onnx(load_model(trained), onnx);
        const std::string imported = m_dir.filePath("imported.mlpw").toStdString();
        save_model(import_onnx(onnx), imported);
        const ModelFile model = load_model(imported);

        ExperimentSpec spec = model.experiment;  // what mlpw train --from-model trains
        spec.training.initial_weights = imported;
        spec.training.epochs = 1;
        spec.training.batch_size = 16;
        spec.training.threads = 1;
        spec.optimizer.learning_rate = 1e-4f;
        Trainer trainer(spec, m_data);
        const double before = trainer.evaluate(m_data.test).accuracy;
        QCOMPARE(before, InferenceModel(model).evaluate(m_data.test).accuracy);
        const std::atomic<bool> stop{false};
        trainer.run({}, stop);
        QCOMPARE(trainer.record().epochs_run(), 1);
        QVERIFY(trainer.record().final_weights != model.weights);  // it trained
        QVERIFY2(trainer.evaluate_test_set().accuracy >= before,
                 qPrintable(QString("%1 < %2").arg(trainer.record().test.accuracy).arg(before)));
    }
};

QTEST_APPLESS_MAIN(TestInitialWeights)
#include "tst_initial_weights.moc"
