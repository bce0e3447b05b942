// The augmentation layers: identity at factor 0, known warps (a one-pixel shift, a quarter turn of a symmetric
// bar, a zoom, composed layers, an elastic field read off the pixel grid), the elastic field against a direct
// Gaussian smoothing, determinism per seed and step for any thread count, no effect at evaluation, and the
// experiment file's reader, writer and validator.
#include <QtTest>

#include <omp.h>

#include <cmath>
#include <numbers>

#include "mlpw/data/augmentation.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/nn/network.h"
#include "mlpw/nn/rng.h"
#include "spec_error_text.h"

using namespace mlpw;
using nlohmann::json;

namespace {

constexpr int kSide = 28;
constexpr int kPixels = kSide * kSide;

LayerSpec layer(LayerType type) {
    LayerSpec l;
    l.type = type;
    l.fill_mode = FillMode::constant;
    return l;
}

ImageSet random_images(int count) {
    ImageSet set;
    set.count = count;
    set.rows = set.cols = kSide;
    set.pixels.resize(static_cast<size_t>(count) * kPixels);
    set.labels.assign(static_cast<size_t>(count), 0);
    Rng rng(5);
    for (auto& p : set.pixels) p = static_cast<uint8_t>(rng.below(256));
    return set;
}

ModelSpec all_four(float factor, float alpha) {
    LayerSpec t = layer(LayerType::random_translation), r = layer(LayerType::random_rotation),
              z = layer(LayerType::random_zoom), e = layer(LayerType::elastic_deformation);
    t.height_factor = factor;
    t.width_factor = factor;
    r.factor = factor;
    z.height_factor = factor;
    e.alpha = alpha;
    return {{t, r, z, e}};
}

std::vector<float> batch(Augmenter& a, const ImageSet& set, uint64_t step) {
    const BatchAssembler assembler(Normalization::scale, 0.0f, 1.0f);
    std::vector<uint32_t> indices(static_cast<size_t>(set.count));
    for (int i = 0; i < set.count; ++i) indices[i] = static_cast<uint32_t>(i);
    std::vector<float> out(static_cast<size_t>(set.count) * kPixels);
    a.gather(assembler, set, indices.data(), set.count, step, out.data());
    return out;
}

std::vector<float> uniform_noise(uint64_t seed) {
    Rng rng(seed);
    std::vector<float> noise(kPixels);
    for (float& v : noise) v = rng.uniform(-1.0f, 1.0f);
    return noise;
}

// scipy.ndimage.gaussian_filter(noise, sigma, mode="constant", truncate=truncate) * alpha, computed directly.
std::vector<float> direct_gaussian(const std::vector<float>& noise, float sigma, float truncate, float alpha) {
    const int radius = static_cast<int>(truncate * sigma + 0.5f);
    std::vector<double> w(static_cast<size_t>(2 * radius + 1));
    double sum = 0;
    for (int i = -radius; i <= radius; ++i) sum += w[i + radius] = std::exp(-0.5 * i * i / (sigma * sigma));
    std::vector<float> out(kPixels);
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            double v = 0;
            for (int j = -radius; j <= radius; ++j)
                for (int i = -radius; i <= radius; ++i)
                    if (x + i >= 0 && x + i < kSide && y + j >= 0 && y + j < kSide)
                        v += w[i + radius] * w[j + radius] * noise[(y + j) * kSide + x + i];
            out[y * kSide + x] = static_cast<float>(alpha * v / (sum * sum));
        }
    return out;
}

// sqrt(mean((a - b)^2)) / sqrt(mean(b^2)).
double relative_rms(const std::vector<float>& a, const std::vector<float>& b) {
    double d = 0, n = 0;
    for (size_t i = 0; i < a.size(); ++i) d += (a[i] - b[i]) * (a[i] - b[i]), n += b[i] * b[i];
    return std::sqrt(d / n);
}

}  // namespace

class TestAugmentation : public QObject {
    Q_OBJECT
private slots:
    void identity_at_factor_zero() {
        const ImageSet set = random_images(8);
        Augmenter a(all_four(0.0f, 0.0f), kSide, kSide, 13);
        QVERIFY(a.active());
        const auto out = batch(a, set, 3);
        for (size_t i = 0; i < out.size(); ++i) QCOMPARE(out[i], set.pixels[i] * (1.0f / 255.0f));
    }

