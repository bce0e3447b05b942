// summarize() and ModelSummary::text(): Keras' parameter counts and summary() layout.
#include <QtTest>

#include "mlpw/report/summary.h"

using namespace mlpw;

Q_DECLARE_METATYPE(mlpw::ModelSpec)

namespace {

LayerSpec dense(int units, ActivationFn activation = ActivationFn::linear, bool use_bias = true) {
    LayerSpec l;
    l.type = LayerType::dense;
    l.units = units;
    l.activation = activation;
    l.use_bias = use_bias;
    return l;
}
LayerSpec layer(LayerType type) {
    LayerSpec l;
    l.type = type;
    return l;
}
ModelSpec model(std::vector<LayerSpec> layers) {
    ModelSpec m;
    m.layers = std::move(layers);
    return m;
}
// The study's final network: flatten, 4 x (Dense 512 linear, LeakyReLU, Dropout), Dense 10 softmax.
ModelSpec final_network() {
    ModelSpec m = model({layer(LayerType::flatten)});
    for (int i = 0; i < 4; ++i) {
        m.layers.push_back(dense(512));
        m.layers.push_back(layer(LayerType::leaky_relu));
        m.layers.push_back(layer(LayerType::dropout));
    }
    m.layers.push_back(dense(10, ActivationFn::softmax));
    return m;
}

}  // namespace

class TestSummary : public QObject {
    Q_OBJECT
private slots:
    void counts_data();
    void counts();
    void keras_text();
    void rows_and_shapes();
    void long_names_wrap();
    void thousands_data();
    void thousands();
};

void TestSummary::counts_data() {
    QTest::addColumn<ModelSpec>("spec");
    QTest::addColumn<int>("features");
    QTest::addColumn<qlonglong>("total");
    QTest::addColumn<qlonglong>("trainable");
    QTest::addColumn<qlonglong>("frozen");
    QTest::newRow("784-512-10") << model({dense(512, ActivationFn::relu), dense(10, ActivationFn::softmax)}) << 784
                                << 407050LL << 407050LL << 0LL;
    QTest::newRow("flatten adds nothing")
        << model({layer(LayerType::flatten), dense(512, ActivationFn::relu), dense(10, ActivationFn::softmax)}) << 784
        << 407050LL << 407050LL << 0LL;
    QTest::newRow("4x512 final") << final_network() << 784 << 1195018LL << 1195018LL << 0LL;
    QTest::newRow("batch norm 4 per feature, half frozen")
        << model({dense(512), layer(LayerType::batch_normalization), dense(10, ActivationFn::softmax)}) << 784
        << 407050LL + 2048 << 407050LL + 1024 << 1024LL;
    QTest::newRow("batch norm on the input")
        << model({layer(LayerType::batch_normalization), dense(10, ActivationFn::softmax)}) << 784 << 4 * 784LL + 7850
        << 2 * 784LL + 7850 << 2 * 784LL;
    QTest::newRow("no bias") << model({dense(512, ActivationFn::relu, false), dense(10, ActivationFn::softmax)}) << 784
                             << 784 * 512LL + 5130 << 784 * 512LL + 5130 << 0LL;
    QTest::newRow("tiny") << model({dense(2, ActivationFn::softmax)}) << 4 << 10LL << 10LL << 0LL;
}

void TestSummary::counts() {
    QFETCH(ModelSpec, spec);
    QFETCH(int, features);
    QFETCH(qlonglong, total);
    QFETCH(qlonglong, trainable);
    QFETCH(qlonglong, frozen);
    const ModelSummary s = summarize(spec, DataShape{features, 10});
    QCOMPARE(s.total_params, total);
    QCOMPARE(s.trainable_params, trainable);
    QCOMPARE(s.non_trainable_params, frozen);
    long long sum = 0;
    for (const auto& row : s.rows) sum += row.params;
    QCOMPARE(sum, total);
    QCOMPARE(s.rows.size(), spec.layers.size());
}

