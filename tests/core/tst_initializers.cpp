// Keras initialisers (tf.keras 2 semantics) by their statistics on a 784 x 512 kernel, their determinism,
// and the Rng underneath (below, uniform, normal, truncated_normal).
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <vector>

#include "mlpw/errors.h"
#include "mlpw/nn/initializers.h"
#include "mlpw/nn/rng.h"

using namespace mlpw;

Q_DECLARE_METATYPE(mlpw::InitializerSpec)

namespace {

// The q4 network's first kernel: fan_in 784, fan_out 512, n = 401408 values.
constexpr int kFanIn = 784, kFanOut = 512;
constexpr size_t kCount = size_t{kFanIn} * kFanOut;
// The stddev of a unit normal truncated to (-2, 2): Keras' VarianceScaling divides by it.
constexpr double kTruncatedStddev = 0.87962566103423978;

struct Stats {
    double mean = 0, stddev = 0, min = 0, max = 0;
    double withinOne = 0;  // fraction with |x - mean| < `unit`
    double beyondTwo = 0;  // fraction with |x - mean| >= 2 * `unit`
};

Stats statistics(const std::vector<float>& v, double unit) {
    Stats s;
    for (float x : v) s.mean += x;
    s.mean /= double(v.size());
    double ss = 0;
    for (float x : v) {
        ss += (x - s.mean) * (x - s.mean);
        s.withinOne += std::fabs(x - s.mean) < unit;
        s.beyondTwo += std::fabs(x - s.mean) >= 2 * unit;
    }
    s.stddev = std::sqrt(ss / double(v.size()));
    s.withinOne /= double(v.size());
    s.beyondTwo /= double(v.size());
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    s.min = *lo;
    s.max = *hi;
    return s;
}

std::vector<float> initialized(const InitializerSpec& spec, uint64_t seed, size_t n = kCount) {
    std::vector<float> v(n, -12345.0f);  // a value no initialiser produces: a skipped element shows
    Rng rng(seed);
    initialize(spec, v.data(), v.size(), kFanIn, kFanOut, rng);
    return v;
}

InitializerSpec named(const char* name) {
    InitializerSpec spec;
    if (!parse_initializer(name, spec.type)) qFatal("unknown initializer %s", name);
    return spec;
}

// Tolerances for n = 401408 samples: the mean's standard error is sd / 634; a sample stddev's relative
// standard error is ~1 / sqrt(2n) = 0.0011 (normal) and ~0.0007 (uniform). We allow 5 standard errors for
// the mean and 1% (about 10) for the stddev; fractions of the samples are within 0.005 (> 5 standard errors).
constexpr double kMeanErrors = 5.0;
constexpr double kStddevTolerance = 0.01;

}  // namespace

class TestInitializers : public QObject {
    Q_OBJECT
private slots:
    void constants_data();
    void constants();
    void uniform_data();
    void uniform();
    void random_normal();
    void truncated_normal_data();
    void truncated_normal();
    void same_seed_same_values_data();
    void same_seed_same_values();
    void unknown_name_throws();
    void rng_below_data();
    void rng_below();
    void rng_uniform();
    void rng_normal();
    void rng_is_deterministic();
};

void TestInitializers::constants_data() {
    QTest::addColumn<InitializerSpec>("spec");
    QTest::addColumn<float>("value");
    InitializerSpec constant = named("constant");
    constant.value = -0.375f;
    QTest::newRow("zeros") << named("zeros") << 0.0f;
    QTest::newRow("ones") << named("ones") << 1.0f;
    QTest::newRow("constant -0.375") << constant << -0.375f;
    QTest::newRow("constant default (0)") << named("constant") << 0.0f;
}

void TestInitializers::constants() {
    QFETCH(InitializerSpec, spec);
    QFETCH(float, value);
    const auto v = initialized(spec, 1);
    QVERIFY(std::all_of(v.begin(), v.end(), [&](float x) { return x == value; }));
}

