// The first-layer weights view: each unit's weights as an image in a grid, coloured on a symmetric diverging
// scale (known kernel -> known pixels); the grid is made once per epoch's kernel, not per record update.
#include <QtTest>

#include "inspect/colour_scale.h"
#include "inspect/first_layer_weights_view.h"
#include "inspect_fixture.h"

class TestFirstLayerWeightsView : public QObject {
    Q_OBJECT
private slots:
    void gridPixelsOfAKnownKernel() {
        FirstLayerWeightsView view;
        view.setRecord(inspect_fixture::snapshot());
        view.setEpoch(1);
        const WeightsPicture& p = view.picture();
        // 3 units of 2x2 in 2 columns with a 1 px gap: 5 x 5 px.
        QCOMPARE(p.columns, 2);
        QCOMPARE(p.grid.size(), QSize(5, 5));
        QCOMPARE(p.largest, 1.0f);
        const QImage& g = p.grid;
        QCOMPARE(g.pixel(0, 0), diverging_colour(-32 / 127.0));  // unit 0, input 0: -0.25
        QCOMPARE(g.pixel(1, 1), diverging_colour(-1.0));         // unit 0, input 3: -1
        QCOMPARE(g.pixel(3, 0), diverging_colour(0.0));          // unit 1: all 0
        QCOMPARE(g.pixel(1, 4), diverging_colour(1.0));          // unit 2, input 3: +1
        QCOMPARE(g.pixel(1, 3), diverging_colour(64 / 127.0));   // unit 2, input 1: +0.5
        QCOMPARE(g.pixel(2, 0), qRgb(200, 200, 200));            // the gap
        QCOMPARE(g.pixel(4, 4), qRgb(200, 200, 200));            // no fourth unit
        QVERIFY(p.title.contains(QStringLiteral("dense/kernel")));
        QVERIFY(p.title.contains(QStringLiteral("epoch 1")));
    }
    void theSliderEpochsKernel() {
        FirstLayerWeightsView view;
        view.setRecord(inspect_fixture::snapshot());
        view.setEpoch(2);
        QCOMPARE(view.picture().grid.pixel(0, 0), diverging_colour(-64 / 127.0));  // doubled in epoch 2: -0.5
    }
    void colourScaleIsSymmetric() {
        QCOMPARE(diverging_colour(0.0), qRgb(247, 247, 247));
        QVERIFY(qRed(diverging_colour(1.0)) > qBlue(diverging_colour(1.0)));
        QVERIFY(qBlue(diverging_colour(-1.0)) > qRed(diverging_colour(-1.0)));
        // The farther from 0, the darker, on both sides.
        QVERIFY(qGray(diverging_colour(0.0)) > qGray(diverging_colour(0.5)));
        QVERIFY(qGray(diverging_colour(0.5)) > qGray(diverging_colour(1.0)));
        QVERIFY(qGray(diverging_colour(0.0)) > qGray(diverging_colour(-0.5)));
        QVERIFY(qGray(diverging_colour(-0.5)) > qGray(diverging_colour(-1.0)));
    }
    void gridMadeOncePerEpochKernel() {
        FirstLayerWeightsView view;
        const RunSnapshot first = inspect_fixture::snapshot();
        view.setRecord(first);
        view.setEpoch(2);
        QCOMPARE(view.rebuilds(), 1);
        // The next epoch end's snapshot shares the kernels it copied: same epoch shown, no new grid.
        view.setRecord(std::make_shared<const mlpw::RunRecord>(*first));
        view.update();
        QCOMPARE(view.rebuilds(), 1);
        view.setEpoch(1);
        QCOMPARE(view.rebuilds(), 2);
    }
    void aLayerThatIsNotOverThePixelsSaysSo() {
        mlpw::RunRecord record = inspect_fixture::record();
        record.data.image_rows = 3;  // 3x2 = 6 pixels, the kernel takes 4
        FirstLayerWeightsView view;
        view.setRecord(std::make_shared<const mlpw::RunRecord>(record));
        view.setEpoch(1);
        QVERIFY(view.picture().grid.isNull());
        QVERIFY(view.picture().message.contains(QStringLiteral("4 inputs")));
    }
};

QTEST_MAIN(TestFirstLayerWeightsView)
#include "tst_first_layer_weights_view.moc"
