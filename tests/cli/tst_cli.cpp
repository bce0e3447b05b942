// The headless front end, run as a separate process (build/bin/mlpw) on a tiny IDX data set written here:
// exit codes, the Keras-style log, run bundles, evaluate on a saved model, summary, sweep, Ctrl-C.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <signal.h>

#include "cli_fixture.h"
#include "mlpw/nn/network.h"
#include "mlpw/report/keras_format.h"

namespace {

using cli_fixture::readJson;
using cli_fixture::readLines;
using cli_fixture::Result;
using cli_fixture::run;
using cli_fixture::writeJson;

const QString kPresets = QStringLiteral(MLPW_SOURCE_DIR "/resources/presets/");

constexpr int kSide = 4;  // 4x4 images (cli_fixture::writeTinyData)
constexpr int kClasses = 3;
constexpr int kTestImages = 50;

// The value after `label` in the first line holding it: "Test accuracy: 0.9800 - ..." -> "0.9800".
// A text without the label fails the test (two outputs that both lack the line must not compare equal).
QString valueAfter(const QString& text, const QString& label) {
    const auto match = QRegularExpression(QRegularExpression::escape(label) + R"(\s*([-0-9.e]+))").match(text);
    if (match.hasMatch()) return match.captured(1);
    QTest::qFail(qPrintable(QString("no \"%1\" followed by a number in:\n%2").arg(label, text)), __FILE__, __LINE__);
    return QString();
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data, m_experiment;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    Result run_train_for_plot(const QString& out) const {
        return run({"train", "--experiment", m_experiment, "--epochs", "1", "--out", out});
    }

    // The tiny experiment: 16 -> 8 ReLU -> 3 softmax, Adam 0.01, batch 16 (10 batches of 150 images).
    QJsonObject tinyExperiment() const {
        const QJsonArray layers = {QJsonObject{{"type", "flatten"}},
                                   QJsonObject{{"type", "dense"}, {"units", 8}, {"activation", "relu"}},
                                   QJsonObject{{"type", "dense"}, {"units", kClasses}, {"activation", "softmax"}}};
        return {{"name", "tiny"},
                {"data", QJsonObject{{"source", m_data}, {"validation_split", 0.25}}},
                {"model", QJsonObject{{"layers", layers}}},
                {"optimizer", QJsonObject{{"type", "adam"}, {"learning_rate", 0.01}}},
                {"training", QJsonObject{{"epochs", 5}, {"batch_size", 16}, {"seed", 1}, {"threads", 1}}}};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(cli_fixture::kBinary).isExecutable(), qPrintable(cli_fixture::kBinary + " is not built"));
        m_data = path("tiny");
        cli_fixture::writeTinyData(m_data, kClasses, kSide);
        m_experiment = path("tiny.json");
        writeJson(m_experiment, tinyExperiment());
    }

    void helpListsEveryCommand() {
        const Result r = run({"--help"});
        QCOMPARE(r.code, 0);
        for (const char* command :
             {"train", "evaluate", "summary", "sweep", "bench", "export", "import", "predict", "plot"})
            QVERIFY2(r.out.contains(QString("  ") + command), qPrintable(r.out));
        for (const char* command :
             {"train", "evaluate", "summary", "sweep", "bench", "export", "import", "predict", "plot"}) {
            const Result help = run({command, "--help"});
            QCOMPARE(help.code, 0);
            QVERIFY2(help.out.startsWith(QString("usage: mlpw ") + command), qPrintable(help.text()));
        }
    }

