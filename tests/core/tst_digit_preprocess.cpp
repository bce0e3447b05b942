// MNIST's digit preprocessing (mlpw/data/digit_preprocess.h) on digits drawn here analytically: the same digit
// off-centre and at two scales gives the same 28x28; the centre of mass lands at (14, 14); the bounding box fits
// 20x20; both polarities and a grey paper; and the pictures with nothing to read (empty, a dot, black, white, NaN).
#include <QtTest>

#include <cmath>

#include "mlpw/data/digit_preprocess.h"

using namespace mlpw;

namespace {

struct Segment {
    double x0, y0, x1, y1;  // in the digit's unit square
};
// A "7" with a crossbar, in unit coordinates (y down).
const std::vector<Segment> kSeven = {{0.15, 0.1, 0.85, 0.1}, {0.85, 0.1, 0.4, 0.95}, {0.35, 0.5, 0.75, 0.5}};
// A "4": an open top-left stroke, the bar and the tall stem on the right.
const std::vector<Segment> kFour = {{0.55, 0.05, 0.1, 0.65}, {0.1, 0.65, 0.9, 0.65}, {0.7, 0.3, 0.7, 0.95}};

double distance_to(const Segment& s, double x, double y) {
    const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
    const double t = std::clamp(((x - s.x0) * dx + (y - s.y0) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
    return std::hypot(x - (s.x0 + t * dx), y - (s.y0 + t * dy));
}

// A rows x cols picture, light ink (1) on black (0): the digit scaled to `size` px with its unit square's
// top-left at (left, top), strokes 0.12 of the size wide; anti-aliased by 4x4 supersampling.
GreyImage draw(const std::vector<Segment>& digit, int rows, int cols, double left, double top, double size) {
    GreyImage image{rows, cols, std::vector<float>(size_t(rows) * size_t(cols), 0.0f)};
    const double half_width = 0.06;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            int inside = 0;
            for (int sy = 0; sy < 4; ++sy)
                for (int sx = 0; sx < 4; ++sx) {
                    const double x = (c + (sx + 0.5) / 4 - left) / size, y = (r + (sy + 0.5) / 4 - top) / size;
                    double nearest = 1e9;
                    for (const Segment& s : digit) nearest = std::min(nearest, distance_to(s, x, y));
                    inside += nearest <= half_width;
                }
            image.pixels[size_t(r) * size_t(cols) + size_t(c)] = inside / 16.0f;
        }
    return image;
}

GreyImage mapped(GreyImage image, float (*f)(float)) {
    for (float& v : image.pixels) v = f(v);
    return image;
}

double mean_difference(const DigitImage& a, const DigitImage& b) {
    double sum = 0.0;
    for (int i = 0; i < kDigitPixels; ++i) sum += std::abs(int(a[i]) - int(b[i]));
    return sum / kDigitPixels;
}

// Rows and columns holding ink of at least `level`: {height, width}.
std::pair<int, int> extent(const DigitImage& d, int level) {
    int r0 = kDigitSide, r1 = -1, c0 = kDigitSide, c1 = -1;
    for (int r = 0; r < kDigitSide; ++r)
        for (int c = 0; c < kDigitSide; ++c)
            if (d[r * kDigitSide + c] >= level)
                r0 = std::min(r0, r), r1 = std::max(r1, r), c0 = std::min(c0, c), c1 = std::max(c1, c);
    return {r1 - r0 + 1, c1 - c0 + 1};
}

}  // namespace

class TestDigitPreprocess : public QObject {
    Q_OBJECT
private slots:
    void sameDigitAnywhereAtAnyScale_data() {
        QTest::addColumn<int>("digit");
        QTest::addRow("seven") << 0;
        QTest::addRow("four") << 1;
    }
    void sameDigitAnywhereAtAnyScale() {
        QFETCH(int, digit);
        const auto& shape = digit == 0 ? kSeven : kFour;
        const auto centred = preprocess_digit(draw(shape, 280, 280, 40, 40, 200), InkPolarity::light_on_dark);
        const auto corner = preprocess_digit(draw(shape, 280, 280, 8, 190, 70), InkPolarity::light_on_dark);
        const auto wide = preprocess_digit(draw(shape, 200, 500, 300, 20, 160), InkPolarity::light_on_dark);
        QVERIFY(centred && corner && wide);
        QVERIFY2(mean_difference(*centred, *corner) < 6.0,
                 qPrintable(QString::number(mean_difference(*centred, *corner))));
        QVERIFY2(mean_difference(*centred, *wide) < 6.0, qPrintable(QString::number(mean_difference(*centred, *wide))));
        // A different digit is far from it (the tolerance means something).
        const auto other =
            preprocess_digit(draw(digit == 0 ? kFour : kSeven, 280, 280, 40, 40, 200), InkPolarity::light_on_dark);
        QVERIFY(mean_difference(*centred, *other) > 20.0);
    }

