// ONNX export: libonnx's own checker and shape inference accept the graph ({N, rows, cols} -> {N, classes}), the
// nodes are the expected operators in order, an export imports back into the same model with the same
// predictions, and a model that cannot be exported is refused naming the tensor, without a partial file.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"
#include "mlpw/io/onnx_export.h"
#include "mlpw/io/onnx_import.h"
#include "mlpw/nn/rng.h"

namespace {

using namespace mlpw;

constexpr int kRows = 3, kCols = 4, kClasses = 3, kBatch = 5;

LayerSpec layer(LayerType type, ActivationFn activation = ActivationFn::linear, int units = 0) {
    LayerSpec l;
    l.type = type;
    l.activation = activation;
    l.units = units;
    return l;
}

// Every layer type and activation, as a 3x4-pixel, 3-class model with scrambled weights.
ModelFile everyLayerModel(Normalization normalization, float stddev = 0.3f) {
    ModelFile model;
    model.experiment.name = "every layer";
    model.experiment.data.normalization = normalization;
    auto& layers = model.experiment.model.layers;
    layers = {layer(LayerType::flatten),
              layer(LayerType::dense, ActivationFn::relu, 8),
              layer(LayerType::batch_normalization),
              layer(LayerType::dense, ActivationFn::linear, 8),
              layer(LayerType::activation, ActivationFn::tanh),
              layer(LayerType::dropout),
              layer(LayerType::dense, ActivationFn::elu, 6),
              layer(LayerType::leaky_relu),
              layer(LayerType::dense, ActivationFn::sigmoid, 6),
              layer(LayerType::dense, ActivationFn::leaky_relu, 5),
              layer(LayerType::dense, ActivationFn::softmax, kClasses)};
    layers[5].rate = 0.5f;
    layers[3].use_bias = false;
    layers[7].negative_slope = 0.2f;
    Network net(model.experiment.model, kRows * kCols, kClasses, 5);
    model.weights = net.state();
    Rng rng(3);
    for (auto& t : model.weights)
        for (float& v : t.values) v = t.name.ends_with("variance") ? rng.uniform(0.5f, 2.0f) : rng.uniform(-1.0f, 1.0f);
    model.image_rows = kRows, model.image_cols = kCols;
    model.normalization_mean = normalization == Normalization::standardize ? 0.2f : 0.0f;
    model.normalization_stddev = normalization == Normalization::standardize ? stddev : 1.0f;
    model.class_names = {"cat", "dog", "bird"};
    return model;
}

std::vector<float> probabilities(const ModelFile& model) {
    ImageSet set;
    set.count = kBatch, set.rows = kRows, set.cols = kCols;
    for (int i = 0; i < kBatch * kRows * kCols; ++i) set.pixels.push_back(uint8_t((i * 53) % 256));
    set.labels.assign(kBatch, 0);
    Network net = make_network(model, kBatch);
    const BatchAssembler assembler(model.experiment.data.normalization, model.normalization_mean,
                                   model.normalization_stddev);
    const std::vector<uint32_t> rows{0, 1, 2, 3, 4};
    assembler.gather(set, rows.data(), kBatch, net.input());
    const float* p = net.forward(kBatch, Pass::inference);
    return {p, p + kBatch * kClasses};
}

std::vector<std::string> dims(const onnx::ValueInfoProto& value) {
    std::vector<std::string> out;
    for (const auto& d : value.type().tensor_type().shape().dim())
        out.push_back(d.has_dim_param() ? d.dim_param() : std::to_string(d.dim_value()));
    return out;
}

}  // namespace