    // Keras' Progbar: a 30-character bar, '>' at the head while running, the count right-aligned.
    void progressBar_data() {
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("total");
        QTest::addColumn<QString>("bar");
        QTest::newRow("start") << 0 << 10 << " 0/10 [..............................]";
        QTest::newRow("under one cell") << 1 << 1407 << "   1/1407 [..............................]";
        QTest::newRow("one cell") << 47 << 1407 << "  47/1407 [>.............................]";
        QTest::newRow("running") << 812 << 1407 << " 812/1407 [================>.............]";
        QTest::newRow("last batch running") << 1406 << 1407 << "1406/1407 [============================>.]";
        QTest::newRow("done") << 1407 << 1407 << "1407/1407 [==============================]";
        QTest::newRow("one batch") << 1 << 1 << "1/1 [==============================]";
    }
    void progressBar() {
        QFETCH(int, current);
        QFETCH(int, total);
        QFETCH(QString, bar);
        QCOMPARE(QString::fromStdString(mlpw::progress_bar(current, total)), bar);
    }

    void logNumbers() {
        using namespace mlpw;
        QCOMPARE(metric_value(0.05741234), std::string("0.0574"));
        QCOMPARE(metric_value(0.98216), std::string("0.9822"));
        QCOMPARE(metric_value(5.12e-4), std::string("5.1200e-04"));
        QCOMPARE(step_time(2.4), std::string("2s/step"));
        QCOMPARE(step_time(0.0123), std::string("12ms/step"));
        QCOMPARE(step_time(0.0025), std::string("2.5ms/step"));
        QCOMPARE(step_time(0.0007), std::string("0.7ms/step"));
        QCOMPARE(step_time(0.000085), std::string("85us/step"));
        QCOMPARE(eta_text(42.2), std::string("42s"));
        QCOMPARE(eta_text(187), std::string("3:07"));
        QCOMPARE(eta_text(3723), std::string("1:02:03"));
    }

