// Run bundles: a RunRecord written to a folder reads back equal (records from a real tiny run, edited to reach
// the corners: no validation, no test, no epoch, class names and messages that need CSV quoting), and broken
// bundles (a file missing, cut short, a wrong field) fail with a message that names the file.
#include <QtTest>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mlpw/errors.h"
#include "mlpw/io/run_bundle.h"
#include "mlpw/training/trainer.h"
#include "tiny_run.h"

using namespace mlpw;

namespace {

// tiny_run's images, with class names that CSV must quote, so that the reader's header and row checks see them.
Dataset tinyData() {
    Dataset d;
    d.name = "tiny";
    d.class_names = {"zero, or none", "one \"1\"", "two"};
    d.train = tiny_run::images(120, 1);
    d.test = tiny_run::images(30, 2);
    return d;
}

ExperimentSpec tinySpec(float validationSplit, int epochs) {
    ExperimentSpec s = tiny_run::spec(epochs);
    s.data.validation_split = validationSplit;
    return s;
}

RunRecord trainedRecord(float validationSplit, int epochs, bool tested) {
    const Dataset data = tinyData();
    Trainer trainer(tinySpec(validationSplit, epochs), data);
    const std::atomic<bool> stop{false};
    trainer.run({}, stop);
    if (tested) trainer.evaluate_test_set();
    return trainer.record();
}

// Which parts of two records differ, for a failure message.
QString differences(const RunRecord& a, const RunRecord& b) {
    QStringList parts;
    if (!(a.experiment == b.experiment)) parts << "experiment";
    if (!(a.data == b.data)) parts << "data";
    if (a.history != b.history) parts << "history";
    if (a.validation != b.validation) parts << "validation";
    if (a.batches != b.batches) parts << "batches";
    if (a.best_epoch != b.best_epoch) parts << "best_epoch";
    if (a.best_weights != b.best_weights) parts << "best_weights";
    if (a.final_weights != b.final_weights) parts << "final_weights";
    if (a.stop_reason != b.stop_reason || a.restored_epoch != b.restored_epoch || a.message != b.message)
        parts << "outcome";
    if (a.threads != b.threads || a.seconds != b.seconds) parts << "threads/seconds";
    if (!(a.test == b.test)) parts << "test";
    if (!(a.sample_panel == b.sample_panel)) parts << "sample_panel";
    if (a.first_layer != b.first_layer) parts << "first_layer";
    return parts.join(", ");
}

std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeText(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::trunc) << text; }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    if (at == std::string::npos) return "(not found: " + from + ")";
    return text.replace(at, from.size(), to);
}

}  // namespace

class TestRunBundle : public QObject {
    Q_OBJECT
private slots:
    void round_trip_data() {
        QTest::addColumn<float>("validationSplit");
        QTest::addColumn<int>("epochs");
        QTest::addColumn<bool>("tested");
        QTest::addColumn<bool>("edited");  // stop reason, restored epoch, a message needing quotes
        QTest::newRow("validation, tested") << 0.25f << 3 << true << false;
        QTest::newRow("early stop with restored weights") << 0.25f << 3 << true << true;
        QTest::newRow("no validation") << 0.0f << 2 << true << false;
        QTest::newRow("not tested") << 0.25f << 2 << false << false;
        QTest::newRow("no epoch completed") << 0.25f << 0 << true << true;
    }
    void round_trip() {
        QFETCH(float, validationSplit);
        QFETCH(int, epochs);
        QFETCH(bool, tested);
        QFETCH(bool, edited);
        RunRecord record = trainedRecord(validationSplit, std::max(epochs, 1), tested);
        if (epochs == 0) {  // as a run stopped before its first epoch ended
            record.history.clear();
            record.validation.clear();
            record.best_epoch = 0;
            record.best_weights.clear();
            record.first_layer.clear();
        }
        if (edited) {
            record.stop_reason = epochs ? StopReason::callback : StopReason::user;
            record.restored_epoch = epochs ? std::optional<int>(1) : std::nullopt;
            record.message = "Epoch 3: early stopping, \"val_loss\"\nsecond line";
        }
        QCOMPARE(record.epochs_run(), epochs);
        QCOMPARE(record.batches.size(), size_t(std::max(epochs, 1)) * (validationSplit > 0 ? 6 : 8));  // 90 or 120 / 16
        QCOMPARE(record.test.samples, tested ? 30 : 0);
        if (validationSplit > 0 && epochs > 0) {
            QCOMPARE(record.validation.front().confusion.total(), int64_t(30));
            QVERIFY(!record.validation.front().misclassified.empty() || record.history.front().val_accuracy == 1.0);
        }

        QTemporaryDir dir;
        const std::string folder = dir.filePath("run").toStdString();
        write_run_bundle(folder, record);
        const RunRecord read = read_run_bundle(folder);
        QVERIFY2(read == record, qPrintable("differs in: " + differences(read, record)));
    }