void TestInitializers::uniform_data() {
    QTest::addColumn<InitializerSpec>("spec");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    InitializerSpec custom = named("random_uniform");
    custom.minval = -0.2f;
    custom.maxval = 0.6f;
    const double glorot = std::sqrt(6.0 / (kFanIn + kFanOut)), he = std::sqrt(6.0 / kFanIn);
    QTest::newRow("random_uniform (Keras default -0.05, 0.05)") << named("random_uniform") << -0.05 << 0.05;
    QTest::newRow("random_uniform(-0.2, 0.6)") << custom << -0.2 << 0.6;
    QTest::newRow("glorot_uniform: sqrt(6 / (fan_in + fan_out))") << named("glorot_uniform") << -glorot << glorot;
    QTest::newRow("he_uniform: sqrt(6 / fan_in)") << named("he_uniform") << -he << he;
}

void TestInitializers::uniform() {
    // U(a, b): every value in [a, b]; mean (a + b) / 2; variance (b - a)^2 / 12 (= limit^2 / 3 for +-limit);
    // and flat: each tenth of the interval holds a tenth of the values.
    QFETCH(InitializerSpec, spec);
    QFETCH(double, low);
    QFETCH(double, high);
    const auto v = initialized(spec, 42);
    const double width = high - low, expectedSd = width / std::sqrt(12.0);
    const Stats s = statistics(v, expectedSd);
    QVERIFY2(s.min >= float(low) && s.max <= float(high), qPrintable(QString("[%1, %2]").arg(s.min).arg(s.max)));
    QVERIFY2(s.min < low + 1e-4 * width && s.max > high - 1e-4 * width,  // the whole interval is used
             qPrintable(QString("[%1, %2]").arg(s.min).arg(s.max)));
    QVERIFY2(std::fabs(s.mean - (low + high) / 2) < kMeanErrors * expectedSd / std::sqrt(double(kCount)),
             qPrintable(QString::number(s.mean)));
    QVERIFY2(std::fabs(s.stddev / expectedSd - 1) < kStddevTolerance, qPrintable(QString::number(s.stddev)));
    std::vector<int> bins(10, 0);
    for (float x : v) ++bins[std::min(9, int((x - low) / width * 10))];
    for (int count : bins)
        QVERIFY2(std::fabs(count / double(kCount) - 0.1) < 0.005, qPrintable(QString::number(count)));
}

void TestInitializers::random_normal() {
    // Keras RandomNormal(mean, stddev): not truncated (about 4.55% of the values beyond 2 sd).
    for (const auto& [mean, stddev] : {std::pair{0.0f, 0.05f}, std::pair{0.5f, 2.0f}}) {
        InitializerSpec spec = named("random_normal");
        spec.mean = mean;
        spec.stddev = stddev;
        const Stats s = statistics(initialized(spec, 9), stddev);
        QVERIFY2(std::fabs(s.mean - mean) < kMeanErrors * stddev / std::sqrt(double(kCount)),
                 qPrintable(QString::number(s.mean)));
        QVERIFY2(std::fabs(s.stddev / stddev - 1) < kStddevTolerance, qPrintable(QString::number(s.stddev)));
        QVERIFY2(std::fabs(s.withinOne - 0.6827) < 0.005, qPrintable(QString::number(s.withinOne)));
        QVERIFY2(std::fabs(s.beyondTwo - 0.0455) < 0.005, qPrintable(QString::number(s.beyondTwo)));
    }
    QCOMPARE(InitializerSpec{}.stddev, 0.05f);  // Keras' default
}

void TestInitializers::truncated_normal_data() {
    QTest::addColumn<InitializerSpec>("spec");
    QTest::addColumn<double>("targetStddev");  // sqrt(scale / fan)
    QTest::newRow("glorot_normal: sqrt(2 / (fan_in + fan_out))")
        << named("glorot_normal") << std::sqrt(2.0 / (kFanIn + kFanOut));
    QTest::newRow("he_normal: sqrt(2 / fan_in)") << named("he_normal") << std::sqrt(2.0 / kFanIn);
    QTest::newRow("lecun_normal: sqrt(1 / fan_in)") << named("lecun_normal") << std::sqrt(1.0 / kFanIn);
}

