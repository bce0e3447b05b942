// The one overlay painting (export/overlay_figure.h): one line per curve in its palette colour, a band only
// behind curves that have one, marks, the legend naming every curve (SVG text) and toggling by a click on its
// entry; the window's OverlayView paints exactly the picture the report embeds for the same runs.
#include <QImage>
#include <QtTest>

#include "compare/overlay_view.h"
#include "compare/runs_overlay.h"
#include "export/metric_overlay.h"
#include "export/run_report.h"
#include "run/run_store.h"
#include "run_fixtures.h"

namespace {

// A curve over epochs 1..n, rising from start; with a band of +-spread when spread > 0.
OverlayCurve curve(const QString& name, size_t colour, int epochs, double start, double spread) {
    OverlayCurve c{name, overlay_colour(colour), {}, {}, {}, false};
    for (int e = 1; e <= epochs; ++e) {
        const double y = start + 0.01 * e;
        c.points.append({double(e), y});
        if (spread <= 0) continue;
        c.lower.append({double(e), y - spread});
        c.upper.append({double(e), y + spread});
    }
    return c;
}

OverlayData twoCurves() {
    OverlayData d;
    d.title = QStringLiteral("Optimisers");
    d.xTitle = QStringLiteral("epoch");
    d.yTitle = QStringLiteral("val_accuracy");
    d.percent = true;
    d.curves = {curve(QStringLiteral("adam"), 0, 10, 0.90, 0.004), curve(QStringLiteral("sgd"), 1, 10, 0.85, 0)};
    return d;
}

QImage rendered(const Figure& f, QSize size) {
    QImage image;
    image.loadFromData(figure_bytes(f, FigureFormat::png, size, 96), "PNG");
    return image.convertToFormat(QImage::Format_RGB32);
}

int pixelsNear(const QImage& image, QColor colour, int tolerance) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= tolerance && std::abs(c.green() - colour.green()) <= tolerance &&
                std::abs(c.blue() - colour.blue()) <= tolerance)
                ++n;
        }
    return n;
}

// The band's colour over white: alpha 50 of 255.
QColor bandColour(QColor c) {
    const auto over = [](int v) { return 255 - (255 - v) * 50 / 255; };
    return QColor(over(c.red()), over(c.green()), over(c.blue()));
}

// The pixels where two images of one size differ by more than `tolerance` in a channel.
int differingPixels(const QImage& a, const QImage& b, int tolerance) {
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QColor p = a.pixelColor(x, y), q = b.pixelColor(x, y);
            n += std::abs(p.red() - q.red()) > tolerance || std::abs(p.green() - q.green()) > tolerance ||
                std::abs(p.blue() - q.blue()) > tolerance;
        }
    return n;
}

}  // namespace

class TestOverlayFigure : public QObject {
    Q_OBJECT
private slots:
    void onePaletteColourPerCurveAndBandsWhereGiven() {
        const OverlayData d = twoCurves();
        QCOMPARE(overlay_content(d).lines, 2);
        QCOMPARE(overlay_content(d).bands, 1);
        const QImage image = rendered(overlay_figure(d), QSize(800, 400));
        QCOMPARE(image.size(), QSize(800, 400));
        QVERIFY(pixelsNear(image, overlay_colour(0), 2) > 100);  // the curves
        QVERIFY(pixelsNear(image, overlay_colour(1), 2) > 100);
        QCOMPARE(pixelsNear(image, overlay_colour(2), 2), 0);                // no third curve
        QVERIFY(pixelsNear(image, bandColour(overlay_colour(0)), 3) > 500);  // adam's seeds spread: a band
        QVERIFY(pixelsNear(image, bandColour(overlay_colour(1)), 3) < 100);  // sgd: none (antialiased edges only)
    }

    void hiddenCurvesLeaveThePicture() {
        const OverlayData d = twoCurves();
        const QSet<QString> hidden{QStringLiteral("adam")};
        QCOMPARE(overlay_content(d, hidden).lines, 1);
        QCOMPARE(overlay_content(d, hidden).bands, 0);
        const QImage image = rendered(overlay_figure(d, {hidden, false}), QSize(800, 400));
        QCOMPARE(pixelsNear(image, overlay_colour(0), 2), 0);
        QVERIFY(pixelsNear(image, overlay_colour(1), 2) > 100);
        // Listed greyed (the window's legend): its name stays in the SVG, its colour does not.
        const QString listed = QString::fromUtf8(figure_bytes(overlay_figure(d, {hidden, true}), FigureFormat::svg));
        const QString dropped = QString::fromUtf8(figure_bytes(overlay_figure(d, {hidden, false}), FigureFormat::svg));
        QVERIFY(listed.contains(QStringLiteral(">adam<")));
        QVERIFY(!dropped.contains(QStringLiteral(">adam<")));
        QVERIFY(!listed.contains(overlay_colour(0).name()));
    }

    void svgNamesTheCurvesMarksAndAxes() {
        OverlayData d = twoCurves();
        d.marks.push_back({5.0, QStringLiteral("would stop: epoch 5"), Qt::red});
        QCOMPARE(overlay_content(d).lines, 3);
        const QString svg = QString::fromUtf8(figure_bytes(overlay_figure(d), FigureFormat::svg, QSize(800, 400), 96));
        QVERIFY(svg.contains(QStringLiteral("<title>Optimisers</title>")));
        for (const char* text : {">adam<", ">sgd<", ">val_accuracy (%)<", ">epoch<", ">would stop: epoch 5<", ">90<"})
            QVERIFY2(svg.contains(QString::fromUtf8(text)), text);
    }

