// Runs folder: bundles found at any depth below a folder (a project, a sweep's run_<i>/, a plan's runs/), in
// natural order; broken bundles named with the file at fault; the folder itself may be one bundle.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "mlpw/errors.h"
#include "mlpw/io/run_bundle.h"
#include "mlpw/io/runs_folder.h"
#include "tiny_run.h"

using namespace mlpw;
namespace fs = std::filesystem;

class TestRunsFolder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void readsEveryBundleInNaturalOrder();
    void namesBrokenBundles();
    void aBundleItself();
    void notAFolder();
    void naturalOrder_data();
    void naturalOrder();

private:
    QTemporaryDir m_dir;
    RunRecord m_record;
    std::string path(const std::string& relative) const { return m_dir.path().toStdString() + "/" + relative; }
};

void TestRunsFolder::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_record = tiny_run::train(tiny_run::spec(2));
    // project/run_2, project/run_10, project/sweep/run_1 (nested), project/notes (no bundle), project/broken
    for (const char* name : {"project/run_10", "project/run_2", "project/sweep/run_1"}) {
        RunRecord r = m_record;
        r.experiment.name = fs::path(name).filename().string();
        write_run_bundle(path(name), r);
    }
    fs::create_directories(path("project/notes"));
    std::ofstream(path("project/notes/readme.txt")) << "not a run\n";
    write_run_bundle(path("project/broken"), m_record);
    std::ofstream(path("project/broken/summary.json"), std::ios::trunc) << "{\"val_accuracy\": 0.9";  // cut short
}

void TestRunsFolder::readsEveryBundleInNaturalOrder() {
    const RunsFolder folder = read_runs_folder(path("project"));
    QCOMPARE(folder.runs.size(), size_t(3));
    QCOMPARE(folder.runs[0].path, path("project/run_2"));
    QCOMPARE(folder.runs[1].path, path("project/run_10"));
    QCOMPARE(folder.runs[2].path, path("project/sweep/run_1"));
    QCOMPARE(folder.runs[0].record.experiment.name, std::string("run_2"));
    QCOMPARE(folder.runs[0].record.history, m_record.history);
    QVERIFY(!folder.runs[0].record.final_weights.empty());
    // Without weights: the same record otherwise.
    RunsFolderOptions light;
    light.keep_weights = false;
    const RunsFolder lean = read_runs_folder(path("project"), light);
    QVERIFY(lean.runs[0].record.final_weights.empty() && lean.runs[0].record.best_weights.empty());
    QCOMPARE(lean.runs[0].record.test, folder.runs[0].record.test);
    // Depth: the nested sweep's run is 2 below project/.
    light.max_depth = 1;
    QCOMPARE(read_runs_folder(path("project"), light).runs.size(), size_t(2));
}

void TestRunsFolder::namesBrokenBundles() {
    const RunsFolder folder = read_runs_folder(path("project"));
    QCOMPARE(folder.broken.size(), size_t(1));
    QCOMPARE(folder.broken[0].path, path("project/broken"));
    QVERIFY2(QString::fromStdString(folder.broken[0].error).contains("summary.json"), folder.broken[0].error.c_str());
}

void TestRunsFolder::aBundleItself() {
    const RunsFolder folder = read_runs_folder(path("project/run_2"));
    QCOMPARE(folder.runs.size(), size_t(1));
    QCOMPARE(folder.runs[0].path, path("project/run_2"));
    QVERIFY(is_run_bundle(path("project/run_2")));
    QVERIFY(!is_run_bundle(path("project")));
    QVERIFY(read_runs_folder(path("project/notes")).runs.empty());
}

void TestRunsFolder::notAFolder() {
    QString message;
    try {
        read_runs_folder(path("missing"));
    } catch (const Error& e) {
        message = e.what();
    }
    QVERIFY2(message.contains("missing") && message.contains("not a folder"), qPrintable(message));
}

void TestRunsFolder::naturalOrder_data() {
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("less");
    QTest::newRow("numbers") << "run_2"
                             << "run_10" << true;
    QTest::newRow("numbers, reversed") << "run_10"
                                       << "run_2" << false;
    QTest::newRow("leading zeros") << "run_002"
                                   << "run_10" << true;
    QTest::newRow("text") << "a/run_1"
                          << "b/run_0" << true;
    QTest::newRow("prefix") << "run"
                            << "run_1" << true;
    QTest::newRow("equal") << "run_1"
                           << "run_1" << false;
}

void TestRunsFolder::naturalOrder() {
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, less);
    QCOMPARE(natural_less(a.toStdString(), b.toStdString()), less);
}

QTEST_GUILESS_MAIN(TestRunsFolder)
#include "tst_runs_folder.moc"