void TestInitializers::truncated_normal() {
    // Keras VarianceScaling(distribution="truncated_normal"): N(0, sigma) with sigma = sqrt(s / fan) / 0.8796...,
    // redrawn outside 2 sigma. The result's stddev is then sqrt(s / fan) itself; |x| < 2 sigma; and, as a unit
    // normal truncated to (-2, 2), 0.6827 / 0.9545 = 0.7153 of the values lie within 1 sigma.
    QFETCH(InitializerSpec, spec);
    QFETCH(double, targetStddev);
    const double sigma = targetStddev / kTruncatedStddev;
    const Stats s = statistics(initialized(spec, 5), sigma);
    QVERIFY2(std::fabs(s.mean) < kMeanErrors * targetStddev / std::sqrt(double(kCount)),
             qPrintable(QString::number(s.mean)));
    QVERIFY2(std::fabs(s.stddev / targetStddev - 1) < kStddevTolerance,
             qPrintable(QString("%1, expected %2").arg(s.stddev).arg(targetStddev)));
    QVERIFY2(s.max < 2 * sigma && s.min > -2 * sigma,
             qPrintable(QString("[%1, %2], 2 sigma = %3").arg(s.min).arg(s.max).arg(2 * sigma)));
    QVERIFY(s.max > 1.99 * sigma && s.min < -1.99 * sigma);  // truncated at 2 sigma, not before
    QVERIFY2(std::fabs(s.withinOne - 0.6827 / 0.9545) < 0.005, qPrintable(QString::number(s.withinOne)));
}

void TestInitializers::same_seed_same_values_data() {
    QTest::addColumn<InitializerSpec>("spec");
    for (const char* name : {"random_uniform", "random_normal", "glorot_uniform", "glorot_normal", "he_normal",
                             "he_uniform", "lecun_normal"})
        QTest::newRow(name) << named(name);
}

void TestInitializers::same_seed_same_values() {
    QFETCH(InitializerSpec, spec);
    constexpr size_t n = 10000;
    const auto a = initialized(spec, 1234, n), b = initialized(spec, 1234, n), c = initialized(spec, 1235, n);
    QVERIFY(a == b);
    long differing = 0;
    for (size_t i = 0; i < n; ++i) differing += a[i] != c[i];
    QVERIFY2(differing > long(n * 0.99), qPrintable(QString::number(differing)));
}

void TestInitializers::unknown_name_throws() {
    // Names are parsed into the enum; an unknown one is refused, every listed one round-trips and initialises.
    InitializerType type = InitializerType::ones;
    QVERIFY(!parse_initializer("glorot_uniformm", type));
    QCOMPARE(type, InitializerType::ones);  // untouched
    float v[4] = {};
    for (const auto& name : initializer_names()) {
        QVERIFY2(parse_initializer(name, type), name.c_str());
        QCOMPARE(to_string(type), name);
        Rng r(1);
        initialize(InitializerSpec{type}, v, 4, 2, 2, r);
    }
    QCOMPARE(to_string(InitializerType::lecun_normal), std::string("lecun_normal"));
}

// --- Rng

void TestInitializers::rng_below_data() {
    QTest::addColumn<quint32>("n");
    QTest::newRow("1") << quint32(1);
    QTest::newRow("2") << quint32(2);
    QTest::newRow("3") << quint32(3);
    QTest::newRow("10") << quint32(10);
    QTest::newRow("1000") << quint32(1000);
    QTest::newRow("3 * 2^30 (rejection matters)") << quint32(3u << 30);
}

void TestInitializers::rng_below() {
    // below(n) is in [0, n) and uniform: the mean is (n - 1) / 2, and for small n every value occurs about
    // equally often (chi-square over the values, 200000 draws, far below the 0.1% critical value).
    QFETCH(quint32, n);
    constexpr int draws = 200000;
    Rng rng(31);
    double sum = 0;
    std::vector<int> counts(std::min<quint32>(n, 1000), 0);
    for (int i = 0; i < draws; ++i) {
        const uint32_t x = rng.below(n);
        QVERIFY(x < n);
        sum += x;
        if (n <= 1000) ++counts[x];
    }
    const double mean = sum / draws, expected = (double(n) - 1) / 2;
    const double sdOfMean = double(n) / std::sqrt(12.0 * draws);
    QVERIFY2(std::fabs(mean - expected) <= 5 * sdOfMean + 1e-12, qPrintable(QString::number(mean)));
    if (n > 1 && n <= 1000) {
        const double e = double(draws) / n;
        double chi2 = 0;
        for (int c : counts) chi2 += (c - e) * (c - e) / e;
        // dof = n - 1; mean dof, sd sqrt(2 dof): allow dof + 5 sd + 10.
        const double dof = n - 1;
        QVERIFY2(chi2 < dof + 5 * std::sqrt(2 * dof) + 10, qPrintable(QString::number(chi2)));
    }
}