    // history.csv's lr column: a rate of 0 is written as 0, a rate that was not recorded as an empty cell (as
    // pandas reads a missing value), and the bundle reads both back as they were.
    void history_csv_keeps_a_zero_rate() {
        RunRecord record = trainedRecord(0.25f, 3, true);
        record.history[1].lr = 0.0;
        record.history[2].lr = EpochMetrics::kLrNotRecorded;
        const std::string csv = history_csv(record.history);
        std::istringstream lines(csv);
        std::vector<std::string> rows;
        for (std::string line; std::getline(lines, line);) rows.push_back(line);
        QCOMPARE(rows.size(), size_t(4));
        QVERIFY(rows[0].ends_with(",lr"));
        QVERIFY2(!rows[1].ends_with(","), rows[1].c_str());
        QVERIFY2(rows[2].ends_with(",0"), rows[2].c_str());
        QVERIFY2(rows[3].ends_with(","), rows[3].c_str());
        QTemporaryDir dir;
        const std::string folder = dir.filePath("run").toStdString();
        write_run_bundle(folder, record);
        const RunRecord read = read_run_bundle(folder);
        QCOMPARE(read.history[1].lr, 0.0);
        QCOMPARE(read.history[2].lr, EpochMetrics::kLrNotRecorded);
    }

    // The panel: the first 4 validation images of each class, in the split's order; per epoch its probabilities
    // agree with the epoch's mistakes; the first Dense kernel per epoch, 8-bit, within half a step of the floats.
    void trainer_records_panel_and_first_layer() {
        const Dataset data = tinyData();
        const RunRecord record = trainedRecord(0.25f, 2, false);
        const SamplePanel& panel = record.sample_panel;
        std::vector<uint32_t> expected;
        for (int c = 0; c < 3; ++c)
            for (uint32_t i = 90, taken = 0; i < 120 && taken < 4; ++i)
                if (data.train.labels[i] == c) expected.push_back(i), ++taken;
        QCOMPARE(panel.indices, expected);
        QCOMPARE(panel.size(), 12);
        for (int i = 0; i < panel.size(); ++i) {
            QCOMPARE(panel.labels[i], data.train.labels[panel.indices[i]]);
            QCOMPARE(panel.image(i)[4], data.train.image(int(panel.indices[i]))[4]);
        }
        QCOMPARE(record.first_layer.size(), size_t(2));
        for (const EpochValidation& v : record.validation) {
            QCOMPARE(v.panel_probabilities.size(), size_t(12 * 3));
            for (int i = 0; i < panel.size(); ++i) {
                const float* p = v.panel_probabilities.data() + 3 * i;
                QVERIFY(std::abs(p[0] + p[1] + p[2] - 1.0f) < 1e-5f);
                const auto predicted = uint8_t(std::max_element(p, p + 3) - p);
                const bool listed = std::any_of(v.misclassified.begin(), v.misclassified.end(),
                                                [&](const Misclassified& m) { return m.index == panel.indices[i]; });
                QCOMPARE(listed, predicted != panel.labels[i]);
            }
        }
        const KernelSnapshot& last = record.first_layer.back();
        const NamedTensor& kernel = record.final_weights.front();
        QCOMPARE(QString::fromStdString(last.tensor), QString::fromStdString(kernel.name));
        QCOMPARE(last.units, 5);
        QCOMPARE(last.inputs, 9);
        for (int u = 0; u < 5; ++u)
            for (int i = 0; i < 9; ++i) QVERIFY(std::abs(last.at(u, i) - kernel.values[u * 9 + i]) <= last.scale / 2);
    }

