// The project: finished runs are written as bundles (named as the run, whole or not at all), a project folder
// opens back into equal records, renames and deletes reach the folders, imports are copied in, a broken bundle is
// named while the others load.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "compare/run_project.h"
#include "mlpw/io/run_bundle.h"
#include "run/run_store.h"
#include "run_fixtures.h"

namespace {

// A run as the window makes it: begun, updated, ended.
void finishRun(RunStore& store, const RunSnapshot& record) {
    store.beginRun();
    store.update(record);
    store.endRun();
}

QStringList folders(const QString& dir) {
    return QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

}  // namespace

class TestRunProject : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void saveOpenRoundTrip() {
        QTemporaryDir dir;
        const RunSnapshot first = fixtures::trained(fixtures::tinySpec(5));
        const RunSnapshot second = fixtures::trained(fixtures::tinySpec(6));
        {
            RunStore store;
            RunProject project(&store);
            project.open(dir.path());
            project.waitForIdle();
            finishRun(store, first);
            finishRun(store, second);
            QCOMPARE(store.name(0), QStringLiteral("tiny"));
            QCOMPARE(store.name(1), QStringLiteral("tiny 2"));  // unique, as folder names
            project.waitForIdle();
            QCOMPARE(folders(dir.path()), (QStringList{"tiny", "tiny 2"}));
            QVERIFY(project.renameRun(1, QStringLiteral("seed six")));
            QVERIFY(!project.renameRun(1, QStringLiteral("tiny")));  // taken
            QVERIFY(!project.renameRun(1, QStringLiteral("a/b")));   // not a folder name
            project.waitForIdle();
            QCOMPARE(folders(dir.path()), (QStringList{"seed six", "tiny"}));
        }
        RunStore store;
        RunProject project(&store);
        QSignalSpy opened(&project, &RunProject::opened);
        project.open(dir.path());
        project.waitForIdle();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened[0][1].toInt(), 2);
        QCOMPARE(store.size(), 2);
        QCOMPARE(store.name(0), QStringLiteral("seed six"));
        QVERIFY(*store.at(0) == *second);  // the bundle reads back the record that wrote it
        QVERIFY(*store.at(1) == *first);
        project.removeRun(0);
        project.waitForIdle();
        QCOMPARE(store.size(), 1);
        QCOMPARE(folders(dir.path()), (QStringList{"tiny"}));
    }

    void brokenBundlesAreNamedTheOthersLoad() {
        QTemporaryDir dir;
        mlpw::write_run_bundle(dir.filePath(QStringLiteral("good")).toStdString(),
                               *fixtures::trained(fixtures::tinySpec(5)));
        QDir(dir.path()).mkpath(QStringLiteral("cut"));
        QFile cut(dir.filePath(QStringLiteral("cut/experiment.json")));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write("{\"name\": \"cut\", \"model\": ");
        cut.close();
        QDir(dir.path()).mkpath(QStringLiteral(".stale.partial"));  // an interrupted write: removed
        RunStore store;
        RunProject project(&store);
        QSignalSpy problems(&project, &RunProject::problems);
        project.open(dir.path());
        project.waitForIdle();
        QCOMPARE(store.size(), 1);
        QCOMPARE(store.name(0), QStringLiteral("good"));
        QCOMPARE(problems.size(), 1);
        const QStringList lines = problems[0][1].toStringList();
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].contains(QStringLiteral("cut")), qPrintable(lines[0]));
        QVERIFY(!QDir(dir.filePath(QStringLiteral(".stale.partial"))).exists());
    }

    void importsAreCopiedIntoTheProject() {
        QTemporaryDir project, elsewhere;
        // A sweep's folder (run_1, run_2) as `mlpw sweep --out` writes it.
        const RunSnapshot record = fixtures::trained(fixtures::tinySpec(7));
        mlpw::write_run_bundle(elsewhere.filePath(QStringLiteral("sweep/run_1")).toStdString(), *record);
        mlpw::write_run_bundle(elsewhere.filePath(QStringLiteral("sweep/run_2")).toStdString(), *record);
        RunStore store;
        RunProject runs(&store);
        runs.open(project.path());
        runs.waitForIdle();
        QSignalSpy imported(&runs, &RunProject::imported);
        runs.importBundles({elsewhere.filePath(QStringLiteral("sweep"))});
        runs.waitForIdle();
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported[0][0].toInt(), 2);
        QCOMPARE(store.size(), 2);
        QCOMPARE(folders(project.path()), (QStringList{"run_1", "run_2"}));
        QVERIFY(mlpw::read_run_bundle(project.filePath(QStringLiteral("run_2")).toStdString()) == *record);
        // Again: new names, the first copies kept.
        runs.importBundles({elsewhere.filePath(QStringLiteral("sweep/run_1"))});
        runs.waitForIdle();
        QCOMPARE(folders(project.path()), (QStringList{"run_1", "run_1 2", "run_2"}));
    }

    void folderNames() {
        QCOMPARE(run_folder_name(QStringLiteral("  ../a/b\\c ")), QStringLiteral("_a_b_c"));
        QCOMPARE(run_folder_name(QStringLiteral("...")), QString());
        QCOMPARE(run_folder_name(QString(200, QLatin1Char('x'))).size(), 120);
    }
};

QTEST_MAIN(TestRunProject)
#include "tst_run_project.moc"