void TestInitializers::rng_uniform() {
    // uniform() in [0, 1) on a 2^-24 grid, mean 1/2, variance 1/12; uniform(lo, hi) in [lo, hi].
    Rng rng(8);
    constexpr int draws = 400000;
    double sum = 0, sq = 0;
    float lowest = 1, highest = 0;
    for (int i = 0; i < draws; ++i) {
        const float u = rng.uniform();
        QVERIFY(u >= 0.0f && u < 1.0f);
        QCOMPARE(std::ldexp(u, 24), std::floor(std::ldexp(u, 24)));
        sum += u;
        sq += double(u) * u;
        lowest = std::min(lowest, u);
        highest = std::max(highest, u);
    }
    const double mean = sum / draws, var = sq / draws - mean * mean;
    QVERIFY(std::fabs(mean - 0.5) < 5 * std::sqrt(1.0 / 12 / draws));
    QVERIFY(std::fabs(var / (1.0 / 12) - 1) < 0.01);
    QVERIFY(lowest < 1e-4f && highest > 1 - 1e-4f);
    for (int i = 0; i < 1000; ++i) {
        const float x = rng.uniform(-3.0f, 5.0f);
        QVERIFY(x >= -3.0f && x <= 5.0f);
    }
}

void TestInitializers::rng_normal() {
    Rng rng(12);
    constexpr int draws = 400000;
    std::vector<float> v(draws), t(draws);
    for (float& x : v) x = rng.normal();
    for (float& x : t) x = rng.truncated_normal();
    const Stats s = statistics(v, 1.0);
    QVERIFY(std::fabs(s.mean) < 5 / std::sqrt(double(draws)));
    QVERIFY(std::fabs(s.stddev - 1) < kStddevTolerance);
    QVERIFY(std::fabs(s.beyondTwo - 0.0455) < 0.005);
    const Stats st = statistics(t, 1.0);
    QVERIFY(st.min > -2.0 && st.max < 2.0);
    QVERIFY(std::fabs(st.stddev - kTruncatedStddev) < kStddevTolerance * kTruncatedStddev);
}

void TestInitializers::rng_is_deterministic() {
    // Rng(2024) is xoshiro256** with its state filled by the first four outputs of SplitMix64 seeded with 2024.
    // The known answers come from the reference C code (prng.di.unimi.it: splitmix64.c, xoshiro256starstar.c),
    // transcribed independently into Python, not from this class.
    const uint64_t expected[] = {0x0E48715A13D7772Eull, 0xC837F3EE8A7A1065ull, 0x1272314B15EE5001ull,
                                 0x28E323A6ABE2A46Bull, 0xC60DF3B261660AA7ull, 0x3EAFF0863CCF54F5ull};
    Rng a(2024);
    for (uint64_t x : expected) QCOMPARE(a.next_u64(), x);
    // Seeds that differ by one give unrelated streams; derive_seed separates purposes and indices.
    Rng b(2024), c(2025);
    int same = 0;
    for (int i = 0; i < 1000; ++i) same += b.next_u64() == c.next_u64();
    QCOMPARE(same, 0);
    QVERIFY(derive_seed(13, 1, 0) != derive_seed(13, 1, 1));
    QVERIFY(derive_seed(13, 1, 0) != derive_seed(13, 2, 0));
    QVERIFY(derive_seed(13, 1, 0) != derive_seed(14, 1, 0));
    static_assert(derive_seed(13, 1, 0) == derive_seed(13, 1, 0));  // constexpr: the same on every platform
    static_assert(splitmix64(0) == 0xE220A8397B1DCDAFull);          // the reference SplitMix64 output for 0
}

QTEST_APPLESS_MAIN(TestInitializers)
#include "tst_initializers.moc"
