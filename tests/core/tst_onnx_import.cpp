// ONNX import: graphs in the forms exporters write (torch.onnx.export's Flatten + Gemm, tf2onnx's Reshape + MatMul
// + Add, normalisation in front, Softmax / LogSoftmax / no head, raw_data and float_data) become models whose
// predictions equal the graph's maths; graphs outside the subset and malformed files are refused, naming the
// node and operator or the file.
#include <QtTest>

#include <cmath>
#include <functional>

#include <onnx/onnx_pb.h>

#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"
#include "mlpw/io/onnx_import.h"

namespace {

using namespace mlpw;
using Row = std::vector<double>;

constexpr int kSide = 2, kFeatures = kSide * kSide, kHidden = 3, kClasses = 2;
constexpr char kOrigin[] = "test.onnx";

// Builds an ONNX graph node by node and, beside it, the maths each node does on one row (the reference).
class GraphBuilder {
public:
    explicit GraphBuilder(std::vector<int64_t> input_dims = {kSide, kSide}, bool raw = true) : m_raw(raw) {
        m_model.set_ir_version(8);
        m_model.add_opset_import()->set_version(13);
        auto& input = *m_model.mutable_graph()->add_input();
        input.set_name(m_current);
        auto& type = *input.mutable_type()->mutable_tensor_type();
        type.set_elem_type(onnx::TensorProto::FLOAT);
        type.mutable_shape()->add_dim()->set_dim_param("N");
        for (int64_t d : input_dims) type.mutable_shape()->add_dim()->set_dim_value(d);
    }

    onnx::NodeProto& node(const std::string& op, std::vector<std::string> constants = {},
                          std::function<void(Row&)> maths = {}) {
        auto& n = *m_model.mutable_graph()->add_node();
        n.set_op_type(op);
        n.set_name(op + "_" + std::to_string(m_model.graph().node_size()));
        n.add_input(m_current);
        for (const auto& c : constants) n.add_input(c);
        m_current = n.name() + "_out";
        n.add_output(m_current);
        if (maths) m_maths.push_back(std::move(maths));
        return n;
    }
    std::string floats(const std::vector<int64_t>& dims, const std::vector<float>& values) {
        auto& t = *m_model.mutable_graph()->add_initializer();
        t.set_name("c" + std::to_string(m_model.graph().initializer_size()));
        t.set_data_type(onnx::TensorProto::FLOAT);
        for (int64_t d : dims) t.add_dims(d);
        if (m_raw) t.set_raw_data(values.data(), values.size() * sizeof(float));
        else
            for (float v : values) t.add_float_data(v);
        return t.name();
    }
    // A scalar as a Constant node (torch.onnx.export's form for Python numbers).
    std::string constant_node(float value) {
        auto& n = *m_model.mutable_graph()->add_node();
        n.set_op_type("Constant");
        n.add_output("k" + std::to_string(m_model.graph().node_size()));
        auto& a = *n.add_attribute();
        a.set_name("value");
        a.set_type(onnx::AttributeProto::TENSOR);
        a.mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
        a.mutable_t()->add_float_data(value);
        return n.output(0);
    }
    std::string ints(const std::vector<int64_t>& values) {
        auto& t = *m_model.mutable_graph()->add_initializer();
        t.set_name("i" + std::to_string(m_model.graph().initializer_size()));
        t.set_data_type(onnx::TensorProto::INT64);
        t.add_dims(static_cast<int64_t>(values.size()));
        for (int64_t v : values) t.add_int64_data(v);
        return t.name();
    }