    void sweepAxisIsTheValue() {
        OverlayData d;
        d.xTitle = QStringLiteral("optimizer.learning_rate");
        d.yTitle = QStringLiteral("val_loss");
        d.integerX = false;
        d.curves = {
            {QStringLiteral("base"), overlay_colour(0), {{0.001, 0.3}, {0.01, 0.2}, {0.1, 0.5}}, {}, {}, false}};
        const QString svg = QString::fromUtf8(figure_bytes(overlay_figure(d), FigureFormat::svg, QSize(800, 400), 96));
        QVERIFY(svg.contains(QStringLiteral(">0.04<")));  // ticks on the value's scale, not whole epochs
        QVERIFY(svg.contains(QStringLiteral(">optimizer.learning_rate<")));
        QVERIFY(!figure_bytes(overlay_figure({}), FigureFormat::png, QSize(200, 100), 96).isEmpty());  // empty
    }

    void legendClicksHideAndShow() {
        OverlayView view;
        view.resize(800, 400);
        view.setData(twoCurves());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRectF area(QPointF(0, 0), QSizeF(view.size()));
        // Find adam's entry by probing the legend's strip at the bottom.
        QPoint entry;
        for (int x = 0; x < 800 && entry.isNull(); x += 4)
            for (int y = 300; y < 400 && entry.isNull(); y += 2)
                if (overlay_legend_entry_at(view.data(), {{}, true}, area, QPointF(x, y)) == QStringLiteral("adam"))
                    entry = QPoint(x, y);
        QVERIFY(!entry.isNull());
        QTest::mouseClick(&view, Qt::LeftButton, {}, entry);
        QVERIFY(view.isCurveHidden(QStringLiteral("adam")));
        QCOMPARE(view.content().lines, 1);
        view.setData(twoCurves());  // kept by name
        QVERIFY(view.isCurveHidden(QStringLiteral("adam")));
        QTest::mouseClick(&view, Qt::LeftButton, {}, entry);  // still listed at the same place: shown again
        QVERIFY(!view.isCurveHidden(QStringLiteral("adam")));
        QCOMPARE(overlay_legend_entry_at(view.data(), {{}, true}, area, QPointF(400, 200)), QString());  // the plot
    }

    void theWindowPaintsWhatTheReportEmbeds() {
        // Three seeds of one setting and one run of another, as the report's first section.
        ReportInput input;
        input.title = QStringLiteral("r");
        mlpw::ExperimentSpec wide = fixtures::tinySpec(1);
        wide.name = "wide";
        input.runs = {*fixtures::recorded(fixtures::tinySpec(1), {0.6, 0.7, 0.8}),
                      *fixtures::recorded(fixtures::tinySpec(2), {0.7, 0.8, 0.85}),
                      *fixtures::recorded(fixtures::tinySpec(3), {0.8, 0.9}), *fixtures::recorded(wide, {0.5, 0.6})};
        input.sections = {{QStringLiteral("Seeds"), QString(), {0, 1, 2, 3}}};
        const OverlayData reported = section_overlay(input, input.sections[0], "val_accuracy");
        QCOMPARE(overlay_content(reported).lines, 2);
        QCOMPARE(overlay_content(reported).bands, 1);
        QCOMPARE(reported.curves[0].lower[2].y(), 0.8);  // epoch 3: min-max of 0.8 and 0.85
        QCOMPARE(reported.curves[0].upper[2].y(), 0.85);

        // The Runs tab's overlay of the same runs, grouped the same way, is the same data but for its title.
        RunStore store;
        for (const mlpw::RunRecord& r : input.runs)
            store.add(std::make_shared<const mlpw::RunRecord>(r), QString::number(store.size()));
        OverlayData shown = runs_overlay(store, {{QStringLiteral("tiny"), {0, 1, 2}}, {QStringLiteral("wide"), {3}}},
                                         "val_accuracy", BandKind::min_max);
        QCOMPARE(shown.curves.size(), reported.curves.size());
        for (size_t i = 0; i < shown.curves.size(); ++i) {
            QCOMPARE(shown.curves[i].name, reported.curves[i].name);
            QCOMPARE(shown.curves[i].points, reported.curves[i].points);
            QCOMPARE(shown.curves[i].upper, reported.curves[i].upper);
        }

        // The view on screen and the report's figure, painted at one size: the same pixels.
        OverlayView view;
        view.resize(900, 450);
        view.setData(reported);
        const QImage screen = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const std::vector<Figure> figures = report_figures(input);
        QCOMPARE(figures.size(), size_t(2));  // val_accuracy, val_loss
        const QImage report = rendered(figures[0], screen.size());
        QCOMPARE(report.size(), QSize(900, 450));
        QVERIFY(pixelsNear(report, bandColour(overlay_colour(0)), 3) > 500);
        QCOMPARE(differingPixels(screen, report, 8), 0);
        QVERIFY(differingPixels(screen, rendered(figures[1], screen.size()), 8) > 1000);  // val_loss differs
    }
};

QTEST_MAIN(TestOverlayFigure)
#include "tst_overlay_figure.moc"