    // A bundle of an earlier version (no panel, no kernels) reads with an empty panel and empty kernels.
    void bundle_without_the_inspection_files() {
        const RunRecord record = trainedRecord(0.25f, 2, true);
        QTemporaryDir dir;
        const std::string folder = dir.filePath("run").toStdString();
        write_run_bundle(folder, record);
        for (const char* name : {"sample_panel.csv", "panel_predictions.csv", "first_layer.bin"})
            QVERIFY(std::filesystem::remove(folder + "/" + name));
        const RunRecord read = read_run_bundle(folder);
        QCOMPARE(read.sample_panel.size(), 0);
        QCOMPARE(read.first_layer.size(), size_t(2));
        QVERIFY(read.first_layer.front().empty());
        QVERIFY(read.validation.back().panel_probabilities.empty());
        QVERIFY(read.validation.back().confusion == record.validation.back().confusion);
        QCOMPARE(read.history, record.history);
    }

    void best_epoch_is_the_lowest_val_loss() {
        RunRecord record;
        const auto epoch = [](int e, double valLoss) {
            EpochMetrics m;
            m.epoch = e;
            m.has_validation = true;
            m.val_loss = valLoss;
            m.loss = 1.0 / e;  // falls every epoch: must not decide
            return m;
        };
        const ModelState second = {{"dense/bias", {1}, {2.0f}}};
        record.add_epoch(epoch(1, 0.5), EpochValidation(), {{"dense/bias", {1}, {1.0f}}});
        record.add_epoch(epoch(2, 0.3), EpochValidation(), second);
        record.add_epoch(epoch(3, 0.3), EpochValidation(),
                         {{"dense/bias", {1}, {3.0f}}});  // a tie keeps the earlier epoch
        record.add_epoch(epoch(4, 0.4), EpochValidation(), {{"dense/bias", {1}, {4.0f}}});
        QCOMPARE(record.best_epoch, 2);
        QVERIFY(record.best_weights == second);
        QCOMPARE(record.best()->val_loss, 0.3);
    }