    // Dense layers: torch's Gemm(transB=1) with W {units, in}, or tf2onnx's MatMul by W^T {in, units} + Add.
    void gemm(int in, int units, int seed, bool trans_b = true, float alpha = 1.0f, float beta = 1.0f) {
        const auto [w, b] = weights(in, units, seed);  // w {units, in}
        std::vector<float> stored = trans_b ? w : transposed(w, units, in);
        auto& n = node("Gemm",
                       {floats(trans_b ? std::vector<int64_t>{units, in} : std::vector<int64_t>{in, units}, stored),
                        floats({units}, b)},
                       dense_maths(w, b, in, units, alpha, beta));
        set_attribute(n, "transB", int64_t(trans_b ? 1 : 0));
        if (alpha != 1.0f) set_attribute(n, "alpha", alpha);
        if (beta != 1.0f) set_attribute(n, "beta", beta);
    }
    void matmul_add(int in, int units, int seed) {
        const auto [w, b] = weights(in, units, seed);
        node("MatMul", {floats({in, units}, transposed(w, units, in))}, dense_maths(w, b, in, units, 1.0, 0.0));
        node("Add", {floats({units}, b)}, [b = b](Row& x) {
            for (size_t i = 0; i < x.size(); ++i) x[i] += b[i];
        });
    }
    void elementwise(const std::string& op, std::function<double(double)> f) {
        node(op, {}, [f](Row& x) {
            for (double& v : x) v = f(v);
        });
    }
    void batch_norm(int features) {
        std::vector<float> gamma, beta, mean, var;
        for (int i = 0; i < features; ++i) {
            gamma.push_back(0.5f + 0.25f * i), beta.push_back(0.1f * i - 0.1f);
            mean.push_back(0.05f * i), var.push_back(0.5f + 0.5f * i);
        }
        auto& n = node(
            "BatchNormalization",
            {floats({features}, gamma), floats({features}, beta), floats({features}, mean), floats({features}, var)},
            [=](Row& x) {
                for (size_t i = 0; i < x.size(); ++i)
                    x[i] = gamma[i] * (x[i] - mean[i]) / std::sqrt(var[i] + 1e-3) + beta[i];
            });
        set_attribute(n, "epsilon", 1e-3f);
    }
    void head(const std::string& op) { set_attribute(node(op), "axis", int64_t(-1)); }

    std::string finish() {
        m_model.mutable_graph()->add_output()->set_name(m_current);
        std::string bytes;
        m_model.SerializeToString(&bytes);
        return bytes;
    }
    onnx::ModelProto& model() { return m_model; }

    // The graph's class probabilities for input u {features} (softmax of the last node's values).
    Row probabilities(Row x) const {
        for (const auto& f : m_maths) f(x);
        double max = *std::max_element(x.begin(), x.end()), sum = 0.0;
        for (double& v : x) sum += (v = std::exp(v - max));
        for (double& v : x) v /= sum;
        return x;
    }

    static void set_attribute(onnx::NodeProto& n, const char* name, int64_t value) {
        auto& a = *n.add_attribute();
        a.set_name(name), a.set_type(onnx::AttributeProto::INT), a.set_i(value);
    }
    static void set_attribute(onnx::NodeProto& n, const char* name, float value) {
        auto& a = *n.add_attribute();
        a.set_name(name), a.set_type(onnx::AttributeProto::FLOAT), a.set_f(value);
    }

private:
    static std::pair<std::vector<float>, std::vector<float>> weights(int in, int units, int seed) {
        std::vector<float> w, b;
        for (int i = 0; i < units * in; ++i) w.push_back(std::sin(1.7f * (i + 1) + seed) * 0.8f);
        for (int u = 0; u < units; ++u) b.push_back(0.1f * (u + 1) - 0.15f * seed);
        return {w, b};
    }
    static std::vector<float> transposed(const std::vector<float>& w, int rows, int cols) {
        std::vector<float> t(w.size());
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) t[c * rows + r] = w[r * cols + c];
        return t;
    }
    static std::function<void(Row&)> dense_maths(std::vector<float> w, std::vector<float> b, int in, int units,
                                                 double alpha, double beta) {
        return [=](Row& x) {
            Row y(units);
            for (int u = 0; u < units; ++u) {
                y[u] = beta * b[u];
                for (int i = 0; i < in; ++i) y[u] += alpha * w[u * in + i] * x[i];
            }
            x = y;
        };
    }

    onnx::ModelProto m_model;
    std::string m_current = "image";
    bool m_raw;
    std::vector<std::function<void(Row&)>> m_maths;
};

