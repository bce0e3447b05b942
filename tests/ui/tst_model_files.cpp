// Model files in the window: a run's model saved and opened again becomes a run with the same experiment,
// history and weights, and its test-set evaluation (off the GUI thread) reproduces the run's test result
// exactly; a corrupt, truncated or foreign file shows a dialog naming the file and changes nothing.
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "editor/experiment_editor.h"
#include "idx_fixture.h"
#include "run/run_store.h"
#include "shell/main_window.h"
#include "shell/model_file_actions.h"

namespace {

std::string editorText(const MainWindow& window) { return mlpw::experiment_to_json(window.editor()->spec()).dump(); }

// Opens `path`, answering the dialog it shows; returns the dialog's text ("" when none came).
QString openAnsweringTheDialog(MainWindow& window, const QString& path, bool* opened) {
    QString text;
    QTimer::singleShot(0, &window, [&text] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            text = box->text();
            box->accept();
        }
    });
    *opened = window.modelFiles()->openModel(path);
    return text;
}

}  // namespace

class TestModelFiles : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    mlpw::RunRecord m_record;
    QString m_model;  // a good model file of m_record

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        fixture::writeFolder(m_dir.filePath(QStringLiteral("data")));
        m_record = fixture::trainedRun(m_dir.filePath(QStringLiteral("data")));
        QVERIFY(m_record.test.samples == fixture::kTest);
        m_model = m_dir.filePath(QStringLiteral("fixture.mlpw"));
        MainWindow window;
        QVERIFY(!window.modelFiles()->saveAction()->isEnabled());  // no run yet
        window.runs()->setCurrentIndex(
            window.runs()->add(std::make_shared<const mlpw::RunRecord>(m_record), "trained"));
        QVERIFY(window.modelFiles()->saveAction()->isEnabled());
        QVERIFY(window.modelFiles()->saveModelTo(m_model));
    }

    void savedModelOpensAsARunAndTestsTheSame() {
        MainWindow window;
        bool opened = false;
        QCOMPARE(openAnsweringTheDialog(window, m_model, &opened), QString());
        QVERIFY(opened);
        QCOMPARE(window.runs()->size(), 1);
        const RunSnapshot run = window.runs()->current();
        QCOMPARE(run->experiment, m_record.experiment);
        QCOMPARE(run->history, m_record.history);
        QCOMPARE(run->final_weights, m_record.final_weights);
        QCOMPARE(run->data.class_names, m_record.data.class_names);
        QCOMPARE(editorText(window), mlpw::experiment_to_json(m_record.experiment).dump());  // shown in the editor
        QCOMPARE(run->test.samples, 0);

        QSignalSpy tested(window.modelFiles(), &ModelFileActions::testEvaluated);
        window.modelFiles()->evaluateTestSet();
        QVERIFY(tested.wait(20000));
        const RunSnapshot evaluated = window.runs()->current();
        QCOMPARE(evaluated->test.samples, fixture::kTest);
        QVERIFY(evaluated->test.accuracy == m_record.test.accuracy);  // exactly
        QVERIFY(evaluated->test.loss == m_record.test.loss);
        QCOMPARE(evaluated->test.confusion, m_record.test.confusion);
        QVERIFY2(window.statusText().contains(QStringLiteral("test accuracy")), qPrintable(window.statusText()));
    }

    // Run > Continue training from these weights: only for a run opened from a model file; it trains the editor's
    // experiment from that file (training.initial_weights), so the run's first epoch starts at the file's weights.
    void fineTuneTrainsFromTheOpenedFile() {
        MainWindow window;
        QAction* fineTune = window.modelFiles()->fineTuneAction();
        window.runs()->setCurrentIndex(
            window.runs()->add(std::make_shared<const mlpw::RunRecord>(m_record), "trained"));
        QVERIFY(!fineTune->isEnabled());  // trained in the session: no model file to start from
        bool opened = false;
        QCOMPARE(openAnsweringTheDialog(window, m_model, &opened), QString());
        QVERIFY(opened);
        QVERIFY(fineTune->isEnabled());
        QCOMPARE(window.modelFiles()->currentModelPath(), m_model);

        // The editor checks the experiment against the data set's shape once it has loaded, as for Start.
        QTRY_VERIFY_WITH_TIMEOUT(window.editor()->isValid(), 20000);
        QSignalSpy finished(window.runs(), &RunStore::runFinished);
        fineTune->trigger();
        QVERIFY2(finished.wait(60000), qPrintable(window.statusText()));
        const RunSnapshot run = window.runs()->at(finished.first().first().toInt());
        QCOMPARE(QString::fromStdString(run->experiment.training.initial_weights), m_model);
        QCOMPARE(run->epochs_run(), m_record.experiment.training.epochs);
        // Fine-tuning continues from the trained weights: its first epoch already scores near the end of the
        // original run, far above the untrained first epoch.
        QVERIFY2(
            run->history.front().accuracy >= m_record.history.back().accuracy - 0.05,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(run->history.front().accuracy).arg(m_record.history.back().accuracy)));
    }

    void brokenFileChangesNothing_data() {
        QTest::addColumn<QByteArray>("bytes");
        QFile good(m_model);
        QVERIFY(good.open(QIODevice::ReadOnly));
        const QByteArray model = good.readAll();
        QTest::newRow("truncated") << model.left(model.size() / 2);
        QByteArray flipped = model;
        flipped[flipped.size() - 10] = char(flipped[flipped.size() - 10] ^ 0x55);
        QTest::newRow("corrupt") << flipped;
        QTest::newRow("foreign (an experiment)") << QByteArray("{\"name\": \"not a model\"}\n");
        QTest::newRow("empty") << QByteArray();
    }
    void brokenFileChangesNothing() {
        QFETCH(QByteArray, bytes);
        const QString path = m_dir.filePath(QStringLiteral("broken.mlpw"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();

        MainWindow window;
        window.runs()->setCurrentIndex(
            window.runs()->add(std::make_shared<const mlpw::RunRecord>(m_record), "trained"));
        const RunSnapshot current = window.runs()->current();
        const std::string editor = editorText(window);
        const QString status = window.statusText();
        const int views = window.views()->count();

        bool opened = true;
        const QString message = openAnsweringTheDialog(window, path, &opened);
        QVERIFY(!opened);
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.size() > path.size() + 5, qPrintable(message));  // and says what is wrong
        QCOMPARE(window.runs()->size(), 1);
        QCOMPARE(window.runs()->current(), current);
        QCOMPARE(editorText(window), editor);
        QCOMPARE(window.statusText(), status);
        QCOMPARE(window.views()->count(), views);
        QVERIFY(!window.isDirty());
    }

    void missingFileNamesIt() {
        MainWindow window;
        const QString path = m_dir.filePath(QStringLiteral("nowhere.mlpw"));
        bool opened = true;
        const QString message = openAnsweringTheDialog(window, path, &opened);
        QVERIFY(!opened);
        QVERIFY2(message.contains(path), qPrintable(message));
        QCOMPARE(window.runs()->size(), 0);
    }
};

QTEST_MAIN(TestModelFiles)
#include "tst_model_files.moc"