    void trainWritesRunBundle() {
        const QString out = path("run");
        const Result r = run({"train", "--experiment", m_experiment, "--out", out});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));

        // The log: summary first, then Keras' fit lines (stdout is not a terminal: no \r, final lines only).
        QVERIFY(r.out.startsWith("Model: \"sequential\""));
        QVERIFY(r.out.contains("Total params: 163 (652.00 Byte)"));  // 16*8+8 + 8*3+3
        QVERIFY(!r.out.contains('\r'));
        QVERIFY(r.out.contains("Train on 150 samples, validate on 50 samples\n"));
        const QRegularExpression epochLine(
            R"(^10/10 \[={30}\] - \d+s [0-9.]+(us|ms|s)/step - accuracy: \d\.\d{4} - loss: \d\.\d{4})"
            R"( - val_accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - lr: [0-9.e+-]+$)",
            QRegularExpression::MultilineOption);
        QCOMPARE(r.out.count(epochLine), 5);
        for (int e = 1; e <= 5; ++e) QVERIFY(r.out.contains(QString("\nEpoch %1/5\n10/10 [").arg(e)));
        QVERIFY(r.out.contains(QRegularExpression(R"(\nTest accuracy: \d\.\d{4} - test loss: \d\.\d{4}\n)")));

        // Every file of the bundle (see mlpw/io/run_bundle.h), and no temp files left behind.
        QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name),
                 QStringList({"batches.csv", "best_model.mlpw", "confusion.csv", "confusions.csv", "experiment.json",
                              "first_layer.bin", "history.csv", "misclassified.csv", "model.mlpw",
                              "panel_predictions.csv", "run.json", "sample_panel.csv", "summary.json"}));

        const QStringList history = readLines(out + "/history.csv");
        QCOMPARE(history.size(), 1 + 5);
        QCOMPARE(history[0], QString("epoch,accuracy,loss,val_accuracy,val_loss,seconds,val_data_loss,lr"));
        for (int e = 0; e < 5; ++e) {
            const QStringList fields = history[1 + e].split(',');
            QCOMPARE(fields.size(), 8);
            QCOMPARE(fields[0], QString::number(e));  // 0-based, as Keras' CSVLogger
            QCOMPARE(fields[6], fields[4]);           // no regulariser: val_data_loss is val_loss
        }

        const QStringList confusion = readLines(out + "/confusion.csv");
        QCOMPARE(confusion.size(), 1 + kClasses);
        QCOMPARE(confusion[0], QString("true\\predicted,0,1,2"));
        int total = 0;
        for (int t = 1; t <= kClasses; ++t) {
            const QStringList fields = confusion[t].split(',');
            QCOMPARE(fields.size(), 1 + kClasses);
            QCOMPARE(fields[0], QString::number(t - 1));
            for (int p = 1; p <= kClasses; ++p) total += fields[p].toInt();
        }
        QCOMPARE(total, kTestImages);

        const QJsonObject summary = readJson(out + "/summary.json");
        for (const char* key : {"val_accuracy", "val_loss", "test_accuracy", "test_loss", "best_epoch", "epochs_run",
                                "stopped_early", "seconds"})
            QVERIFY2(summary.contains(key), key);
        QCOMPARE(summary["epochs_run"].toInt(), 5);
        QVERIFY(summary["best_epoch"].toInt() >= 1 && summary["best_epoch"].toInt() <= 5);
        QCOMPARE(summary["stopped_early"].toBool(), false);
        QVERIFY2(summary["test_accuracy"].toDouble() > 0.9, "the tiny data set is easy to learn");
        QCOMPARE(valueAfter(r.out, "Test accuracy:"), QString::number(summary["test_accuracy"].toDouble(), 'f', 4));

        const QJsonObject experiment = readJson(out + "/experiment.json");
        QCOMPARE(experiment["training"].toObject()["batch_size"].toInt(), 16);
        QCOMPARE(experiment["optimizer"].toObject()["beta_1"].toDouble(), 0.9);  // fully resolved

        // The model file loads and gives the same test result as training reported.
        const Result evaluation = run({"evaluate", "--model", out + "/model.mlpw"});
        QVERIFY2(evaluation.code == 0, qPrintable(evaluation.text()));
        QCOMPARE(valueAfter(evaluation.out, "Test accuracy:"), valueAfter(r.out, "Test accuracy:"));
        QCOMPARE(valueAfter(evaluation.out, "test loss:"), valueAfter(r.out, "test loss:"));
        QVERIFY(evaluation.out.contains("precision"));
        QVERIFY(evaluation.out.contains("recall"));
        QVERIFY(evaluation.out.contains("Confusion matrix"));
    }

    // "My digits" of some classes only: a folder whose labels are 0 and 1 derives 2 classes; the 3-class model
    // evaluates on it with its own class names, and says so.
    void evaluatesOnASubsetOfTheClasses() {
        const QString some = path("two_classes");
        cli_fixture::writeTinyData(some, 2, kSide);
        const Result r = run({"evaluate", "--model", path("run/model.mlpw"), "--data", some});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QVERIFY2(r.out.contains("the data set has 2 of the model's 3 classes"), qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(R"(\nTest accuracy: \d\.\d{4})")));
    }

    // mlpw plot on the bundle of a 1-epoch mlpw train --out: every picture, 1600x1000 PNG or SVG with its title.
    void plotDrawsTheRunBundle() {
        const QString run = path("plotted"), pictures = path("pictures");
        const Result train = run_train_for_plot(run);
        QVERIFY2(train.code == 0, qPrintable(train.text()));
        const QStringList names = {"curves", "twin_axis", "confusion_matrix", "sample_digits", "first_layer_weights"};
        const Result png = ::run({"plot", "--run", run, "--out", pictures});
        // (stderr may hold Qt's note that XDG_RUNTIME_DIR is not set, as in CI; nothing of mlpw's)
        QVERIFY2(png.code == 0 && !png.err.contains("mlpw"), qPrintable(png.text()));
        for (const QString& name : names) {
            QFile file(pictures + "/" + name + ".png");
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray head = file.read(24);  // PNG signature, IHDR: width and height big-endian
            QCOMPARE(head.left(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
            QCOMPARE(qFromBigEndian<quint32>(head.constData() + 16), 1600u);
            QCOMPARE(qFromBigEndian<quint32>(head.constData() + 20), 1000u);
            QVERIFY(png.out.contains(file.fileName()));
        }
        const Result svg = ::run({"plot", "--run", run, "--out", pictures, "--format", "svg"});
        QVERIFY2(svg.code == 0, qPrintable(svg.text()));
        QFile confusion(pictures + "/confusion_matrix.svg");
        QVERIFY(confusion.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&confusion);
        QString title;
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("svg")) continue;
            if (xml.name() == QLatin1String("title")) title = xml.readElementText();
            break;
        }
        QCOMPARE(title, QString("Validation confusion matrix, epoch 1 of 1"));
        QVERIFY(!xml.hasError());
    }

    // mlpw export --format onnx, then mlpw import: the same model (its test result unchanged).
    void onnxExportImportRoundTrip() {
        const QString onnx = path("run/model.onnx"), back = path("run/from_onnx.mlpw");
        const Result exported = run({"export", "--model", path("run/model.mlpw"), "--format", "onnx", "--out", onnx});
        QVERIFY2(exported.code == 0, qPrintable(exported.text()));
        QCOMPARE(exported.out, "Wrote " + onnx + " (ONNX, opset 13)\n");
        const Result imported = run({"import", "--onnx", onnx, "--out", back});
        QVERIFY2(imported.code == 0, qPrintable(imported.text()));
        QVERIFY(imported.out.contains("Total params: 163 (652.00 Byte)"));
        QVERIFY(imported.out.contains("Normalization: scale\nWrote " + back + "\n"));
        const Result original = run({"evaluate", "--model", path("run/model.mlpw")});
        const Result again = run({"evaluate", "--model", back});
        QVERIFY2(again.code == 0, qPrintable(again.text()));
        QCOMPARE(valueAfter(again.out, "Test accuracy:"), valueAfter(original.out, "Test accuracy:"));
        QCOMPARE(valueAfter(again.out, "test loss:"), valueAfter(original.out, "test loss:"));
    }

    // training.dtype_policy mixed_bfloat16: said before the fit log and kept in the run's experiment; on a CPU
    // without bfloat16 instructions (forced with ONEDNN_MAX_CPU_ISA=AVX2) refused with a message naming the option.
    void trainsWithMixedBfloat16OrSaysWhyNot() {
        const QStringList args{
            "train", "--experiment",   m_experiment, "--epochs", "1", "--set", "training.dtype_policy=mixed_bfloat16",
            "--out", path("run_mixed")};
        if (mlpw::mixed_bfloat16_available()) {
            const Result r = run(args);
            QVERIFY2(r.code == 0, qPrintable(r.text()));
            QVERIFY(
                r.out.contains("Mixed precision policy: mixed_bfloat16 (bfloat16 matrix products, float32 weights"));
            QCOMPARE(readJson(path("run_mixed/experiment.json"))["training"].toObject()["dtype_policy"].toString(),
                     QStringLiteral("mixed_bfloat16"));
        }
        qputenv("ONEDNN_MAX_CPU_ISA", "AVX2");
        const Result refused = run(args);
        qunsetenv("ONEDNN_MAX_CPU_ISA");
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains("training.dtype_policy: mixed_bfloat16 needs a CPU with bfloat16 instructions"),
                 qPrintable(refused.text()));
    }

    // mlpw train --from-model: the imported model's own experiment, from its weights; 1 epoch at a small rate
    // keeps or improves its test accuracy. --initial-weights with other layers is refused naming the layer.
    void fineTunesAModelFile() {
        const QString imported = path("run/from_onnx.mlpw"), out = path("run_fine_tuned");
        const Result before = run({"evaluate", "--model", imported});
        const Result r = run({"train", "--from-model", imported, "--epochs", "1", "--set", "data.source=" + m_data,
                              "--set", "optimizer.learning_rate=0.0001", "--out", out});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QVERIFY(r.out.contains("Starting from the weights of " + imported + "\n"));
        QVERIFY(valueAfter(r.out, "Test accuracy:").toDouble() >= valueAfter(before.out, "Test accuracy:").toDouble());
        QCOMPARE(readJson(out + "/experiment.json")["training"].toObject()["initial_weights"].toString(), imported);

        const QString model = path("run/model.mlpw");
        const Result wider = run({"train", "--experiment", m_experiment, "--initial-weights", model, "--epochs", "1",
                                  "--set", "model.layers[1].units=9"});
        QCOMPARE(wider.code, 1);
        QVERIFY2(wider.err.contains(model +
                                    ": layer 1 (dense) is Dense(9) in the experiment but Dense(8) in the "
                                    "model file"),
                 qPrintable(wider.text()));
        const Result both = run({"train", "--experiment", m_experiment, "--from-model", model});
        QCOMPARE(both.code, 2);
        QVERIFY2(both.err.contains("--from-model"), qPrintable(both.text()));
    }

    void overridesApply() {
        const QString out = path("run_overrides");
        const Result r = run({"train", "--experiment", m_experiment, "--epochs", "2", "--set", "training.batch_size=50",
                              "--set", "optimizer=sgd", "--out", out});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QVERIFY(r.out.contains("\nEpoch 2/2\n3/3 [==="));
        QCOMPARE(readLines(out + "/history.csv").size(), 1 + 2);
        const QJsonObject experiment = readJson(out + "/experiment.json");
        QCOMPARE(experiment["training"].toObject()["batch_size"].toInt(), 50);
        QCOMPARE(experiment["training"].toObject()["epochs"].toInt(), 2);
        QCOMPARE(experiment["optimizer"].toObject()["type"].toString(), QString("sgd"));
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("mentions");  // in stderr

        QJsonObject bad = tinyExperiment();
        QJsonObject model = bad["model"].toObject();
        QJsonArray layers = model["layers"].toArray();
        QJsonObject hidden = layers[1].toObject();
        hidden["units"] = -5;
        layers[1] = hidden;
        model["layers"] = layers;
        bad["model"] = model;
        const QString badFile = path("bad_units.json");
        writeJson(badFile, bad);
        const QString missing = path("no_such_experiment.json");
        const QString other = path("other_shape");
        cli_fixture::writeTinyData(other, kClasses, 5);

        QTest::newRow("bad field") << QStringList{"train", "--experiment", badFile} << 1
                                   << QStringList{badFile, "model.layers[1].units", "-5"};
        QTest::newRow("missing file") << QStringList{"train", "--experiment", missing} << 1 << QStringList{missing};
        QTest::newRow("summary of a missing file")
            << QStringList{"summary", "--experiment", missing} << 1 << QStringList{missing};
        QTest::newRow("unknown --set key")
            << QStringList{"train", "--experiment", m_experiment, "--set", "training.nope=3"} << 1
            << QStringList{"training.nope"};
        QTest::newRow("--epochs 0") << QStringList{"train", "--experiment", m_experiment, "--epochs", "0"} << 1
                                    << QStringList{"training.epochs"};
        QTest::newRow("unknown option") << QStringList{"train", "--experiment", m_experiment, "--bogus"} << 2
                                        << QStringList{"--bogus"};
        QTest::newRow("missing --experiment") << QStringList{"train"} << 2 << QStringList{"--experiment"};
        QTest::newRow("option without value")
            << QStringList{"train", "--experiment"} << 2 << QStringList{"--experiment"};
        QTest::newRow("--epochs not a number") << QStringList{"train", "--experiment", m_experiment, "--epochs", "x"}
                                               << 2 << QStringList{"--epochs", "'x'"};
        QTest::newRow("--set without =") << QStringList{"train", "--experiment", m_experiment, "--set", "epochs"} << 2
                                         << QStringList{"--set", "key.path=value"};
        QTest::newRow("unknown command") << QStringList{"fit"} << 2 << QStringList{"'fit'"};
        QTest::newRow("missing model") << QStringList{"evaluate", "--model", missing} << 1 << QStringList{missing};
        QTest::newRow("sweep sort column") << QStringList{"sweep", "--experiment", m_experiment, "--sort", "nope"} << 2
                                           << QStringList{"'nope'", "val_loss"};
        // The bench checks its command line before reading MNIST.
        QTest::newRow("bench unknown optimiser") << QStringList{"bench", "--optimizer", "adamw"} << 2
                                                 << QStringList{"--optimizer", "'adamw'", "rmsprop_centered"};
        QTest::newRow("bench --optimizer and --all-optimizers")
            << QStringList{"bench", "--optimizer", "adam", "--all-optimizers"} << 2
            << QStringList{"--optimizer", "--all-optimizers"};
        QTest::newRow("bench unknown network") << QStringList{"bench", "--all-optimizers", "--network", "q5"} << 2
                                               << QStringList{"--network", "'q5'", "q4 or final"};
        QTest::newRow("bench --steps 0") << QStringList{"bench", "--optimizer", "sgd", "--steps", "0"} << 2
                                         << QStringList{"--steps", "at least 1"};
        QTest::newRow("bench --network and --experiment")
            << QStringList{"bench", "--network", "q4", "--experiment", m_experiment} << 2
            << QStringList{"--network", "--experiment"};
        QTest::newRow("bench --experiment missing file")
            << QStringList{"bench", "--experiment", missing} << 1 << QStringList{missing};
        QTest::newRow("bench --augmentation without augmentation layers")
            << QStringList{"bench", "--augmentation", m_experiment} << 1
            << QStringList{m_experiment, "no augmentation layer"};
        QTest::newRow("bench --augmentation --rounds 0")
            << QStringList{"bench", "--augmentation", m_experiment, "--rounds", "0"} << 2
            << QStringList{"--rounds", "at least 1"};
        QTest::newRow("data set missing")
            << QStringList{"train", "--experiment", m_experiment, "--set", "data.source=" + path("nowhere")} << 1
            << QStringList{path("nowhere")};
        QTest::newRow("out is a file") << QStringList{"train", "--experiment", m_experiment, "--out", m_experiment} << 1
                                       << QStringList{m_experiment, "not a folder"};
        QTest::newRow("plot a missing run")
            << QStringList{"plot", "--run", path("nowhere")} << 1 << QStringList{path("nowhere"), "no such run folder"};
        QTest::newRow("plot a folder that is not a run")
            << QStringList{"plot", "--run", m_dir.path()} << 1 << QStringList{"experiment.json"};
        QTest::newRow("plot --format jpg")
            << QStringList{"plot", "--run", path("run"), "--format", "jpg"} << 2 << QStringList{"--format", "'jpg'"};
        QTest::newRow("train a sweep") << QStringList{"train", "--experiment", m_experiment, "--set",
                                                      "sweep={\"training.batch_size\": [16, 32]}"}
                                       << 1 << QStringList{"mlpw sweep"};
        const QString notOnnx = path("not_onnx.onnx");
        {
            QFile file(notOnnx);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("\xff\xff not protobuf");
        }
        QTest::newRow("export without --out")
            << QStringList{"export", "--model", m_experiment} << 2 << QStringList{"--out"};
        QTest::newRow("export to keras") << QStringList{"export", "--model", path("run/model.mlpw"), "--format",
                                                        "keras",  "--out",   path("m.keras")}
                                         << 2 << QStringList{"--format", "'keras'"};
        QTest::newRow("export a missing model")
            << QStringList{"export", "--model", missing, "--out", path("m.onnx")} << 1 << QStringList{missing};
        QTest::newRow("import without --onnx")
            << QStringList{"import", "--out", path("m.mlpw")} << 2 << QStringList{"--onnx"};
        QTest::newRow("import --input-range")
            << QStringList{"import", "--onnx", notOnnx, "--out", path("m.mlpw"), "--input-range", "0-2"} << 2
            << QStringList{"--input-range", "'0-2'"};
        QTest::newRow("import a file that is not ONNX")
            << QStringList{"import", "--onnx", notOnnx, "--out", path("m.mlpw")} << 1
            << QStringList{notOnnx + ": not an ONNX model"};
        QTest::newRow("model does not fit the data")
            << QStringList{"train", "--experiment", m_experiment, "--set", "model.layers[2].units=4"} << 1
            << QStringList{"4 units", "3 classes"};
        // Needs the model of trainWritesRunBundle: 4x4 images, 3 classes.
        QTest::newRow("evaluate on other images")
            << QStringList{"evaluate", "--model", path("run/model.mlpw"), "--data", other} << 1
            << QStringList{"4x4", "5x5", "16 inputs", "25 inputs"};
        QTest::newRow("predict without --model")
            << QStringList{"predict", "--image", "x.png"} << 2 << QStringList{"--model"};
        QTest::newRow("predict --save-input of two images")
            << QStringList{"predict", "--model", "m", "--image", "a.png", "--image", "b.png", "--save-input", "s.png"}
            << 2 << QStringList{"--save-input", "one --image"};
        QTest::newRow("predict with a model of 4x4 images")
            << QStringList{"predict", "--model", path("run/model.mlpw"), "--image", m_experiment} << 1
            << QStringList{"4x4", "28x28"};
    }

    void errors() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QStringList, mentions);
        const Result r = run(args);
        QVERIFY2(r.code == code, qPrintable(r.text()));
        if (code == 1) {
            QVERIFY2(r.err.count('\n') == 1 && r.err.endsWith('\n'), qPrintable("one line expected:\n" + r.err));
            QVERIFY2(r.err.startsWith("mlpw " + args[0] + ": "), qPrintable(r.err));
        }
        for (const QString& text : mentions) QVERIFY2(r.err.contains(text), qPrintable(text + " not in:\n" + r.err));
    }

    void summaryOfBaseline() {
        const Result r = run({"summary", "--experiment", kPresets + "baseline.json"});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QVERIFY(r.out.contains("Total params: 407,050"));
        QVERIFY(r.out.contains(" dense (Dense)               (None, 512)               401920\n"));
    }

    void memoryGuardRefusesHugeLayers_data() {
        QTest::addColumn<QString>("units");
        QTest::newRow("20,000,000 units") << "20000000";  // the tiny data set has 16 inputs
        QTest::newRow("100,000,000 units (past INT_MAX weights)") << "100000000";
    }
    void memoryGuardRefusesHugeLayers() {
        // Refused before anything is allocated, with how much is needed and how much there is.
        QFETCH(QString, units);
        const Result r = run({"train", "--experiment", m_experiment, "--set", "model.layers[1].units=" + units});
        QVERIFY2(r.code == 1, qPrintable(r.text()));
        QVERIFY2(r.out.contains("Memory to train: about ") && r.out.contains("too little: training would be refused"),
                 qPrintable(r.out));
        QVERIFY2(r.err.startsWith("mlpw train: experiment '") &&
                     r.err.contains("not enough memory to train: it needs about ") &&
                     r.err.contains(" is available (MemAvailable"),
                 qPrintable(r.err));
        QVERIFY(!r.out.contains("Epoch 1/"));
    }

    void summaryShowsMemory() {
        const Result r = run({"summary", "--experiment", kPresets + "baseline.json"});
        QVERIFY2(r.out.contains("Memory to train: about 68.32 MB (weights 1.56 MB"), qPrintable(r.out));
    }

    void summaryRefusesFiveUnits() {
        const Result r = run({"summary", "--experiment", kPresets + "last_layer_5_units.json"});
        QVERIFY2(r.code == 1, qPrintable(r.text()));
        QVERIFY2(r.err.contains("5 units") && r.err.contains("10 classes"), qPrintable(r.err));
        QVERIFY2(r.err.contains("model.layers[2].units"), qPrintable(r.err));
    }

    void sweepOverTwoPoints() {
        QJsonObject experiment = tinyExperiment();
        experiment["sweep"] = QJsonObject{{"training.batch_size", QJsonArray{16, 50}}};
        const QString file = path("tiny_sweep.json");
        writeJson(file, experiment);
        const QString out = path("sweep");
        const Result r = run({"sweep", "--experiment", file, "--epochs", "2", "--out", out, "--sort", "run:desc"});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QVERIFY(r.out.contains("Run 1/2: training.batch_size=16\n"));
        QVERIFY(r.out.contains("Run 2/2: training.batch_size=50\n"));
        QVERIFY(r.out.contains(QRegularExpression(R"(\nrun\s+varies\s+best_epoch\s+epochs\s+val_acc%\s+val_loss)"
                                                  R"(\s+test_acc%\s+seconds\n\s*2\s+training\.batch_size=50 )")));

        const QStringList results = readLines(out + "/results.csv");
        QCOMPARE(results.size(), 1 + 2);
        QVERIFY(results[0].startsWith("run,varies,best_epoch,epochs_run,stopped_early,val_accuracy,val_loss,"));
        QVERIFY(results[1].startsWith("2,training.batch_size=50,"));  // sorted as asked
        QVERIFY(results[2].startsWith("1,training.batch_size=16,"));
        for (const char* run : {"run_1", "run_2"}) {
            QCOMPARE(readLines(out + "/" + run + "/history.csv").size(), 1 + 2);
            QCOMPARE(readJson(out + "/" + run + "/summary.json")["epochs_run"].toInt(), 2);
        }
        QCOMPARE(readJson(out + "/run_2/experiment.json")["training"].toObject()["batch_size"].toInt(), 50);
    }

    // Ctrl-C: the run stops within a batch, still writes the completed epochs, and exits with 130.
    void interruptSavesCompletedEpochs() {
        const QString out = path("interrupted");
        QProcess process;
        process.start(cli_fixture::kBinary,
                      {"train", "--experiment", m_experiment, "--epochs", "100000", "--out", out});
        QVERIFY(process.waitForStarted());
        QByteArray seen;
        QElapsedTimer timer;
        timer.start();
        while (!seen.contains("\nEpoch 4/") && timer.elapsed() < 60000 && process.state() == QProcess::Running) {
            process.waitForReadyRead(100);
            seen += process.readAllStandardOutput();
        }
        QVERIFY2(seen.contains("\nEpoch 4/"), seen.constData());
        QCOMPARE(::kill(static_cast<pid_t>(process.processId()), SIGINT), 0);
        if (!process.waitForFinished(60000)) {
            process.kill();
            QFAIL("mlpw train did not stop on SIGINT");
        }
        seen += process.readAllStandardOutput();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(seen.contains("Stopped by the user"));

        const QJsonObject summary = readJson(out + "/summary.json");
        const int epochs = summary["epochs_run"].toInt();
        QVERIFY(epochs >= 3 && epochs < 100000);
        QCOMPARE(summary["stopped_early"].toBool(), true);
        QCOMPARE(summary["stop_reason"].toString(), QString("user"));
        QCOMPARE(readLines(out + "/history.csv").size(), 1 + epochs);
        // The model holds the last completed epoch's weights: the same test result as training reported.
        const Result evaluation = run({"evaluate", "--model", out + "/model.mlpw"});
        QVERIFY2(evaluation.code == 0, qPrintable(evaluation.text()));
        QVERIFY(evaluation.out.contains(QString("(experiment \"tiny\", %1 epochs,").arg(epochs)));
        QCOMPARE(valueAfter(evaluation.out, "Test accuracy:"), valueAfter(QString::fromUtf8(seen), "Test accuracy:"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