// The imported model's probabilities for `pixels` {features} (0..255), through its own normalisation.
Row workbench_probabilities(const ModelFile& model, const std::vector<uint8_t>& pixels) {
    ImageSet set;
    set.pixels = pixels;
    set.labels = {0};
    set.count = 1, set.rows = model.image_rows, set.cols = model.image_cols;
    Network net = make_network(model, 1);
    const BatchAssembler assembler(model.experiment.data.normalization, model.normalization_mean,
                                   model.normalization_stddev);
    const uint32_t index = 0;
    assembler.gather(set, &index, 1, net.input());
    const float* p = net.forward(1, Pass::inference);
    return Row(p, p + net.num_classes());
}

using Build = std::function<void(GraphBuilder&)>;
const std::vector<uint8_t> kPixels{0, 64, 200, 255};

}  // namespace

class TestOnnxImport : public QObject {
    Q_OBJECT
private slots:
    void exporterForms_data() {
        QTest::addColumn<Build>("build");
        QTest::addColumn<bool>("rawData");
        QTest::addColumn<bool>("pixelInput");  // the graph takes raw 0..255 pixels (--input-range 0-255)
        QTest::addColumn<QString>("normalization");
        QTest::addColumn<int>("layers");  // of the imported model (flatten included)
        const auto relu = [](double v) { return std::max(v, 0.0); };
        QTest::newRow("torch: Flatten, Gemm transB=1, Relu, Softmax") << Build([=](GraphBuilder& g) {
            g.node("Flatten"), g.gemm(kFeatures, kHidden, 1), g.elementwise("Relu", relu);
            g.gemm(kHidden, kClasses, 2), g.head("Softmax");
        }) << true << false << "scale" << 3;
        QTest::newRow("torch with Sub/Div normalisation as Constant nodes") << Build([=](GraphBuilder& g) {
            g.node("Sub", {g.constant_node(0.1307f)}, [](Row& x) {
                for (double& v : x) v -= double(0.1307f);
            });
            g.node("Div", {g.constant_node(0.3081f)}, [](Row& x) {
                for (double& v : x) v /= double(0.3081f);
            });
            g.node("Flatten"), g.gemm(kFeatures, kClasses, 3), g.head("Softmax");
        }) << true << false << "standardize" << 2;
        QTest::newRow("tf2onnx: Reshape, MatMul + Add, float_data, LogSoftmax") << Build([=](GraphBuilder& g) {
            g.node("Reshape", {g.ints({-1, kFeatures})});
            g.matmul_add(kFeatures, kHidden, 4), g.elementwise("Tanh", [](double v) { return std::tanh(v); });
            g.matmul_add(kHidden, kClasses, 5), g.head("LogSoftmax");
        }) << false << false << "scale" << 3;
        QTest::newRow("Gemm alpha/beta, transB=0, logits without a head")
            << Build([=](GraphBuilder& g) { g.node("Flatten"), g.gemm(kFeatures, kClasses, 6, false, 0.5f, 2.0f); })
            << true << false << "scale" << 2;
        QTest::newRow("raw pixels divided by 255 in the graph, BatchNormalization, LeakyRelu, Elu, Sigmoid, Dropout")
            << Build([=](GraphBuilder& g) {
                   g.node("Div", {g.floats({}, {255.0f})}, [](Row& x) {
                       for (double& v : x) v /= 255.0;
                   });
                   g.node("Flatten"), g.gemm(kFeatures, kHidden, 7), g.batch_norm(kHidden);
                   GraphBuilder::set_attribute(g.node("LeakyRelu", {},
                                                      [](Row& x) {
                                                          for (double& v : x) v = v < 0 ? 0.1f * v : v;
                                                      }),
                                               "alpha", 0.1f);
                   g.gemm(kHidden, kHidden, 8),
                       g.elementwise("Elu", [](double v) { return v < 0 ? std::expm1(v) : v; });
                   g.node("Dropout"), g.gemm(kHidden, kHidden, 9);
                   g.elementwise("Sigmoid", [](double v) { return 1.0 / (1.0 + std::exp(-v)); });
                   g.gemm(kHidden, kClasses, 10), g.head("Softmax");
               })
            << true << true << "scale" << 7;
    }
    void exporterForms() {
        QFETCH(Build, build);
        QFETCH(bool, rawData);
        QFETCH(bool, pixelInput);
        QFETCH(QString, normalization);
        QFETCH(int, layers);
        GraphBuilder graph({kSide, kSide}, rawData);
        build(graph);
        OnnxImportOptions options;
        options.input_range = pixelInput ? OnnxInputRange::pixels : OnnxInputRange::unit;
        const ModelFile model = import_onnx_bytes(graph.finish(), kOrigin, options);
        QCOMPARE(QString::fromStdString(to_string(model.experiment.data.normalization)), normalization);
        QCOMPARE(int(model.experiment.model.layers.size()), layers);
        QCOMPARE(model.image_rows, kSide);
        QCOMPARE(model.class_names, (std::vector<std::string>{"0", "1"}));

        Row input;  // what the graph takes
        for (uint8_t p : kPixels) input.push_back(pixelInput ? p : p / 255.0);
        const Row expected = graph.probabilities(input);
        const Row got = workbench_probabilities(model, kPixels);
        for (int c = 0; c < kClasses; ++c)
            QVERIFY2(std::fabs(got[c] - expected[c]) < 1e-5, qPrintable(QString::number(c)));
    }