    void one_pixel_translation() {
        Augmenter a({{layer(LayerType::random_translation)}}, kSide, kSide, 1);
        const ImageSet set = random_images(1);
        Augmenter::Draw d;
        d.dx = 1.0f;   // right by one
        d.dy = -1.0f;  // up by one
        std::vector<float> out(kPixels);
        a.warp(set.image(0), 1.0f, 0.0f, &d, nullptr, nullptr, out.data());
        for (int y = 0; y < kSide; ++y)
            for (int x = 0; x < kSide; ++x) {
                const bool inside = x >= 1 && y + 1 < kSide;
                QCOMPARE(out[y * kSide + x], inside ? float(set.image(0)[(y + 1) * kSide + x - 1]) : 0.0f);
            }
    }

    // A horizontal bar on rows 13-14 (symmetric about the centre 13.5) becomes a vertical one on columns 13-14.
    void quarter_turn_of_a_symmetric_bar() {
        Augmenter a({{layer(LayerType::random_rotation)}}, kSide, kSide, 1);
        std::vector<uint8_t> bar(kPixels, 0);
        for (int y = 13; y <= 14; ++y)
            for (int x = 4; x < 24; ++x) bar[y * kSide + x] = 255;
        Augmenter::Draw d;
        d.angle = std::numbers::pi_v<float> / 2;
        std::vector<float> out(kPixels);
        a.warp(bar.data(), 1.0f, 0.0f, &d, nullptr, nullptr, out.data());
        for (int y = 0; y < kSide; ++y)
            for (int x = 0; x < kSide; ++x) {
                const float expected = (x == 13 || x == 14) && y >= 4 && y < 24 ? 255.0f : 0.0f;
                QVERIFY2(std::fabs(out[y * kSide + x] - expected) < 0.01f, qPrintable(QString("%1,%2").arg(x).arg(y)));
            }
    }

    // Zoom 2 (a positive factor zooms out): the output pixel at distance r from the centre reads the input at 2r.
    void zoom_out_by_two() {
        Augmenter a({{layer(LayerType::random_zoom)}}, kSide, kSide, 1);
        const ImageSet set = random_images(1);
        Augmenter::Draw d;
        d.zx = d.zy = 2.0f;
        std::vector<float> out(kPixels);
        a.warp(set.image(0), 1.0f, 0.0f, &d, nullptr, nullptr, out.data());
        // (x, y) = (13.5 + k / 2 ...): take output pixel (14, 14), 0.5 from the centre -> input at 14.5: mean of 14, 15.
        const uint8_t* s = set.image(0);
        const float expected =
            0.25f * (s[14 * kSide + 14] + s[14 * kSide + 15] + s[15 * kSide + 14] + s[15 * kSide + 15]);
        QVERIFY(std::fabs(out[14 * kSide + 14] - expected) < 1e-3f);
        QCOMPARE(out[0], 0.0f);  // reads (-13.5, -13.5): the constant fill
    }

    // Translate by (2, 0), then zoom out by 2 (the zoom layer last): the output pixel p reads the input at
    // c + 2 (p - c) - (2, 0).
    void composed_translation_and_zoom() {
        LayerSpec zoom = layer(LayerType::random_zoom);
        Augmenter a({{layer(LayerType::random_translation), zoom}}, kSide, kSide, 1);
        const ImageSet set = random_images(1);
        Augmenter::Draw d[2];
        d[0].dx = 2.0f;
        d[1].zx = d[1].zy = 2.0f;
        std::vector<float> out(kPixels);
        a.warp(set.image(0), 1.0f, 0.0f, d, nullptr, nullptr, out.data());
        // Output (14, 14): 13.5 + 2 * 0.5 - 2 = 12.5 across, 14.5 down: the mean of four pixels.
        const uint8_t* s = set.image(0);
        const float expected =
            0.25f * (s[14 * kSide + 12] + s[14 * kSide + 13] + s[15 * kSide + 12] + s[15 * kSide + 13]);
        QVERIFY(std::fabs(out[14 * kSide + 14] - expected) < 1e-3f);
    }