class TestOnnxExport : public QObject {
    Q_OBJECT
private slots:
    void checkerAndShapeInference() {
        onnx::ModelProto proto;
        QVERIFY(proto.ParseFromString(onnx_model_bytes(everyLayerModel(Normalization::standardize))));
        onnx::checker::check_model(proto);  // throws onnx::checker::ValidationError
        onnx::shape_inference::InferShapes(proto);
        const auto& graph = proto.graph();
        QCOMPARE(proto.opset_import(0).version(), int64_t(13));
        QCOMPARE(dims(graph.input(0)), (std::vector<std::string>{"N", "3", "4"}));
        QCOMPARE(graph.input(0).name(), std::string("image"));
        QCOMPARE(graph.output(0).name(), std::string("probabilities"));
        QCOMPARE(dims(graph.output(0)), (std::vector<std::string>{"N", "3"}));
        QVERIFY(graph.value_info_size() > 0);  // inferred intermediate shapes, all {N, features}
        for (const auto& value : graph.value_info()) QCOMPARE(dims(value).front(), std::string("N"));

        std::vector<std::string> ops;
        for (const auto& node : graph.node()) ops.push_back(node.op_type());
        const std::vector<std::string> expected{
            "Flatten", "Sub",       "Div",  "Gemm",    "Relu", "BatchNormalization", "Gemm", "Tanh",   "Gemm",
            "Elu",     "LeakyRelu", "Gemm", "Sigmoid", "Gemm", "LeakyRelu",          "Gemm", "Softmax"};
        QCOMPARE(ops, expected);
        QCOMPARE(graph.node(3).input_size(), 3);  // dense: kernel and bias
        QCOMPARE(graph.node(6).input_size(), 2);  // use_bias false: no C
    }

    void roundTrip_data() {
        QTest::addColumn<int>("normalization");
        QTest::addColumn<float>("stddev");
        QTest::newRow("scale") << int(Normalization::scale) << 1.0f;
        QTest::newRow("standardize") << int(Normalization::standardize) << 0.3f;
        QTest::newRow("standardize, stddev 0 (only centred)") << int(Normalization::standardize) << 0.0f;
        QTest::newRow("none") << int(Normalization::none) << 1.0f;
    }
    void roundTrip() {
        QFETCH(int, normalization);
        QFETCH(float, stddev);
        const ModelFile model = everyLayerModel(Normalization(normalization), stddev);
        const ModelFile back = import_onnx_bytes(onnx_model_bytes(model), "export.onnx");
        QCOMPARE(back.weights, model.weights);                    // bit-exact
        QCOMPARE(back.experiment.model, model.experiment.model);  // the metadata's layers, dropout included
        QCOMPARE(back.experiment.name, model.experiment.name);
        QCOMPARE(back.class_names, model.class_names);
        QCOMPARE(back.image_rows, kRows);
        QCOMPARE(back.image_cols, kCols);
        const auto expected = probabilities(model), got = probabilities(back);
        for (size_t i = 0; i < expected.size(); ++i) QVERIFY(std::fabs(expected[i] - got[i]) < 1e-6f);
    }

    void refusesBrokenModel() {
        ModelFile model = everyLayerModel(Normalization::scale);
        model.weights.erase(model.weights.begin() + 2);  // batch_normalization/gamma
        QTemporaryDir dir;
        const std::string path = dir.filePath("model.onnx").toStdString();
        { std::ofstream(path) << "old"; }
        try {
            export_onnx(model, path);
            QFAIL("exported");
        } catch (const ModelFileError& e) {
            QVERIFY2(QString(e.what()).contains("batch_normalization/gamma"), e.what());
        }
        std::ifstream in(path);
        std::string content;
        in >> content;
        QCOMPARE(content, std::string("old"));  // untouched, no temp file beside it
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    // Names from a foreign file may not be UTF-8 (fuzz_onnx found it): they are replaced, not an exception.
    void nonUtf8NamesExport() {
        ModelFile model = everyLayerModel(Normalization::scale);
        model.experiment.name = "bad \x88 name";
        model.class_names[0] = "\xff";
        const ModelFile back = import_onnx_bytes(onnx_model_bytes(model), "export.onnx");
        QCOMPARE(back.class_names[0], std::string("\xef\xbf\xbd"));  // U+FFFD
        QCOMPARE(back.weights, model.weights);
    }

    void unwritablePath() {
        try {
            export_onnx(everyLayerModel(Normalization::scale), "/nonexistent/dir/model.onnx");
            QFAIL("exported");
        } catch (const ModelFileError& e) {
            QVERIFY2(QString(e.what()).startsWith("/nonexistent/dir/model.onnx: cannot write the ONNX file"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestOnnxExport)
#include "tst_onnx_export.moc"
