// The multi-run overlay: one curve per series in its palette colour, a seed band only behind series with more
// than one run, the legend naming every series; drawn into any size (PNG pixels and SVG text checked).
#include <QImage>
#include <QtTest>

#include "export/figure_export.h"
#include "export/run_overlay_figure.h"

using namespace mlpw;

namespace {

// Epochs 1..n, mean rising, min/max +-spread (count 1 when spread is 0).
OverlaySeries series(const QString& name, int epochs, double start, double spread) {
    OverlaySeries s{name, {}};
    for (int e = 1; e <= epochs; ++e) {
        EpochBand b;
        b.epoch = e;
        b.spread.count = spread > 0 ? 3 : 1;
        b.spread.mean = start + 0.01 * e;
        b.spread.sd = spread / 2;
        b.spread.min = b.spread.mean - spread;
        b.spread.max = b.spread.mean + spread;
        s.bands.push_back(b);
    }
    return s;
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

}  // namespace

class TestRunOverlayFigure : public QObject {
    Q_OBJECT
private slots:
    void onePaletteColourPerSeries() {
        const Figure f = run_overlay_figure("Optimisers", "val_accuracy",
                                            {series("adam", 10, 0.90, 0.004), series("sgd", 10, 0.85, 0.0)});
        QImage image;
        QVERIFY(image.loadFromData(figure_bytes(f, FigureFormat::png, QSize(800, 400), 96), "PNG"));
        QCOMPARE(image.size(), QSize(800, 400));
        QVERIFY(pixelsNear(image, overlay_colour(0), 2) > 100);  // the curves
        QVERIFY(pixelsNear(image, overlay_colour(1), 2) > 100);
        QCOMPARE(pixelsNear(image, overlay_colour(2), 2), 0);                // no third series
        QVERIFY(pixelsNear(image, bandColour(overlay_colour(0)), 3) > 500);  // adam's seeds spread: a band
        QVERIFY(pixelsNear(image, bandColour(overlay_colour(1)), 3) <
                100);  // sgd: one run, no band (only the line's antialiased edge)
    }
    void svgNamesTheSeriesAndAxis() {
        const Figure f = run_overlay_figure("Hidden size", "val_loss",
                                            {series("hidden_256", 5, 0.1, 0.01), series("hidden_1024", 1, 0.1, 0.0)});
        const QString svg = QString::fromUtf8(figure_bytes(f, FigureFormat::svg, QSize(800, 400), 96));
        QVERIFY(svg.contains("<title>Hidden size</title>"));
        QVERIFY(svg.contains(">hidden_256<"));
        QVERIFY(svg.contains(">hidden_1024<"));
        QVERIFY(svg.contains(">val_loss<"));
        QVERIFY(svg.contains(">epoch<"));
    }
    void emptyIsStillAFigure() {
        const Figure f = run_overlay_figure("Nothing", "loss", {});
        QVERIFY(!figure_bytes(f, FigureFormat::png, QSize(200, 100), 96).isEmpty());
    }
};

QTEST_MAIN(TestRunOverlayFigure)
#include "tst_run_overlay_figure.moc"