    // An elastic layer followed by a translation reads its field at the translated point: a field of -1 across
    // after a shift of 1 to the right moves the image 2 pixels to the right.
    void elastic_field_read_after_a_translation() {
        LayerSpec elastic = layer(LayerType::elastic_deformation);
        Augmenter a({{elastic, layer(LayerType::random_translation)}}, kSide, kSide, 1);
        const ImageSet set = random_images(1);
        Augmenter::Draw d[2];
        d[1].dx = 1.0f;
        const std::vector<float> field_x(kPixels, -1.0f), field_y(kPixels, 0.0f);
        std::vector<float> out(kPixels);
        a.warp(set.image(0), 1.0f, 0.0f, d, field_x.data(), field_y.data(), out.data());
        for (int y = 0; y < kSide; ++y)
            for (int x = 0; x < kSide; ++x)
                QCOMPARE(out[y * kSide + x], x >= 2 ? float(set.image(0)[y * kSide + x - 2]) : 0.0f);
    }

    // Sigma 4: the field is computed every 2 pixels and interpolated. At the nodes it is scipy's truncate=3
    // smoothing; everywhere it stays within a few percent (RMS) of that and of scipy's default truncate=4.
    void elastic_field_against_a_direct_gaussian() {
        LayerSpec elastic = layer(LayerType::elastic_deformation);
        elastic.alpha = 34.0f;
        elastic.sigma = 4.0f;
        Augmenter a({{elastic}}, kSide, kSide, 1);
        const Augmenter::ElasticSmoothing smoothing(4.0f, kSide, kSide);
        QCOMPARE(smoothing.step, 2);
        QCOMPARE(smoothing.radius, 12);
        const std::vector<float> nx = uniform_noise(1), ny = uniform_noise(2);
        std::vector<float> fx(kPixels), fy(kPixels);
        a.elastic_field(smoothing, 34.0f, nx.data(), ny.data(), fx.data(), fy.data());
        const std::vector<float> exact = direct_gaussian(nx, 4.0f, 3.0f, 34.0f);
        for (int y = 0; y < kSide; y += 2)
            for (int x = 0; x < kSide; x += 2) QVERIFY(std::fabs(fx[y * kSide + x] - exact[y * kSide + x]) < 1e-4f);
        const double to_exact = relative_rms(fx, exact);
        const double to_scipy = relative_rms(fx, direct_gaussian(nx, 4.0f, 4.0f, 34.0f));
        qInfo("elastic field against the direct smoothing: %.4f RMS (truncate 3), %.4f (scipy's truncate 4)", to_exact,
              to_scipy);
        QVERIFY2(to_exact < 0.05 && to_scipy < 0.05, qPrintable(QString("%1 %2").arg(to_exact).arg(to_scipy)));
        QVERIFY(relative_rms(fy, direct_gaussian(ny, 4.0f, 3.0f, 34.0f)) < 0.05);
        QVERIFY(relative_rms(fx, fy) > 0.5);  // the two axes draw their own noise
    }

    // Below sigma 2 the nodes are the pixels: the field is the direct smoothing itself.
    void elastic_field_on_every_pixel_for_a_small_sigma() {
        const Augmenter::ElasticSmoothing smoothing(1.5f, kSide, kSide);
        QCOMPARE(smoothing.step, 1);
        LayerSpec elastic = layer(LayerType::elastic_deformation);
        elastic.sigma = 1.5f;
        Augmenter a({{elastic}}, kSide, kSide, 1);
        const std::vector<float> n = uniform_noise(3);
        std::vector<float> fx(kPixels), fy(kPixels);
        a.elastic_field(smoothing, 10.0f, n.data(), n.data(), fx.data(), fy.data());
        const std::vector<float> exact = direct_gaussian(n, 1.5f, 3.0f, 10.0f);
        for (int i = 0; i < kPixels; ++i) QVERIFY(std::fabs(fx[i] - exact[i]) < 1e-4f);
        QCOMPARE(fy, fx);
    }

