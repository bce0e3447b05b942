// The Draw view (ui/inspect): strokes, undo and clear; readings off the GUI thread with and without a model;
// the model's name and epoch; "Keep as..." writing My digits as an IDX folder the CLI reads; my_digits_accuracy
// in the snapshots and the log line; the canvas read as `mlpw predict` reads the same picture saved as a file.
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "export/figure_export.h"
#include "inspect/digit_canvas.h"
#include "inspect/drawing_panel.h"
#include "inspect/grey_picture.h"
#include "inspect/my_digits.h"
#include "inspect/my_digits_score.h"
#include "inspect/reading_view.h"
#include "mlpw/data/dataset.h"
#include "mlpw/report/keras_format.h"
#include "mlpw/training/digit_classifier.h"
#include "run/training_controller.h"

namespace {

mlpw::ExperimentSpec tinyExperiment() {
    mlpw::ExperimentSpec spec;
    spec.name = "tiny";
    mlpw::LayerSpec flatten, hidden, head;
    flatten.type = mlpw::LayerType::flatten;
    hidden.type = head.type = mlpw::LayerType::dense;
    hidden.units = 16;
    hidden.activation = mlpw::ActivationFn::relu;
    head.units = 10;
    head.activation = mlpw::ActivationFn::softmax;
    spec.model.layers = {flatten, hidden, head};
    spec.training.epochs = 4;
    return spec;
}

// A run after `epochs` epochs whose final weights are a freshly initialised 784-16-10 network.
mlpw::RunRecord tinyRun(int epochs) {
    mlpw::RunRecord record;
    record.experiment = tinyExperiment();
    record.data.name = "mnist";
    record.data.class_names = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    record.data.image_rows = record.data.image_cols = 28;
    record.final_weights = mlpw::Network(record.experiment.model, 784, 10, 3).state();
    for (int e = 1; e <= epochs; ++e) {
        mlpw::EpochMetrics m;
        m.epoch = e, m.epochs = 4, m.batches = 10;
        record.history.push_back(m);
    }
    return record;
}

void mouse(QWidget* w, QEvent::Type type, QPointF at) {
    QMouseEvent event(type, at, w->mapToGlobal(at), Qt::LeftButton,
                      type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w, &event);
}

// A "7" across the canvas in widget coordinates: two strokes (the top bar, the stem).
void drawSeven(DigitCanvas* canvas) {
    const double s = std::min(canvas->width(), canvas->height());
    const QPointF origin((canvas->width() - s) / 2, (canvas->height() - s) / 2);
    const QList<QList<QPointF>> strokes = {{{0.2, 0.15}, {0.5, 0.15}, {0.8, 0.15}},
                                           {{0.8, 0.15}, {0.65, 0.5}, {0.45, 0.88}}};
    for (const auto& stroke : strokes) {
        mouse(canvas, QEvent::MouseButtonPress, origin + stroke.first() * s);
        for (const QPointF& p : stroke) mouse(canvas, QEvent::MouseMove, origin + p * s);
        mouse(canvas, QEvent::MouseButtonRelease, origin + stroke.last() * s);
    }
}

}  // namespace

class TestDrawingPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void strokesUndoAndClear() {
        DigitDrawing drawing;
        QVERIFY(drawing.isEmpty());
        drawing.beginStroke({{100, 100}, 1.0});
        drawing.extendStroke({{200, 120}, 1.0});
        const QImage one = drawing.image();
        QCOMPARE(one.pixelColor(150, 110).value(), 255);  // on the line: full white
        QCOMPARE(one.pixelColor(150, 200).value(), 0);
        drawing.beginStroke({{50, 300}, 1.0});
        drawing.extendStroke({{300, 300}, 1.0});
        QCOMPARE(drawing.strokeCount(), 2);
        drawing.undo();
        QCOMPARE(drawing.image(), one);  // back to the first stroke alone, pixel for pixel
        drawing.clear();
        QVERIFY(drawing.isEmpty());
        QCOMPARE(drawing.image().pixelColor(150, 110).value(), 0);
        // Half the pressure, a thinner line: 20 px above the line is ink at full pressure, not at half.
        drawing.setPenWidth(48);
        drawing.beginStroke({{100, 100}, 1.0});
        drawing.extendStroke({{300, 100}, 1.0});
        QVERIFY(drawing.image().pixelColor(200, 80).value() > 200);
        drawing.clear();
        drawing.beginStroke({{100, 100}, 0.2});
        drawing.extendStroke({{300, 100}, 0.2});
        QCOMPARE(drawing.image().pixelColor(200, 80).value(), 0);
    }

    void readsWithoutAndWithAModel() {
        QTemporaryDir dir;
        DrawingPanel panel(dir.path());
        panel.resize(700, 500);
        panel.show();
        QTRY_VERIFY(!panel.isReading());
        QVERIFY(!panel.readingView()->reading().input);  // an empty canvas: nothing to read
        drawSeven(panel.canvas());
        QTRY_VERIFY(!panel.isReading());
        QVERIFY(panel.readingView()->reading().input);  // the 28x28 is shown before any model
        QVERIFY(panel.readingView()->reading().probabilities.empty());

        auto model = std::make_shared<mlpw::ModelFile>(mlpw::model_file_of(tinyRun(2), tinyRun(2).final_weights));
        panel.showModel(model, QStringLiteral("tiny.mlpw"));
        QVERIFY(panel.modelText().contains(QStringLiteral("tiny.mlpw")));
        QTRY_VERIFY(!panel.isReading() && !panel.readingView()->reading().probabilities.empty());
        const mlpw::DigitReading reading = panel.readingView()->reading();
        QCOMPARE(reading.probabilities.size(), size_t(10));
        double sum = 0.0;
        for (float p : reading.probabilities) sum += p;
        QVERIFY(std::abs(sum - 1.0) < 1e-4);

        // The same picture saved and read back as `mlpw predict` reads files: the same input, the same answer.
        const QString file = dir.filePath(QStringLiteral("canvas.png"));
        QVERIFY(panel.canvas()->drawing().image().save(file));
        mlpw::DigitClassifier classifier(*model);
        const mlpw::DigitReading fromFile =
            classifier.read(grey_picture_of(QImage(file)), mlpw::InkPolarity::from_border);
        QCOMPARE(*fromFile.input, *reading.input);
        QCOMPARE(fromFile.predicted, reading.predicted);

        // Undo both strokes: nothing to read again.
        panel.canvas()->undo();
        panel.canvas()->undo();
        QTRY_VERIFY(!panel.isReading());
        QVERIFY(!panel.readingView()->reading().input);
        QVERIFY(panel.readingView()->topClassName().isEmpty());
    }

    void saysWhichRunAndEpoch() {
        QTemporaryDir dir;
        DrawingPanel panel(dir.path());
        panel.showRun(std::make_shared<const mlpw::RunRecord>(tinyRun(3)));
        QVERIFY2(panel.modelText().contains(QStringLiteral("epoch 3 of 4")), qPrintable(panel.modelText()));
        QVERIFY(panel.modelText().contains(QStringLiteral("tiny")));
        // A model that does not take 28x28 images is refused with the reason.
        auto wide = std::make_shared<mlpw::ModelFile>(mlpw::model_file_of(tinyRun(1), tinyRun(1).final_weights));
        wide->image_cols = 56;
        panel.showModel(wide, QStringLiteral("wide.mlpw"));
        QTRY_VERIFY(panel.modelText().contains(QStringLiteral("28x28")));
    }

    void keepAsWritesMyDigits() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("my-digits"));
        DrawingPanel panel(folder);
        panel.resize(700, 500);
        panel.show();
        QTRY_VERIFY(!panel.isReading());
        QVERIFY(!panel.keepAs(7));  // nothing drawn
        drawSeven(panel.canvas());
        QTRY_VERIFY(!panel.isReading());
        QSignalSpy changed(&panel, &DrawingPanel::myDigitsChanged);
        QVERIFY(panel.keepAs(7));
        QVERIFY(panel.keepAs(1));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(panel.myDigits()->count, 2);

        MyDigits reread(folder);
        QCOMPARE(reread.load(), QString());
        QCOMPARE(reread.count(), 2);
        QCOMPARE(reread.set()->labels, (std::vector<uint8_t>{7, 1}));
        const mlpw::DigitImage& kept = *panel.readingView()->reading().input;
        QVERIFY(std::equal(kept.begin(), kept.end(), reread.set()->image(0)));
        // The folder is a data set for the CLI (mlpw evaluate --data <folder>).
        const mlpw::Dataset data = mlpw::load_dataset(folder.toStdString());
        QCOMPARE(data.test.count, 2);
        QCOMPARE(data.test.rows, 28);

        // A panel opened later finds them.
        DrawingPanel later(folder);
        QCOMPARE(later.myDigits()->count, 2);
    }

    void brokenMyDigitsFolderIsReported() {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("t10k-images-idx3-ubyte")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not an IDX file");
        file.close();
        MyDigits digits(dir.path());
        QVERIFY(digits.load().contains(QStringLiteral("t10k-images-idx3-ubyte")));
        QCOMPARE(digits.count(), 0);
    }

    void myDigitsAccuracyInSnapshotsAndLog() {
        const mlpw::RunRecord record = tinyRun(2);
        mlpw::DigitClassifier classifier(mlpw::model_file_of(record, record.final_weights));
        // Two drawings labelled with what the network says and one with something else: 2/3 right.
        auto set = std::make_shared<mlpw::ImageSet>();
        set->rows = set->cols = 28;
        for (int i = 0; i < 3; ++i) {
            mlpw::DigitImage digit{};
            for (int p = 0; p < mlpw::kDigitPixels; ++p) digit[size_t(p)] = uint8_t((p * (i + 3) * 37) % 256);
            const int predicted = classifier.read(digit).predicted;
            set->pixels.insert(set->pixels.end(), digit.begin(), digit.end());
            set->labels.push_back(uint8_t(i < 2 ? predicted : (predicted + 1) % 10));
            ++set->count;
        }
        QCOMPARE(*my_digits_accuracy(record, *set), 2.0 / 3.0);
        MyDigitsScores scores(set);
        mlpw::RunRecord first = record;
        first.history.resize(1);
        scores.scoreLatest(first);
        scores.scoreLatest(record);
        const mlpw::RunRecord annotated = scores.annotated(record);
        QVERIFY(annotated.history[1].has_my_digits);
        QCOMPARE(annotated.history[1].my_digits_accuracy, 2.0 / 3.0);
        QVERIFY(QString::fromStdString(mlpw::epoch_line(annotated.history[1])).endsWith("my_digits_accuracy: 0.6667"));
        QVERIFY(!QString::fromStdString(mlpw::epoch_line(record.history[1])).contains("my_digits"));

        // A label the model has no class for, or no drawings: not scored.
        set->labels[0] = 12;
        QVERIFY(!my_digits_accuracy(record, *set));
        QVERIFY(!my_digits_accuracy(record, mlpw::ImageSet{}));
        QVERIFY(!MyDigitsScores().annotated(record).history[1].has_my_digits);
    }

    // The worker scores My digits after every epoch: the snapshots and the log lines carry my_digits_accuracy.
    void runsScoreMyDigitsEveryEpoch() {
        auto data = std::make_shared<mlpw::Dataset>();
        data->name = "tiny";
        data->class_names = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
        for (mlpw::ImageSet* set : {&data->train, &data->test}) {
            set->rows = set->cols = 28;
            set->count = 40;
            for (int i = 0; i < 40; ++i) {
                set->labels.push_back(uint8_t(i % 10));
                for (int p = 0; p < 784; ++p) set->pixels.push_back(uint8_t(p % 10 == i % 10 ? 200 : 0));
            }
        }
        mlpw::ExperimentSpec spec = tinyExperiment();
        spec.training.epochs = 2;
        spec.training.batch_size = 10;
        auto mine = std::make_shared<mlpw::ImageSet>(data->test);
        TrainingController controller;
        controller.setMyDigits(mine);
        QList<RunSnapshot> snapshots;
        QStringList lines;
        connect(&controller, &TrainingController::epochEnded, this, [&](const RunSnapshot& r) { snapshots << r; });
        connect(&controller, &TrainingController::logLine, this, [&](const QString& line) { lines << line; });
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(spec, data));
        QVERIFY(finished.wait(60000));
        QCOMPARE(snapshots.size(), 2);
        const mlpw::RunRecord& last = *snapshots.last();
        QVERIFY(last.history[0].has_my_digits && last.history[1].has_my_digits);
        QCOMPARE(last.history[1].my_digits_accuracy, *my_digits_accuracy(last, *mine));
        QCOMPARE(lines.filter(QStringLiteral("my_digits_accuracy: ")).size(), 2);
        const auto outcome = finished.first().first().value<RunOutcome>();
        QVERIFY(outcome.record->history.back().has_my_digits);
    }

    void exportsAFigure() {
        QTemporaryDir dir;
        DrawingPanel panel(dir.path());
        const QString path = dir.filePath(QStringLiteral("drawing.png"));
        QCOMPARE(export_figure(panel.figure(), path, QSize(600, 350)), QString());
        QCOMPARE(QImage(path).size(), QSize(600, 350));
    }
};

QTEST_MAIN(TestDrawingPanel)
#include "tst_drawing_panel.moc"