    void malformed_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>(
            "from");  // "" removes the file; "<cut>" keeps its first half; "<drop>" its last `to` lines
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("summary.json missing") << "summary.json"
                                              << ""
                                              << ""
                                              << "summary.json: cannot read the file (missing)";
        QTest::newRow("run.json missing") << "run.json"
                                          << ""
                                          << ""
                                          << "run.json: cannot read the file (missing)";
        QTest::newRow("batches.csv missing") << "batches.csv"
                                             << ""
                                             << ""
                                             << "batches.csv: cannot read the file";
        QTest::newRow("best_model.mlpw missing") << "best_model.mlpw"
                                                 << ""
                                                 << ""
                                                 << "best_model.mlpw";
        QTest::newRow("summary.json cut short") << "summary.json"
                                                << "<cut>"
                                                << ""
                                                << "summary.json: not valid JSON";
        QTest::newRow("misclassified.csv cut short") << "misclassified.csv"
                                                     << "<cut>"
                                                     << ""
                                                     << "misclassified.csv: the last line is cut short";
        QTest::newRow("model.mlpw cut short") << "model.mlpw"
                                              << "<cut>"
                                              << ""
                                              << "model.mlpw";
        QTest::newRow("unknown stop reason") << "summary.json"
                                             << "\"completed\""
                                             << "\"finished\""
                                             << "summary.json: field 'stop_reason': expected completed, callback, user "
                                                "or diverged, got 'finished'";
        QTest::newRow("epochs_run disagrees") << "summary.json"
                                              << "\"epochs_run\": 2"
                                              << "\"epochs_run\": 5"
                                              << "summary.json: field 'epochs_run': expected 2";
        QTest::newRow("best_epoch a string") << "summary.json"
                                             << "\"best_epoch\": "
                                             << "\"best_epoch\": \"1\", \"x\": "
                                             << "summary.json: field 'best_epoch': expected an integer";
        QTest::newRow("newer format") << "run.json"
                                      << "\"format\": 1"
                                      << "\"format\": 9"
                                      << "run.json: field 'format': this version reads format 1 to 1, got 9";
        QTest::newRow("class renamed") << "confusions.csv"
                                       << "\"zero, or none\""
                                       << "zero"
                                       << "confusions.csv: line 1: expected the header";
        QTest::newRow("epoch wrong in one row") << "confusions.csv"
                                                << "\n1,"
                                                << "\n0,"
                                                << "confusions.csv: line 6: epoch: expected 0 in every row of a matrix";
        QTest::newRow("the last epoch's matrix missing") << "confusions.csv"
                                                         << "<drop>"
                                                         << "3"
                                                         << "confusions.csv: epoch 1: the matrix is missing";
        QTest::newRow("predicted class out of range")
            << "misclassified.csv"
            << "\nvalidation,0,"
            << "\nvalidation,0,1,1,7,0.5\nvalidation,0,"
            << "misclassified.csv: line 2: predicted: expected a whole number below 3";
        QTest::newRow("batch loss not a number") << "batches.csv"
                                                 << "\n0."
                                                 << "\nabc,0.1,0.2\n0."
                                                 << "batches.csv: line 2: progress: expected a number, got 'abc'";
        QTest::newRow("first_layer.bin cut short") << "first_layer.bin"
                                                   << "<cut>"
                                                   << ""
                                                   << "first_layer.bin: cut short in epoch 0";
        QTest::newRow("first_layer.bin foreign") << "first_layer.bin"
                                                 << "MLPWFLK1"
                                                 << "PNG....."
                                                 << "first_layer.bin: not a first-layer kernel file";
        QTest::newRow("panel pixels short") << "sample_panel.csv"
                                            << "pixels\n"
                                            << "pixels\n90,0,00\n"
                                            << "sample_panel.csv: line 2: pixels: expected 18 lower-case hex digits";
        QTest::newRow("panel prediction of another image") << "panel_predictions.csv"
                                                           << "\n0,"
                                                           << "\n0,1"
                                                           << "panel_predictions.csv: line 2: expected epoch 0, index";
        QTest::newRow("test confusion row missing") << "confusion.csv"
                                                    << "\ntwo,"
                                                    << "\nthree,"
                                                    << "confusion.csv: line 4: expected the row of true class 'two'";
    }
    void malformed() {
        QFETCH(QString, file);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        static const RunRecord record = trainedRecord(0.25f, 2, true);
        QTemporaryDir dir;
        const std::string folder = dir.filePath("run").toStdString();
        write_run_bundle(folder, record);
        const std::string path = folder + "/" + file.toStdString();
        if (from.isEmpty()) {
            QVERIFY(std::filesystem::remove(path));
        } else {
            const std::string text = readText(path);
            std::string changed = replaced(text, from.toStdString(), to.toStdString());
            if (from == "<cut>") changed = text.substr(0, text.size() / 2);
            if (from == "<drop>") {
                QStringList lines = QString::fromStdString(text).split('\n', Qt::SkipEmptyParts);
                lines.resize(lines.size() - to.toInt());
                changed = (lines.join('\n') + '\n').toStdString();
            }
            writeText(path, changed);
        }
        QString message;
        try {
            read_run_bundle(folder);
        } catch (const Error& e) {
            message = QString::fromStdString(e.what());
        }
        QVERIFY2(message.contains(expected), qPrintable("got: " + message));
        QVERIFY2(message.startsWith(QString::fromStdString(folder)), qPrintable("does not name the file: " + message));
    }
};

QTEST_APPLESS_MAIN(TestRunBundle)
#include "tst_run_bundle.moc"