void TestSummary::keras_text() {
    const ModelSummary s = summarize(model({dense(512, ActivationFn::relu), dense(10, ActivationFn::softmax)}), {});
    const std::string expected =
        "Model: \"sequential\"\n"
        "_________________________________________________________________\n"
        " Layer (type)                Output Shape              Param #\n"
        "=================================================================\n"
        " dense (Dense)               (None, 512)               401920\n"
        " dense_1 (Dense)             (None, 10)                5130\n"
        "=================================================================\n"
        "Total params: 407,050 (1.55 MB)\n"
        "Trainable params: 407,050 (1.55 MB)\n"
        "Non-trainable params: 0 (0.00 Byte)\n"
        "_________________________________________________________________\n";
    QCOMPARE(QString::fromStdString(s.text()), QString::fromStdString(expected));
    QVERIFY(s.text("baseline").rfind("Model: \"baseline\"\n", 0) == 0);
    QCOMPARE(s.megabytes(), 407050 * 4.0 / (1024 * 1024));
}

void TestSummary::rows_and_shapes() {
    const ModelSummary s = summarize(final_network(), {});
    QCOMPARE(s.rows[0].name, std::string("flatten"));
    QCOMPARE(s.rows[0].type, std::string("Flatten"));
    QCOMPARE(s.rows[0].shape, std::vector<int>{784});
    QCOMPARE(s.rows[2].name, std::string("leaky_re_lu"));
    QCOMPARE(s.rows[2].type, std::string("LeakyReLU"));
    QCOMPARE(s.rows[13].name, std::string("dense_4"));
    QCOMPARE(s.rows[13].shape, std::vector<int>{10});
    const std::string text = s.text();
    QVERIFY(text.find("\n flatten (Flatten)           (None, 784)               0\n") != std::string::npos);
    QVERIFY(text.find("\n dropout_3 (Dropout)         (None, 512)               0\n") != std::string::npos);
    QVERIFY(text.find("Total params: 1,195,018 (4.56 MB)\n") != std::string::npos);

    const ModelSummary bn =
        summarize(model({dense(512), layer(LayerType::batch_normalization), dense(10, ActivationFn::softmax)}), {});
    const std::string bn_text = bn.text();
    QVERIFY(bn_text.find("\n batch_normalization (Batch  (None, 512)               2048\n") != std::string::npos);
    QVERIFY(bn_text.find("\n Normalization)\n") != std::string::npos);
    QVERIFY(bn_text.find("Non-trainable params: 1,024 (4.00 KB)\n") != std::string::npos);
}

void TestSummary::long_names_wrap() {
    LayerSpec named = dense(10, ActivationFn::softmax);
    named.name = "a_very_long_layer_name_that_keeps_going";
    const std::string text = summarize(model({named}), {}).text();
    // Each column keeps its width; the rest of the name continues on the next line.
    QVERIFY(text.find("\n a_very_long_layer_name_tha  (None, 10)                7850\n") != std::string::npos);
    QVERIFY(text.find("\n t_keeps_going (Dense)\n") != std::string::npos);
}

void TestSummary::thousands_data() {
    QTest::addColumn<qlonglong>("n");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << 0LL << "0";
    QTest::newRow("999") << 999LL << "999";
    QTest::newRow("1000") << 1000LL << "1,000";
    QTest::newRow("407050") << 407050LL << "407,050";
    QTest::newRow("1195018") << 1195018LL << "1,195,018";
    QTest::newRow("negative") << -1234567LL << "-1,234,567";
    QTest::newRow("min") << std::numeric_limits<long long>::min() << "-9,223,372,036,854,775,808";
}

void TestSummary::thousands() {
    QFETCH(qlonglong, n);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(with_thousands(n)), text);
}

QTEST_APPLESS_MAIN(TestSummary)
#include "tst_summary.moc"
