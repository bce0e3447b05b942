// mlpw sweep --plan: the grid x seeds written as resolved experiments, jobs.txt and a Slurm array script; the
// jobs run for real through GNU parallel (-j1) and the bundles they leave read back as a runs folder. Also
// --seeds on a plain sweep.
#include <QtTest>

#include "cli_fixture.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/io/runs_folder.h"

using namespace cli_fixture;

class TestCliSweepPlan : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_sweep;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        writeTinyData(path("tiny"));
        QJsonObject experiment = tinyExperiment(path("tiny"), 1);
        experiment["sweep"] = QJsonObject{{"model.layers[1].units", QJsonArray{4, 8}}};
        m_sweep = path("sweep.json");
        writeJson(m_sweep, experiment);
    }

    void planFiles() {
        const QString plan = path("plan");
        const Result r = run({"sweep", "--experiment", m_sweep, "--seeds", "2", "--plan", plan, "--mlpw", "my mlpw"});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QVERIFY2(r.out.contains("4 runs"), qPrintable(r.out));
        // Grid point by grid point, seeds inside: 4/1, 4/2, 8/1, 8/2.
        const QStringList jobs = QString::fromUtf8(readAll(plan + "/jobs.txt")).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(jobs.size(), 4);
        QCOMPARE(jobs[2], "'my mlpw' train --experiment experiments/run_3.json --out runs/run_3 > logs/run_3.log 2>&1");
        const QStringList csv = QString::fromUtf8(readAll(plan + "/plan.csv")).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(csv[0], "run,varies,seed,experiment,out");
        QCOMPARE(csv[4], "4,\"model.layers[1].units=8, seed=2\",2,experiments/run_4.json,runs/run_4");
        const mlpw::ExperimentSpec third = mlpw::load_experiment((plan + "/experiments/run_3.json").toStdString());
        QCOMPARE(third.model.layers[1].units, 8);
        QCOMPARE(third.training.seed, uint64_t(1));
        QVERIFY(third.sweep.empty());
        QCOMPARE(third.name, std::string("tiny (model.layers[1].units=8)"));  // the seeds of a point share it
        const QString sbatch = QString::fromUtf8(readAll(plan + "/sweep.sbatch"));
        QVERIFY(sbatch.contains("#SBATCH --array=1-4\n"));
        QVERIFY(sbatch.contains("sed -n \"${SLURM_ARRAY_TASK_ID}p\" jobs.txt"));
        QVERIFY(QFileInfo(plan + "/runs").isDir() && QFileInfo(plan + "/logs").isDir());
        // The plan folder itself is no run bundle (its sweep is sweep.json).
        QVERIFY(!mlpw::is_run_bundle(plan.toStdString()));
    }

    // The real thing: parallel -j1 < jobs.txt from the plan folder, then the bundles read back.
    void jobsRunThroughGnuParallel() {
        const QString plan = path("parallel");
        Result r = run({"sweep", "--experiment", m_sweep, "--seeds", "2", "--plan", plan});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        r = run({"-j1", "--halt", "now,fail=1"}, "parallel", plan, plan + "/jobs.txt");
        QVERIFY2(r.code == 0, qPrintable(r.text() + "\nlog 1:\n" + readAll(plan + "/logs/run_1.log")));
        const mlpw::RunsFolder folder = mlpw::read_runs_folder((plan + "/runs").toStdString());
        QCOMPARE(folder.broken.size(), size_t(0));
        QCOMPARE(folder.runs.size(), size_t(4));
        QCOMPARE(folder.runs[3].record.experiment.model.layers[1].units, 8);
        QCOMPARE(folder.runs[3].record.experiment.training.seed, uint64_t(2));
        QCOMPARE(folder.runs[3].record.epochs_run(), 1);
        QVERIFY(folder.runs[3].record.test.samples == 50);
        // The two seeds of one point train differently; the same seed of the two points starts the same shuffle.
        QVERIFY(folder.runs[0].record.history[0].loss != folder.runs[1].record.history[0].loss);
        QVERIFY(readAll(plan + "/logs/run_2.log").contains("Test accuracy:"));
    }

    // The Slurm script run as a Slurm array task would run it: task 2 trains line 2.
    void sbatchMapsTheTaskIdToALine() {
        const QString plan = path("slurm");
        Result r = run({"sweep", "--experiment", m_sweep, "--plan", plan});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QProcess bash;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("SLURM_ARRAY_TASK_ID", "2");
        env.insert("SLURM_SUBMIT_DIR", plan);
        bash.setProcessEnvironment(env);
        bash.start("bash", {plan + "/sweep.sbatch"});
        QVERIFY(bash.waitForFinished(120000));
        QCOMPARE(bash.exitCode(), 0);
        QVERIFY(!QFileInfo::exists(plan + "/runs/run_1"));
        QVERIFY(QFileInfo::exists(plan + "/runs/run_2/summary.json"));
        env.insert("SLURM_ARRAY_TASK_ID", "3");  // past the last line: a clear failure
        bash.setProcessEnvironment(env);
        bash.start("bash", {plan + "/sweep.sbatch"});
        QVERIFY(bash.waitForFinished(60000));
        QCOMPARE(bash.exitCode(), 1);
        QVERIFY(QString::fromUtf8(bash.readAllStandardError()).contains("jobs.txt has no line 3"));
    }

    void seedsOnAPlainSweep() {
        const Result r = run({"sweep", "--experiment", m_sweep, "--seeds", "2", "--set", "sweep={}"});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QVERIFY(r.out.contains("Run 1/2: seed=1\n"));
        QVERIFY(r.out.contains("Run 2/2: seed=2\n"));
    }

    void badArguments_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("seeds 0") << QStringList{"--seeds", "0"} << "--seeds: expected 1 or more, got 0";
        QTest::newRow("seeds text") << QStringList{"--seeds", "three"} << "--seeds: expected an integer";
        QTest::newRow("plan and out") << QStringList{"--plan", "a", "--out", "b"} << "--plan and --out: choose one";
    }
    void badArguments() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = run(QStringList{"sweep", "--experiment", m_sweep} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliSweepPlan)
#include "tst_cli_sweep_plan.moc"
