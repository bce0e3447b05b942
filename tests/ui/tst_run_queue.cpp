// Queued runs: Repeat × N's seeds, a sweep grid expanded as the CLI's sweep section (mlpw::expand_sweep) with
// seeds per point, the values typed in the builder, and the queue starting one run after another, counting,
// estimating and cancelling.
#include <QSignalSpy>
#include <QtTest>

#include "compare/queued_experiments.h"
#include "compare/run_queue.h"
#include "compare/study_runs.h"
#include "compare/sweep_builder.h"
#include "mlpw/report/study.h"
#include "run_fixtures.h"

using fixtures::tinySpec;

class TestRunQueue : public QObject {
    Q_OBJECT
private slots:
    void repeatsAreSeeds() {
        const auto runs = seed_repeats(tinySpec(13), 3);
        QCOMPARE(runs.size(), size_t(3));
        for (size_t i = 0; i < runs.size(); ++i) {
            QCOMPARE(runs[i].training.seed, uint64_t(13 + i));
            QCOMPARE(runs[i].name, std::string("tiny"));
        }
    }

    void sweepGridIsTheCliExpansion() {
        const nlohmann::json sweep = {{"training.batch_size", {16, 32}}, {"optimizer", {"adam", "sgd"}}};
        const auto runs = sweep_experiments(tinySpec(5), sweep, 2);
        QCOMPARE(runs.size(), size_t(8));  // 2 x 2 points x 2 seeds
        mlpw::ExperimentSpec grid = tinySpec(5);
        grid.sweep = sweep;
        const auto points = mlpw::expand_sweep(grid);
        for (size_t p = 0; p < points.size(); ++p)
            for (size_t s = 0; s < 2; ++s) {
                const mlpw::ExperimentSpec& run = runs[p * 2 + s];
                QCOMPARE(run.name, "tiny (" + points[p].label + ")");
                QCOMPARE(run.training.seed, uint64_t(5 + s));
                QCOMPARE(run.training.batch_size, points[p].spec.training.batch_size);
                QCOMPARE(run.optimizer, points[p].spec.optimizer);
            }
        QCOMPARE(runs[0].name, std::string("tiny (optimizer=adam, training.batch_size=16)"));
        QVERIFY_THROWS_EXCEPTION(mlpw::SpecError, sweep_experiments(tinySpec(5), {{"training.batch_size", {0}}}, 1));
    }

    void typedValues() {
        QCOMPARE(sweep_values(QStringLiteral("32, 64,128")), nlohmann::json({32, 64, 128}));
        QCOMPARE(sweep_values(QStringLiteral("adam, sgd")), nlohmann::json({"adam", "sgd"}));
        QCOMPARE(sweep_values(QStringLiteral("relu, 0.5")), nlohmann::json({"relu", 0.5}));
        QCOMPARE(sweep_values(QStringLiteral(R"({"type": "sgd", "momentum": 0.9}, "adam")")),
                 nlohmann::json::parse(R"([{"type": "sgd", "momentum": 0.9}, "adam"])"));
        QCOMPARE(sweep_values(QStringLiteral("  ")), nlohmann::json::array());
    }

    void builderMakesTheGrid() {
        SweepBuilder builder(tinySpec(5));
        QVERIFY(sweep_field_paths(tinySpec(5)).contains(QStringLiteral("model.layers[0].units")));
        QVERIFY(sweep_field_paths(tinySpec(5)).contains(QStringLiteral("optimizer")));
        builder.setField(0, QStringLiteral("model.layers[0].units"), QStringLiteral("4, 8, 16"));
        QCOMPARE(builder.experiments().size(), size_t(3));
        QCOMPARE(builder.plottedField(), std::string("model.layers[0].units"));
        builder.setField(1, QStringLiteral("optimizer"), QStringLiteral("adam, sgd"));
        builder.setSeeds(3);
        QCOMPARE(builder.experiments().size(), size_t(18));
        QCOMPARE(builder.plottedField(), std::string());
        builder.setField(1, QStringLiteral("optimizer.nesterov_typo"), QStringLiteral("true"));
        QString problem;
        QVERIFY(builder.experiments(&problem).empty());
        QVERIFY2(problem.contains(QStringLiteral("nesterov_typo")), qPrintable(problem));
    }

