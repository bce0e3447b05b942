// Names of layer types, activations and optimisers; Keras' automatic layer names; optimiser defaults.
#include <QtTest>

#include "mlpw/experiment/model_spec.h"
#include "mlpw/experiment/optimizer_spec.h"

using namespace mlpw;

class TestModelSpec : public QObject {
    Q_OBJECT
private slots:
    void layer_names_data();
    void layer_names();
    void names_round_trip();
    void optimizer_defaults_data();
    void optimizer_defaults();
    void initializers();
};

// "types" as letters: d dense, a activation, l leaky_relu, o dropout, b batch_normalization, f flatten;
// "d:hidden" gives a layer an explicit name.
void TestModelSpec::layer_names_data() {
    QTest::addColumn<QString>("layers");
    QTest::addColumn<QString>("names");
    QTest::newRow("784-512-10") << "f d d"
                                << "flatten dense dense_1";
    QTest::newRow("leaky") << "f d l o d l o d"
                           << "flatten dense leaky_re_lu dropout dense_1 leaky_re_lu_1 dropout_1 dense_2";
    QTest::newRow("all kinds") << "b a d a"
                               << "batch_normalization activation dense activation_1";
    QTest::newRow("explicit kept, counter not used") << "d:hidden d d"
                                                     << "hidden dense dense_1";
    QTest::newRow("empty") << ""
                           << "";
}

void TestModelSpec::layer_names() {
    QFETCH(QString, layers);
    QFETCH(QString, names);
    const std::map<QChar, LayerType> kinds{
        {'d', LayerType::dense},   {'a', LayerType::activation},          {'l', LayerType::leaky_relu},
        {'o', LayerType::dropout}, {'b', LayerType::batch_normalization}, {'f', LayerType::flatten}};
    ModelSpec model;
    for (const QString& word : layers.split(' ', Qt::SkipEmptyParts)) {
        LayerSpec l;
        l.type = kinds.at(word[0]);
        l.name = word.section(':', 1).toStdString();
        model.layers.push_back(l);
    }
    QStringList got;
    for (const auto& n : mlpw::layer_names(model)) got << QString::fromStdString(n);
    QCOMPARE(got.join(' '), names);
}

void TestModelSpec::names_round_trip() {
    for (LayerType t : {LayerType::dense, LayerType::activation, LayerType::leaky_relu, LayerType::dropout,
                        LayerType::batch_normalization, LayerType::flatten}) {
        LayerType back{};
        QVERIFY(parse_layer_type(to_string(t), back));
        QCOMPARE(back, t);
    }
    QCOMPARE(to_string(LayerType::leaky_relu), std::string("leaky_relu"));
    for (ActivationFn f : {ActivationFn::linear, ActivationFn::relu, ActivationFn::sigmoid, ActivationFn::tanh,
                           ActivationFn::elu, ActivationFn::leaky_relu, ActivationFn::softmax}) {
        ActivationFn back{};
        QVERIFY(parse_activation(to_string(f), back));
        QCOMPARE(back, f);
    }
    for (OptimizerType t : {OptimizerType::sgd, OptimizerType::adagrad, OptimizerType::rmsprop, OptimizerType::adam}) {
        OptimizerType back{};
        QVERIFY(parse_optimizer_type(to_string(t), back));
        QCOMPARE(back, t);
    }
    LayerType lt{};
    ActivationFn af{};
    OptimizerType ot{};
    QVERIFY(!parse_layer_type("Dense", lt));
    QVERIFY(!parse_activation("swish", af));
    QVERIFY(!parse_optimizer_type("SGD", ot));
}

void TestModelSpec::optimizer_defaults_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<float>("learning_rate");
    QTest::newRow("sgd") << int(OptimizerType::sgd) << 0.01f;
    QTest::newRow("adagrad") << int(OptimizerType::adagrad) << 0.001f;
    QTest::newRow("rmsprop") << int(OptimizerType::rmsprop) << 0.001f;
    QTest::newRow("adam") << int(OptimizerType::adam) << 0.001f;
}

void TestModelSpec::optimizer_defaults() {
    QFETCH(int, type);
    QFETCH(float, learning_rate);
    const OptimizerSpec o = defaults_for(OptimizerType(type));
    QCOMPARE(int(o.type), type);
    QCOMPARE(o.learning_rate, learning_rate);
    QCOMPARE(o.momentum, 0.0f);
    QVERIFY(!o.nesterov && !o.centered && !o.amsgrad);
    QCOMPARE(o.initial_accumulator_value, 0.1f);
    QCOMPARE(o.rho, 0.9f);
    QCOMPARE(o.beta_1, 0.9f);
    QCOMPARE(o.beta_2, 0.999f);
    QCOMPARE(o.epsilon, 1e-7f);
    QCOMPARE(o.clipnorm, 0.0f);
    QCOMPARE(o.clipvalue, 0.0f);
}

void TestModelSpec::initializers() {
    const auto& names = initializer_names();
    QCOMPARE(names.size(), size_t(10));
    for (const char* n : {"zeros", "glorot_uniform", "he_normal", "random_normal", "lecun_normal"})
        QVERIFY(std::find(names.begin(), names.end(), n) != names.end());
    QCOMPARE(LayerSpec{}.kernel_initializer.type, InitializerType::glorot_uniform);
    QCOMPARE(LayerSpec{}.bias_initializer.type, InitializerType::zeros);
}

QTEST_APPLESS_MAIN(TestModelSpec)
#include "tst_model_spec.moc"