    void inputShapes_data() {
        QTest::addColumn<std::vector<int64_t>>("dims");
        QTest::addColumn<int>("rows");
        QTest::newRow("{N, 784}: square") << std::vector<int64_t>{784} << 28;
        QTest::newRow("{N, 1, 28, 28}: one channel") << std::vector<int64_t>{1, 28, 28} << 28;
        QTest::newRow("{N, 10}: one row") << std::vector<int64_t>{10} << 1;
    }
    void inputShapes() {
        QFETCH(std::vector<int64_t>, dims);
        QFETCH(int, rows);
        GraphBuilder graph(dims);
        int features = 1;
        for (int64_t d : dims) features *= int(d);
        if (dims.size() > 1) graph.node("Flatten");
        graph.gemm(features, kClasses, 1);
        const ModelFile model = import_onnx_bytes(graph.finish(), kOrigin);
        QCOMPARE(model.image_rows, rows);
        QCOMPARE(model.image_rows * model.image_cols, features);
    }

    void refused_data() {
        QTest::addColumn<Build>("build");
        QTest::addColumn<QString>("message");
        QTest::newRow("Conv") << Build([](GraphBuilder& g) {
            g.node("Conv", {g.floats({1, 1, 1, 1}, {1.0f})});
        }) << "node 'Conv_1' (Conv): operator not in the importable subset";
        QTest::newRow("not a chain") << Build([](GraphBuilder& g) {
            g.node("Flatten");
            g.node("Relu").add_input("image");
        }) << "node 'Relu_2' (Relu): input 'image' must be a constant";
        QTest::newRow("per-pixel mean") << Build([](GraphBuilder& g) {
            g.node("Sub", {g.floats({kSide, kSide}, {0.1f, 0.2f, 0.3f, 0.4f})});
        }) << "node 'Sub_1' (Sub): the normalisation must use one scalar (got 4 values)";
        QTest::newRow("transA") << Build([](GraphBuilder& g) {
            g.node("Flatten"), g.gemm(kFeatures, kClasses, 1);
            GraphBuilder::set_attribute(*g.model().mutable_graph()->mutable_node(1), "transA", int64_t(1));
        }) << "node 'Gemm_2' (Gemm): transA must be 0";
        QTest::newRow("wrong inputs") << Build([](GraphBuilder& g) {
            g.node("Flatten"), g.gemm(kFeatures + 1, kClasses, 1);
        }) << "node 'Gemm_2' (Gemm): the weight takes 5 inputs but the previous layer gives 4";
        QTest::newRow("not flattened") << Build([](GraphBuilder& g) { g.gemm(kFeatures, kClasses, 1); })
                                       << "node 'Gemm_1' (Gemm): the input must be flattened";
        QTest::newRow("after the head") << Build([](GraphBuilder& g) {
            g.node("Flatten"), g.gemm(kFeatures, kClasses, 1), g.head("Softmax"), g.node("Relu");
        }) << "node 'Relu_4' (Relu): nodes after the Softmax head";
        QTest::newRow("training BatchNormalization") << Build([](GraphBuilder& g) {
            g.node("Flatten"), g.batch_norm(kFeatures);
            GraphBuilder::set_attribute(*g.model().mutable_graph()->mutable_node(1), "training_mode", int64_t(1));
        }) << "(BatchNormalization): only the inference form";
        QTest::newRow("other reshape") << Build([](GraphBuilder& g) {
            g.node("Reshape", {g.ints({-1, 2, 2})});
        }) << "node 'Reshape_1' (Reshape): only a reshape to {-1, 4}";
        QTest::newRow("external data") << Build([](GraphBuilder& g) {
            g.node("Flatten"), g.gemm(kFeatures, kClasses, 1);
            g.model().mutable_graph()->mutable_initializer(0)->set_data_location(onnx::TensorProto::EXTERNAL);
        }) << "the tensor's data is in an external file";
        QTest::newRow("no dense layer") << Build([](GraphBuilder& g) { g.node("Flatten"), g.head("Softmax"); })
                                        << "test.onnx: the graph has no Gemm or MatMul";
        QTest::newRow("wrong raw_data size") << Build([](GraphBuilder& g) {
            g.node("Flatten"), g.gemm(kFeatures, kClasses, 1);
            g.model().mutable_graph()->mutable_initializer(0)->mutable_raw_data()->resize(3);
        }) << "raw_data holds 3 bytes, expected 32";
        QTest::newRow("Sub without operand (fuzz)")
            << Build([](GraphBuilder& g) { g.node("Sub"); })
            << "node 'Sub_1' (Sub): expected 1 constant input(s) besides the data, got 0";
        QTest::newRow("integer weights") << Build([](GraphBuilder& g) {
            g.node("Flatten"), g.gemm(kFeatures, kClasses, 1);
            g.model().mutable_graph()->mutable_initializer(0)->set_data_type(onnx::TensorProto::INT32);
        }) << "expected a float tensor, got data type 6";
    }
    void refused() {
        QFETCH(Build, build);
        QFETCH(QString, message);
        GraphBuilder graph;
        build(graph);
        try {
            import_onnx_bytes(graph.finish(), kOrigin);
            QFAIL("accepted");
        } catch (const ModelFileError& e) {
            QVERIFY2(QString(e.what()).startsWith("test.onnx: "), e.what());
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }

    void malformedFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("text") << QByteArray("this is not protobuf\xff\xff") << "test.onnx: not an ONNX model";
        QTest::newRow("empty") << QByteArray() << "test.onnx: not an ONNX model (it has no graph nodes)";
        GraphBuilder graph;
        graph.node("Flatten"), graph.gemm(kFeatures, kClasses, 1);
        const std::string bytes = graph.finish();
        QTest::newRow("truncated") << QByteArray(bytes.data(), int(bytes.size()) / 2) << "test.onnx: not an ONNX model";
    }
    void malformedFiles() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        try {
            import_onnx_bytes(bytes.toStdString(), kOrigin);
            QFAIL("accepted");
        } catch (const ModelFileError& e) {
            QVERIFY2(QString(e.what()).startsWith(message), e.what());
        }
    }

    void missingFile() {
        try {
            import_onnx("/nonexistent/model.onnx");
            QFAIL("accepted");
        } catch (const ModelFileError& e) {
            QCOMPARE(QString(e.what()), QString("/nonexistent/model.onnx: cannot open the ONNX file"));
        }
    }
};

QTEST_GUILESS_MAIN(TestOnnxImport)
#include "tst_onnx_import.moc"