    void deterministic_per_seed_and_step_for_any_thread_count() {
        const ImageSet set = random_images(16);
        const ModelSpec model = all_four(0.1f, 34.0f);
        const int threads = omp_get_max_threads();
        omp_set_num_threads(1);
        Augmenter one(model, kSide, kSide, 13);
        const auto a = batch(one, set, 5);
        omp_set_num_threads(2);
        Augmenter two(model, kSide, kSide, 13);
        QCOMPARE(batch(two, set, 5), a);
        omp_set_num_threads(threads);
        QVERIFY(batch(two, set, 6) != a);  // another step, other draws
        Augmenter other(model, kSide, kSide, 14);
        QVERIFY(batch(other, set, 5) != a);  // another seed
        const auto original = batch(*std::make_unique<Augmenter>(all_four(0, 0), kSide, kSide, 13), set, 5);
        QVERIFY(a != original);
        // An elastic deformation moves the ink but keeps most of it: the mean stays within 20 %.
        double in = 0, out = 0;
        for (size_t i = 0; i < a.size(); ++i) in += original[i], out += a[i];
        QVERIFY(std::fabs(out / in - 1.0) < 0.2);
    }

    // The network skips augmentation layers: the same weights give the same probabilities with or without them.
    void inactive_at_evaluation() {
        LayerSpec flatten = layer(LayerType::flatten), dense = layer(LayerType::dense);
        dense.units = 10;
        dense.activation = ActivationFn::softmax;
        ModelSpec plain{{flatten, dense}};
        ModelSpec augmented = all_four(0.2f, 34.0f);
        augmented.layers.push_back(flatten);
        augmented.layers.push_back(dense);
        Network a(plain, kPixels, 10, 1, {4, false}), b(augmented, kPixels, 10, 2, {4, false});
        b.set_state(a.state());
        const ImageSet set = random_images(4);
        for (int i = 0; i < 4 * kPixels; ++i) a.input()[i] = b.input()[i] = set.pixels[i] / 255.0f;
        const float* pa = a.forward(4, Pass::inference);
        const float* pb = b.forward(4, Pass::inference);
        for (int i = 0; i < 40; ++i) QCOMPARE(pa[i], pb[i]);
    }

    void file_round_trip() {
        const json j = json::parse(R"({"model": {"layers": [
            {"type": "random_translation", "height_factor": 0.1, "width_factor": 0.05, "fill_mode": "constant"},
            {"type": "random_rotation", "factor": 0.03, "fill_mode": "nearest"},
            {"type": "random_zoom", "height_factor": 0.1},
            {"type": "elastic_deformation", "alpha": 30, "sigma": 5},
            {"type": "flatten"}, {"type": "dense", "units": 10, "activation": "softmax"}]}})");
        const ExperimentSpec spec = experiment_from_json(j);
        QCOMPARE(spec.model.layers[0].width_factor, std::optional<float>(0.05f));
        QCOMPARE(spec.model.layers[1].fill_mode, FillMode::nearest);
        QVERIFY(!spec.model.layers[2].width_factor);  // Keras' None: the aspect is kept
        QCOMPARE(spec.model.layers[3].sigma, 5.0f);
        QCOMPARE(layer_names(spec.model)[3], std::string("elastic_deformation"));
        QCOMPARE(experiment_from_json(experiment_to_json(spec)), spec);
    }

    void messages() {
        const json j = json::parse(R"({"model": {"layers": [
            {"type": "random_translation", "height_factor": 0.1},
            {"type": "random_rotation", "factor": 0.7},
            {"type": "random_zoom", "height_factor": 1.5, "fill_mode": "mirror"},
            {"type": "flatten"},
            {"type": "elastic_deformation", "sigma": 0},
            {"type": "dense", "units": 10, "activation": "softmax"}]}})");
        const QString error = QString::fromStdString(error_of([&] { experiment_from_json(j, "x.json"); }));
        for (const char* problem :
             {"model.layers[0].width_factor: required: a number, got nothing",
              "model.layers[1].factor: must be in [0, 0.5] (a fraction of a full turn), got 0.7",
              "model.layers[2].fill_mode: must be one of \"reflect\", \"wrap\", \"constant\" or \"nearest\", got "
              "\"mirror\"",
              "model.layers[4]: an augmentation layer must come first, before flatten and every other layer (it "
              "transforms the image), got after a flatten layer",
              "model.layers[4].sigma: must be in (0, 16] pixels, got 0"})
            QVERIFY2(error.contains(problem), qPrintable(error + "\nmissing: " + problem));
    }
};

QTEST_APPLESS_MAIN(TestAugmentation)
#include "tst_augmentation.moc"