    void studyIsEveryPresetOnce() {
        qputenv("MLPW_PRESETS_DIR", MLPW_SOURCE_DIR "/resources/presets");
        const StudyRuns one = study_runs(1);
        QVERIFY2(one.problems.isEmpty(), qPrintable(one.problems.join(QLatin1Char('\n'))));
        QCOMPARE(one.runs.front().name, std::string("baseline"));  // the study's order
        const auto named = [&](auto pred) { return std::count_if(one.runs.begin(), one.runs.end(), pred); };
        QCOMPARE(named([](const auto& r) { return r.name == "baseline"; }), 1);  // in two questions, run once
        // The batch-size × optimiser and regularisation sweeps, point by point.
        QVERIFY(named([](const auto& r) { return r.name.find(" (") != std::string::npos; }) > 4);
        const StudyRuns three = study_runs(3);
        QCOMPARE(three.runs.size(), 3 * one.runs.size());
        QCOMPARE(three.runs[1].training.seed, one.runs[0].training.seed + 1);
    }

    void runsOneAfterAnotherAndCancels() {
        std::vector<uint64_t> started;
        int stops = 0;
        RunQueue queue(
            [&](const mlpw::ExperimentSpec& spec) {
                started.push_back(spec.training.seed);
                return true;
            },
            [&] { ++stops; });
        QSignalSpy ended(&queue, &RunQueue::ended);
        queue.enqueue(QStringLiteral("Repeat × 4"), seed_repeats(tinySpec(1), 4));
        QCOMPARE(started, (std::vector<uint64_t>{1}));
        QCOMPARE(queue.total(), 4);
        QCOMPARE(queue.etaSeconds(), -1.0);
        queue.runFinished({});
        QTRY_COMPARE(started.size(), size_t(2));  // the next starts from the event loop
        QCOMPARE(queue.done(), 1);
        QVERIFY(queue.etaSeconds() >= 0.0);
        queue.cancel();
        QCOMPARE(stops, 1);
        QVERIFY(ended.isEmpty());  // until the stopped run has ended
        RunOutcome stopped;
        stopped.reason = RunOutcome::Reason::user;
        queue.runFinished(stopped);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended[0][0].toBool(), true);
        QTest::qWait(20);
        QCOMPARE(started.size(), size_t(2));  // nothing more starts
        QVERIFY(!queue.isActive());
        QCOMPARE(queue.total(), 2);

        // A user's Stop during a queued run cancels the rest; a run of the user's is not the queue's.
        queue.enqueue(QStringLiteral("Sweep"), seed_repeats(tinySpec(9), 2));
        QCOMPARE(started.back(), uint64_t(9));
        queue.runFinished(stopped);
        QCOMPARE(ended.size(), 2);
        queue.runFinished({});
        QTest::qWait(20);
        QCOMPARE(started.size(), size_t(3));
    }

    void runsToTheEnd() {
        int starts = 0;
        RunQueue queue([&](const mlpw::ExperimentSpec&) { return ++starts, true; }, [] {});
        QSignalSpy ended(&queue, &RunQueue::ended);
        queue.enqueue(QStringLiteral("Sweep"), seed_repeats(tinySpec(1), 3));
        for (int i = 0; i < 3; ++i) {
            QTRY_COMPARE(starts, i + 1);
            queue.runFinished({});
        }
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(ended[0][0].toBool(), false);
        QCOMPARE(queue.done(), 3);
        QCOMPARE(starts, 3);
    }
};

QTEST_MAIN(TestRunQueue)
#include "tst_run_queue.moc"
