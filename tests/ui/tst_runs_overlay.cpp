// Overlays: a line per selected run, a mean line and a band per seed group (values from the recorded histories),
// hidden curves stay on the chart but leave the figure, and the Runs tab's selection drives the chart.
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include "compare/overlay_view.h"
#include "compare/run_project.h"
#include "compare/run_queue.h"
#include "compare/runs_overlay.h"
#include "compare/runs_view.h"
#include "compare/sweep_plot.h"
#include "run/run_store.h"
#include "run_fixtures.h"

using fixtures::recorded;
using fixtures::tinySpec;

namespace {

// Two single runs and a group of three seeds.
void fill(RunStore& store) {
    mlpw::ExperimentSpec wide = tinySpec(1);
    wide.model.layers[0].units = 9;
    store.add(recorded(wide, {0.5, 0.6, 0.7}), QStringLiteral("wide"));
    mlpw::ExperimentSpec narrow = tinySpec(1);
    narrow.model.layers[0].units = 2;
    store.add(recorded(narrow, {0.4, 0.5}), QStringLiteral("narrow"));
    store.add(recorded(tinySpec(1), {0.60, 0.70}), QStringLiteral("seeds"));
    store.add(recorded(tinySpec(2), {0.70, 0.80}), QStringLiteral("seeds 2"));
    store.add(recorded(tinySpec(3), {0.80, 0.90, 0.95}), QStringLiteral("seeds 3"));  // one ran longer
}

}  // namespace

class TestRunsOverlay : public QObject {
    Q_OBJECT
private slots:
    void linesAndBandsFromTheRecords() {
        RunStore store;
        fill(store);
        const OverlayData sd =
            runs_overlay(store, {{"wide", {0}}, {"narrow", {1}}, {"seeds", {2, 3, 4}}}, "val_accuracy", BandKind::sd);
        QCOMPARE(sd.curves.size(), size_t(3));
        QCOMPARE(sd.curves[0].points, (QList<QPointF>{{1, 0.5}, {2, 0.6}, {3, 0.7}}));
        QVERIFY(sd.curves[0].lower.isEmpty());
        QCOMPARE(sd.curves[2].name, QStringLiteral("seeds (mean ± sd)"));
        QCOMPARE(sd.curves[2].points.size(), 3);  // to the longest history
        QCOMPARE(sd.curves[2].points[0].y(), 0.7);
        QVERIFY(qAbs(sd.curves[2].upper[0].y() - 0.8) < 1e-12);  // sd of 0.6, 0.7, 0.8 is 0.1
        QVERIFY(qAbs(sd.curves[2].lower[0].y() - 0.6) < 1e-12);
        QCOMPARE(sd.curves[2].points[2].y(), 0.95);  // epoch 3: one run only
        QVERIFY(sd.curves[0].color != sd.curves[1].color && sd.curves[1].color != sd.curves[2].color);
        const OverlayData range = runs_overlay(store, {{"seeds", {2, 3, 4}}}, "loss", BandKind::min_max);
        QVERIFY(range.percent == false && sd.percent == true);                      // accuracies drawn in %
        QVERIFY(qAbs(range.curves[0].lower[1].y() - (1.0 - 0.90 - 0.01)) < 1e-12);  // min of the losses
        QVERIFY(qAbs(range.curves[0].upper[1].y() - (1.0 - 0.70 - 0.01)) < 1e-12);
    }

    void viewCountsAndHiddenCurves() {
        RunStore store;
        fill(store);
        OverlayView view;
        view.setData(
            runs_overlay(store, {{"wide", {0}}, {"narrow", {1}}, {"seeds", {2, 3, 4}}}, "val_loss", BandKind::sd));
        QCOMPARE(view.content().lines, 3);
        QCOMPARE(view.content().bands, 1);
        view.setCurveHidden(QStringLiteral("narrow"), true);
        QCOMPARE(view.content().lines, 2);  // off the plot; its legend entry (greyed) shows it again
        QVERIFY(view.isCurveHidden(QStringLiteral("narrow")));
        // The figure leaves it out: its SVG names the two shown curves only.
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("overlay.svg"));
        QCOMPARE(export_figure(view.figure(), svg), QString());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("wide")));
        QVERIFY(!text.contains(QStringLiteral("narrow")));
        // Kept across new data by name.
        view.setData(runs_overlay(store, {{"narrow", {1}}, {"wide", {0}}}, "val_loss", BandKind::sd));
        QVERIFY(view.isCurveHidden(QStringLiteral("narrow")));
        QCOMPARE(view.content().lines, 1);
        QCOMPARE(view.content().bands, 0);
    }

    void sweepPlotIsTheMetricAgainstTheValue() {
        RunStore store;
        const auto units = [](int n, uint64_t seed) {
            mlpw::ExperimentSpec s = tinySpec(seed);
            s.model.layers[0].units = n;
            return s;
        };
        store.add(recorded(units(4, 1), {0.80}), QStringLiteral("4"));
        store.add(recorded(units(4, 2), {0.90}), QStringLiteral("4 seed 2"));
        store.add(recorded(tinySpec(1), {0.93}), QStringLiteral("base"));  // 5 units
        store.add(recorded(units(8, 1), {0.95}), QStringLiteral("8"));
        mlpw::ExperimentSpec other = units(8, 1);
        other.training.batch_size = 64;  // differs in another field too: not on the plot
        store.add(recorded(other, {0.10}), QStringLiteral("other"));
        const OverlayData plot =
            sweep_plot(store, tinySpec(1), "model.layers[0].units", mlpw::ResultColumn::val_accuracy);
        QCOMPARE(plot.xTitle, QStringLiteral("model.layers[0].units"));
        QCOMPARE(plot.yTitle, QStringLiteral("val_accuracy"));
        QCOMPARE(plot.curves.size(), size_t(1));
        const OverlayCurve& curve = plot.curves[0];
        QCOMPARE(curve.points.size(), 3);
        QCOMPARE(curve.points[0], QPointF(4, 0.85));
        QCOMPARE(curve.points[1], QPointF(5, 0.93));
        QCOMPARE(curve.points[2], QPointF(8, 0.95));
        QCOMPARE(curve.lower[0].y(), 0.80);  // the min-max band of the two seeds at 4
        QCOMPARE(curve.upper[0].y(), 0.90);
        // A field whose values are not numbers: nothing to plot.
        QVERIFY(sweep_plot(store, tinySpec(1), "optimizer", mlpw::ResultColumn::val_accuracy).curves.empty());
    }

    void theTablesSelectionIsOverlaid() {
        RunStore store;
        fill(store);
        RunProject project(&store);
        RunQueue queue([](const mlpw::ExperimentSpec&) { return false; }, [] {});
        RunsView view(&store, &project, &queue);
        QCOMPARE(view.overlay()->content().lines, 0);
        view.selectRuns({0, 1, 2, 3, 4});
        QCOMPARE(view.overlay()->content().lines, 5);
        QCOMPARE(view.overlay()->content().bands, 0);
        view.setGrouped(true);  // the selection survives the regrouping: 3 rows, one with a band
        QCOMPARE(view.selectedRuns(), (QList<int>{0, 1, 2, 3, 4}));
        QCOMPARE(view.overlay()->content().lines, 3);
        QCOMPARE(view.overlay()->content().bands, 1);
        view.setMetric("loss");
        QCOMPARE(view.overlay()->data().yTitle, QStringLiteral("loss"));
        view.selectRuns({1});
        QCOMPARE(view.overlay()->content().lines, 1);
    }
};

QTEST_MAIN(TestRunsOverlay)
#include "tst_runs_overlay.moc"