    void centreOfMassAndBox_data() {
        QTest::addColumn<double>("left");
        QTest::addColumn<double>("top");
        QTest::addColumn<double>("size");
        QTest::addRow("large") << 10.0 << 5.0 << 300.0;
        QTest::addRow("small in a corner") << 250.0 << 260.0 << 40.0;
        QTest::addRow("smaller than 20 px") << 3.0 << 3.0 << 12.0;
    }
    void centreOfMassAndBox() {
        QFETCH(double, left);
        QFETCH(double, top);
        QFETCH(double, size);
        const auto digit = preprocess_digit(draw(kSeven, 320, 320, left, top, size), InkPolarity::light_on_dark);
        QVERIFY(digit);
        const InkCentre centre = ink_centre(*digit);
        QVERIFY2(std::abs(centre.x - 14.0) <= 0.5 && std::abs(centre.y - 14.0) <= 0.5,
                 qPrintable(QStringLiteral("%1, %2").arg(centre.x).arg(centre.y)));
        const auto [height, width] = extent(*digit, 128);  // half ink and more: the box itself
        QVERIFY2(std::max(height, width) >= 18 && std::max(height, width) <= 20,
                 qPrintable(QStringLiteral("%1x%2").arg(height).arg(width)));
        const auto [allHeight, allWidth] = extent(*digit, 1);  // edges straddle at most one pixel each side
        QVERIFY(std::max(allHeight, allWidth) <= 22);
        QCOMPARE(*std::max_element(digit->begin(), digit->end()), uint8_t(255));
    }

    void polarities() {
        const GreyImage light = draw(kFour, 120, 90, 10, 20, 70);
        const auto reference = preprocess_digit(light, InkPolarity::light_on_dark);
        QVERIFY(reference);
        const GreyImage dark = mapped(light, [](float v) { return 1.0f - v; });
        QCOMPARE(*preprocess_digit(dark, InkPolarity::dark_on_light), *reference);
        QVERIFY(mean_difference(*preprocess_digit(dark, InkPolarity::from_border), *reference) < 1.0);
        QVERIFY(mean_difference(*preprocess_digit(light, InkPolarity::from_border), *reference) < 1.0);
        // Pencil on grey paper: ink 0.2 on paper 0.7.
        const GreyImage pencil = mapped(light, [](float v) { return 0.7f - 0.5f * v; });
        QVERIFY(mean_difference(*preprocess_digit(pencil, InkPolarity::from_border), *reference) < 3.0);
        // Read with the wrong polarity, the paper is the ink: nothing like the digit.
        const auto wrong = preprocess_digit(dark, InkPolarity::light_on_dark);
        QVERIFY(!wrong || mean_difference(*wrong, *reference) > 40.0);
    }

    void luminance() {
        const uint8_t rgb[] = {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0};  // 2 rows, stride 8
        const GreyImage grey = grey_from_rgb(rgb, 1, 4, 12);
        QCOMPARE(grey.rows, 1);
        QCOMPARE(grey.cols, 4);
        QVERIFY(qFuzzyCompare(grey.pixels[0], 0.299f));
        QVERIFY(qFuzzyCompare(grey.pixels[1], 0.587f));
        QVERIFY(qFuzzyCompare(grey.pixels[2], 0.114f));
        QVERIFY(qFuzzyCompare(grey.pixels[3], 1.0f));
    }

    void nothingToRead_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("polarity");
        const int light = int(InkPolarity::light_on_dark), border = int(InkPolarity::from_border);
        QTest::addRow("empty canvas") << 0 << light;
        QTest::addRow("a 1-pixel dot") << 1 << light;
        QTest::addRow("a 1-pixel dot on white") << 2 << border;
        QTest::addRow("full black, from the border") << 0 << border;
        QTest::addRow("full white, from the border") << 3 << border;
        QTest::addRow("faint noise") << 4 << light;
        QTest::addRow("NaN pixels") << 5 << light;
        QTest::addRow("no pixels at all") << 6 << light;
    }
    void nothingToRead() {
        QFETCH(int, kind);
        QFETCH(int, polarity);
        GreyImage image{64, 48, std::vector<float>(64 * 48, kind == 2 || kind == 3 ? 1.0f : 0.0f)};
        if (kind == 1) image.pixels[20 * 48 + 30] = 1.0f;
        if (kind == 2) image.pixels[20 * 48 + 30] = 0.0f;
        if (kind == 4)
            for (size_t i = 0; i < image.pixels.size(); i += 7) image.pixels[i] = 0.05f;
        if (kind == 5) std::fill(image.pixels.begin(), image.pixels.end(), std::nanf(""));
        if (kind == 6) image = GreyImage{};
        QVERIFY(!preprocess_digit(image, InkPolarity(polarity)));
    }

    void aShortStrokeIsRead() {
        // Two pixels side by side: past the speck limit, a full-height bar after scaling, no NaN.
        GreyImage image{10, 10, std::vector<float>(100, 0.0f)};
        image.pixels[55] = image.pixels[56] = 1.0f;
        const auto digit = preprocess_digit(image, InkPolarity::light_on_dark);
        QVERIFY(digit);
        const InkCentre centre = ink_centre(*digit);
        QVERIFY(std::abs(centre.x - 14.0) <= 0.5 && std::abs(centre.y - 14.0) <= 0.5);
        QCOMPARE(extent(*digit, 128).second, 20);
    }
};

QTEST_APPLESS_MAIN(TestDigitPreprocess)
#include "tst_digit_preprocess.moc"
