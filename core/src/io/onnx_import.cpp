// ONNX import (see onnx_import.h): the graph's nodes are read in order as one chain, each node reading the
// previous node's output and constants; every node becomes part of a Keras-style layer list.
#include "mlpw/io/onnx_import.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <onnx/onnx_pb.h>
#include <nlohmann/json.hpp>

#include "io/onnx_detail.h"
#include "io/onnx_tensor.h"
#include "mlpw/errors.h"
#include "mlpw/report/summary.h"

namespace mlpw {
namespace {

using namespace onnx_detail;

constexpr char kSubset[] =
    "the importable operators are Flatten, Reshape, Sub, Div, Mul, Add, Gemm, MatMul, Relu, Sigmoid, Tanh, LeakyRelu, "
    "Elu, BatchNormalization, Dropout, Identity, Softmax, LogSoftmax and Constant";
constexpr int kCheckRows = 4;
constexpr int64_t kMaxFeatures = int64_t(1)
    << 24;  // inputs per image: far beyond any MLP's  // rows compared when deciding whether the metadata's model is the graph's

// feature = u * scale + offset of the graph input u: the scalar Sub/Div/Mul/Add in front of the first layer.
struct Affine {
    double scale = 1.0, offset = 0.0;
};

const onnx::AttributeProto* attribute(const onnx::NodeProto& node, const std::string& name) {
    for (const auto& a : node.attribute())
        if (a.name() == name) return &a;
    return nullptr;
}
int64_t int_attribute(const onnx::NodeProto& node, const std::string& name, int64_t fallback) {
    const auto* a = attribute(node, name);
    return a ? a->i() : fallback;
}
float float_attribute(const onnx::NodeProto& node, const std::string& name, float fallback) {
    const auto* a = attribute(node, name);
    return a ? a->f() : fallback;
}

std::string metadata(const onnx::ModelProto& proto, const std::string& key) {
    for (const auto& entry : proto.metadata_props())
        if (entry.key() == key) return entry.value();
    return "";
}

class GraphReader {
public:
    GraphReader(const onnx::ModelProto& proto, std::string origin) : m_proto(proto), m_origin(std::move(origin)) {}

    ModelFile read(const OnnxImportOptions& options) {
        const onnx::GraphProto& graph = m_proto.graph();
        for (const auto& t : graph.initializer()) m_constants[t.name()] = &t;
        read_input(graph);
        for (int i = 0; i < graph.node_size(); ++i) read_node(graph.node(i), i);
        if (graph.output_size() != 1 || graph.output(0).name() != m_current)
            throw ModelFileError(m_origin + ": the graph's output must be the output of its last node (" + m_current +
                                 ")");
        finish_head();
        return model_file(options);
    }

private:
    [[noreturn]] void refuse(const onnx::NodeProto& node, const std::string& why) const {
        throw ModelFileError(m_origin + ": node '" + m_node_name + "' (" + node.op_type() + "): " + why);
    }

    void read_input(const onnx::GraphProto& graph) {
        const onnx::ValueInfoProto* input = nullptr;
        for (const auto& value : graph.input()) {
            if (m_constants.count(value.name())) continue;  // IR < 4 lists the initializers as inputs too
            if (input)
                throw ModelFileError(m_origin + ": the graph has more than one input (" + input->name() + ", " +
                                     value.name() + "); an MLP has one");
            input = &value;
        }
        if (!input) throw ModelFileError(m_origin + ": the graph has no input");
        const std::string where = m_origin + ": input '" + input->name() + "'";
        if (!input->type().has_tensor_type() || input->type().tensor_type().elem_type() != onnx::TensorProto::FLOAT)
            throw ModelFileError(where + ": expected a float tensor");
        const auto& dims = input->type().tensor_type().shape().dim();
        std::vector<int64_t> sizes;  // after the batch dimension
        for (int i = 1; i < dims.size(); ++i) {
            if (!dims[i].has_dim_value() || dims[i].dim_value() <= 0 || dims[i].dim_value() > 1 << 20)
                throw ModelFileError(where + ": dimension " + std::to_string(i) + " must be a fixed positive size");
            sizes.push_back(dims[i].dim_value());
        }
        if (sizes.size() == 3 && sizes[0] == 1) sizes.erase(sizes.begin());  // {N, 1, rows, cols}: one channel
        if (sizes.size() == 2) {
            m_rows = static_cast<int>(sizes[0]);
            m_cols = static_cast<int>(sizes[1]);
        } else if (sizes.size() == 1) {
            // {N, features}: square images when features is a square, else one row.
            const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(sizes[0]))));
            m_rows = side * side == sizes[0] ? side : 1;
            m_cols = static_cast<int>(sizes[0]) / m_rows;
        } else {
            throw ModelFileError(where + ": expected the shape {N, rows, cols}, {N, 1, rows, cols} or {N, features}");
        }
        if (int64_t(m_rows) * m_cols > kMaxFeatures)
            throw ModelFileError(where + ": more than " + std::to_string(kMaxFeatures) + " input features");
        m_features = m_rows * m_cols;
        m_flat = sizes.size() == 1;
        m_current = input->name();
    }

    // The constant named `name` (initializer or Constant node), or nullptr.
    const onnx::TensorProto* constant(const std::string& name) const {
        const auto found = m_constants.find(name);
        return found == m_constants.end() ? nullptr : found->second;
    }

    // The node's constant inputs other than the data input `data_slot`; refuses when the data input is not the
    // previous node's output or another input is not a constant.
    // `required`: how many constant inputs the operator needs at least.
    std::vector<const onnx::TensorProto*> constants_of(const onnx::NodeProto& node, int data_slot,
                                                       size_t required = 0) const {
        std::vector<const onnx::TensorProto*> out;
        for (int i = 0; i < node.input_size(); ++i) {
            if (i == data_slot) continue;
            const auto* c = node.input(i).empty() ? nullptr : constant(node.input(i));
            if (!c && !node.input(i).empty())
                refuse(node, "input '" + node.input(i) + "' must be a constant (an initializer or a Constant node)");
            out.push_back(c);
        }
        if (out.size() < required)
            refuse(node,
                   "expected " + std::to_string(required) + " constant input(s) besides the data, got " +
                       std::to_string(out.size()));
        return out;
    }
    // The slot of the data input: the previous node's output.
    int data_slot(const onnx::NodeProto& node, bool commutative) const {
        if (node.input_size() > 0 && node.input(0) == m_current) return 0;
        if (commutative && node.input_size() > 1 && node.input(1) == m_current) return 1;
        refuse(node,
               "does not read the previous node's output '" + m_current +
                   "' as its data input; only a chain of nodes (an MLP) is accepted");
    }

    std::vector<float> values(const onnx::NodeProto& node, const onnx::TensorProto* t, const char* what) const {
        if (!t) refuse(node, std::string("the ") + what + " is missing");
        return float_values(
            *t, m_origin + ": node '" + m_node_name + "' (" + node.op_type() + "), " + what + " '" + t->name() + "'");
    }

    void read_node(const onnx::NodeProto& node, int index) {
        m_node_name = node.name();
        if (m_node_name.empty()) m_node_name = "number " + std::to_string(index + 1);  // unnamed: its position
        const std::string& op = node.op_type();
        if (!node.domain().empty() && node.domain() != "ai.onnx")
            refuse(node, "operator domain '" + node.domain() + "' is not ONNX's");
        if (op == "Constant") {
            const auto* value = attribute(node, "value");
            if (!value || !value->has_t() || node.output_size() != 1)
                refuse(node, "only a Constant with a tensor 'value' is accepted");
            m_constants[node.output(0)] = &value->t();
            return;
        }
        if (m_head) refuse(node, "nodes after the " + m_head_op + " head are not accepted");
        if (node.output_size() < 1) refuse(node, "has no output");
        if (op == "Flatten") read_flatten(node);
        else if (op == "Reshape") read_reshape(node);
        else if (op == "Sub" || op == "Div" || op == "Mul" || op == "Add") read_arithmetic(node);
        else if (op == "Gemm") read_gemm(node);
        else if (op == "MatMul") read_matmul(node);
        else if (op == "Relu") add_activation(node, ActivationFn::relu);
        else if (op == "Sigmoid") add_activation(node, ActivationFn::sigmoid);
        else if (op == "Tanh") add_activation(node, ActivationFn::tanh);
        else if (op == "LeakyRelu") add_activation(node, ActivationFn::leaky_relu);
        else if (op == "Elu") add_activation(node, ActivationFn::elu);
        else if (op == "BatchNormalization") read_batch_norm(node);
        else if (op == "Dropout" || op == "Identity") data_slot(node, false);  // inference: the identity
        else if (op == "Softmax" || op == "LogSoftmax") read_head(node);
        else refuse(node, std::string("operator not in the importable subset (") + kSubset + ")");
        m_current = node.output(0);
        m_last_op = op;
    }

    void read_flatten(const onnx::NodeProto& node) {
        constants_of(node, data_slot(node, false));
        if (int_attribute(node, "axis", 1) != 1) refuse(node, "only axis 1 is accepted ({N, ...} -> {N, features})");
        flatten();
    }
    void read_reshape(const onnx::NodeProto& node) {
        const auto shape_tensor = constants_of(node, data_slot(node, false));
        if (shape_tensor.size() != 1 || !shape_tensor[0]) refuse(node, "the shape must be a constant");
        const auto shape = integer_values(*shape_tensor[0], m_origin + ": node '" + m_node_name + "' (Reshape), shape");
        if (shape.size() != 2 || shape[0] > 0 || shape[1] != m_features)
            refuse(node,
                   "only a reshape to {-1, " + std::to_string(m_features) + "} (flattening the input) is accepted");
        flatten();
    }
    void flatten() {
        if (!m_flat && m_layers.empty()) {  // Keras' Flatten(input_shape=(rows, cols))
            LayerSpec flatten;
            flatten.type = LayerType::flatten;
            m_layers.push_back(flatten);
        }
        m_flat = true;
    }

    // A scalar normalisation in front of the first layer, or the bias of the MatMul just before.
    void read_arithmetic(const onnx::NodeProto& node) {
        const std::string& op = node.op_type();
        const int slot = data_slot(node, op == "Add" || op == "Mul");
        const auto c = constants_of(node, slot, 1);
        if (op == "Add" && m_last_op == "MatMul" && !m_layers.back().use_bias) return read_bias(node, c[0]);
        if (!m_layers.empty() && m_layers.back().type != LayerType::flatten)
            refuse(node,
                   "arithmetic is accepted only as a scalar normalisation in front of the first layer, or as the "
                   "bias Add after a MatMul");
        const auto v = values(node, c[0], "operand");
        if (v.size() != 1)
            refuse(node, "the normalisation must use one scalar (got " + std::to_string(v.size()) + " values)");
        const double x = v[0];
        if (op == "Sub") m_affine.offset -= x;
        else if (op == "Add") m_affine.offset += x;
        else if (op == "Mul") m_affine = {m_affine.scale * x, m_affine.offset * x};
        else {
            if (x == 0.0) refuse(node, "divides by zero");
            m_affine = {m_affine.scale / x, m_affine.offset / x};
        }
    }

    // A Dense layer from kernel {units, in} (kernel_rows_are_units) or {in, units}, scaled by alpha.
    void add_dense(const onnx::NodeProto& node, const std::vector<float>& b, const onnx::TensorProto& b_tensor,
                   bool rows_are_units, double alpha) {
        if (!m_flat) refuse(node, "the input must be flattened (Flatten or Reshape) before the first Dense layer");
        if (b_tensor.dims_size() != 2) refuse(node, "the weight must be a matrix");
        const int64_t r = b_tensor.dims(0), c = b_tensor.dims(1);
        const int64_t units = rows_are_units ? r : c, in = rows_are_units ? c : r;
        if (in != m_features)
            refuse(node,
                   "the weight takes " + std::to_string(in) + " inputs but the previous layer gives " +
                       std::to_string(m_features));
        LayerSpec dense;
        dense.type = LayerType::dense;
        dense.units = static_cast<int>(units);
        dense.use_bias = false;
        std::vector<float> kernel(b.size());  // {units, in}
        for (int64_t u = 0; u < units; ++u)
            for (int64_t i = 0; i < in; ++i)
                kernel[u * in + i] = static_cast<float>(alpha * b[rows_are_units ? u * in + i : i * units + u]);
        m_layers.push_back(dense);
        m_tensors.push_back({{dense.units, static_cast<int>(in)}, std::move(kernel)});
        m_features = dense.units;
    }

    void read_bias(const onnx::NodeProto& node, const onnx::TensorProto* c, double beta = 1.0) {
        auto bias = values(node, c, "bias");
        if (bias.size() != static_cast<size_t>(m_features))
            refuse(
                node,
                "the bias has " + std::to_string(bias.size()) + " values for " + std::to_string(m_features) + " units");
        for (float& b : bias) b = static_cast<float>(beta * b);
        m_layers.back().use_bias = true;
        m_tensors.push_back({{m_features}, std::move(bias)});
    }

    void read_gemm(const onnx::NodeProto& node) {
        // Y {N, units} = alpha * A {N, in} x B' + beta * C, B' = B^T when transB (torch.onnx.export: {units, in})
        const auto c = constants_of(node, data_slot(node, false), 1);
        if (int_attribute(node, "transA", 0) != 0) refuse(node, "transA must be 0");
        const double alpha = float_attribute(node, "alpha", 1.0f), beta = float_attribute(node, "beta", 1.0f);
        add_dense(node, values(node, c[0], "weight"), *c[0], int_attribute(node, "transB", 0) != 0, alpha);
        if (c.size() > 1 && c[1]) read_bias(node, c[1], beta);
    }
    void read_matmul(const onnx::NodeProto& node) {
        // {N, units} = {N, in} x B {in, units} (tf2onnx), then an optional Add of the bias
        const auto c = constants_of(node, data_slot(node, false), 1);
        add_dense(node, values(node, c[0], "weight"), *c[0], false, 1.0);
    }

    void add_activation(const onnx::NodeProto& node, ActivationFn fn) {
        constants_of(node, data_slot(node, false));
        LayerSpec layer;
        layer.activation = fn;
        layer.negative_slope = float_attribute(node, "alpha", 0.01f);  // ONNX LeakyRelu's default
        layer.elu_alpha = float_attribute(node, "alpha", 1.0f);
        const bool fuse = !m_layers.empty() && m_layers.back().type == LayerType::dense &&
            m_layers.back().activation == ActivationFn::linear;
        if (fuse) {  // Dense(units, activation=...)
            m_layers.back().activation = fn;
            m_layers.back().negative_slope = layer.negative_slope;
            m_layers.back().elu_alpha = layer.elu_alpha;
            return;
        }
        layer.type = fn == ActivationFn::leaky_relu ? LayerType::leaky_relu : LayerType::activation;
        m_layers.push_back(layer);
    }

    void read_batch_norm(const onnx::NodeProto& node) {
        // {N, F} = scale * (x - mean) / sqrt(var + epsilon) + B, with the stored (moving) statistics
        const auto c = constants_of(node, data_slot(node, false));
        if (!m_flat) refuse(node, "the input must be flattened before BatchNormalization");
        if (int_attribute(node, "training_mode", 0) != 0)
            refuse(node, "only the inference form (training_mode 0) is accepted");
        if (int_attribute(node, "spatial", 1) != 1) refuse(node, "only spatial 1 is accepted");
        for (int i = 1; i < node.output_size(); ++i)
            if (!node.output(i).empty())
                refuse(node, "the training outputs (running mean and variance) are not accepted");
        if (c.size() != 4) refuse(node, "expected the inputs X, scale, B, input_mean and input_var");
        LayerSpec bn;
        bn.type = LayerType::batch_normalization;
        bn.epsilon = float_attribute(node, "epsilon", 1e-5f);
        bn.momentum = float_attribute(node, "momentum", 0.9f);
        const char* parts[] = {"scale", "B", "input_mean", "input_var"};
        for (int i = 0; i < 4; ++i) {
            auto v = values(node, c[i], parts[i]);
            if (v.size() != static_cast<size_t>(m_features))
                refuse(node,
                       std::string(parts[i]) + " has " + std::to_string(v.size()) + " values for " +
                           std::to_string(m_features) + " features");
            m_tensors.push_back({{m_features}, std::move(v)});
        }
        m_layers.push_back(bn);
    }

    void read_head(const onnx::NodeProto& node) {
        constants_of(node, data_slot(node, false));
        const int64_t axis = int_attribute(node, "axis", -1);
        if (!m_flat || (axis != -1 && axis != 1))
            refuse(node, "only a softmax over the classes ({N, classes}, axis -1 or 1) is accepted");
        m_head = true;
        m_head_op = node.op_type();
    }

    // The workbench's networks end in a softmax: on the last Dense layer, or as a layer of its own.
    void finish_head() {
        const bool has_dense = std::any_of(m_layers.begin(), m_layers.end(),
                                           [](const LayerSpec& l) { return l.type == LayerType::dense; });
        if (!has_dense) throw ModelFileError(m_origin + ": the graph has no Gemm or MatMul (no Dense layer)");
        LayerSpec& last = m_layers.back();
        if (last.type == LayerType::dense && last.activation == ActivationFn::linear) {
            last.activation = ActivationFn::softmax;
        } else {
            LayerSpec softmax;
            softmax.type = LayerType::activation;
            softmax.activation = ActivationFn::softmax;
            m_layers.push_back(softmax);
        }
    }

    // The layer list and tensors with Keras' names, in the order Network::state() lists them.
    std::pair<ModelSpec, ModelState> model_and_weights() const {
        ModelSpec spec;
        spec.layers = m_layers;
        const auto names = layer_names(spec);
        ModelState state;
        size_t next = 0;
        for (size_t i = 0; i < m_layers.size(); ++i) {
            std::vector<std::string> parts;
            if (m_layers[i].type == LayerType::dense) parts = {"/kernel"};
            if (m_layers[i].type == LayerType::dense && m_layers[i].use_bias) parts.push_back("/bias");
            if (m_layers[i].type == LayerType::batch_normalization)
                parts = {"/gamma", "/beta", "/moving_mean", "/moving_variance"};
            for (const auto& part : parts) {
                const auto& [shape, v] = m_tensors.at(next++);
                state.push_back({names[i] + part, shape, v});
            }
        }
        return {spec, state};
    }

    void set_normalization(ModelFile& model, OnnxInputRange range) const {
        // feature = (pixel / 255) * S + O
        const double s = m_affine.scale * (range == OnnxInputRange::pixels ? 255.0 : 1.0), o = m_affine.offset;
        auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-6 * std::fabs(b); };
        Normalization& n = model.experiment.data.normalization;
        if (o == 0.0 && near(s, 1.0)) n = Normalization::scale;
        else if (o == 0.0 && near(s, 255.0)) n = Normalization::none;
        else if (std::isfinite(s) && std::isfinite(o) && s > 0.0) {
            n = Normalization::standardize;  // (pixel / 255 - mean) / stddev
            model.normalization_stddev = static_cast<float>(1.0 / s);
            model.normalization_mean = static_cast<float>(-o / s);
        } else {
            throw ModelFileError(m_origin + ": the normalisation in front of the first layer scales by " +
                                 std::to_string(s) + "; expected a positive finite factor");
        }
    }

    ModelFile model_file(const OnnxImportOptions& options) const {
        ModelFile model;
        auto [spec, state] = model_and_weights();
        model.weights = std::move(state);
        model.image_rows = m_rows;
        model.image_cols = m_cols;
        const int classes = m_features;
        read_metadata(model, classes);
        OnnxInputRange range = options.input_range;
        if (range == OnnxInputRange::automatic)
            range = metadata(m_proto, kMetaInputRange) == kRangePixels ? OnnxInputRange::pixels : OnnxInputRange::unit;
        set_normalization(model, range);
        const std::string graph_name = m_proto.graph().name().empty() ? "onnx_model" : m_proto.graph().name();
        if (model.experiment.name.empty()) model.experiment.name = graph_name;
        if (model.experiment.description.empty())
            model.experiment.description = "Imported from ONNX (" + m_origin + ", written by " +
                m_proto.producer_name() + " " + m_proto.producer_version() + ")";
        model.written_by = "MLP Workbench " MLPW_VERSION " (ONNX import of a model by " + m_proto.producer_name() + ")";
        keep_metadata_model(model, spec);
        try {
            make_network(model, kCheckRows);
        } catch (const Error& e) {
            throw ModelFileError(m_origin + ": the imported layers do not make a workbench network: " + e.what());
        }
        return model;
    }

    // Class names and the experiment from the exporter's metadata (ours), else names "0", "1", ...
    void read_metadata(ModelFile& model, int classes) const {
        try {
            const auto names = nlohmann::json::parse(metadata(m_proto, kMetaClassNames));
            model.class_names = names.get<std::vector<std::string>>();
        } catch (const std::exception&) {
            model.class_names.clear();
        }
        if (model.class_names.size() != static_cast<size_t>(classes)) {
            model.class_names.clear();
            for (int i = 0; i < classes; ++i) model.class_names.push_back(std::to_string(i));
        }
        try {
            model.experiment = experiment_from_json(nlohmann::json::parse(metadata(m_proto, kMetaExperiment)));
        } catch (const std::exception&) {
            model.experiment = ExperimentSpec{};  // a foreign model: the defaults (MNIST, Adam...)
        }
    }

    // The metadata's model spec (names, dropout, initialisers, regularisers) when it computes what the graph
    // computes, else the layers read from the graph.
    void keep_metadata_model(ModelFile& model, const ModelSpec& imported) const {
        const ModelSpec candidate = model.experiment.model;
        model.experiment.model = imported;
        if (candidate.layers.empty()) return;
        size_t stored = 0;  // the candidate must have exactly the graph's parameters (and so never a huge network)
        for (const auto& t : model.weights) stored += t.values.size();
        const DataShape shape{model.image_rows * model.image_cols, static_cast<int>(model.class_names.size())};
        try {
            if (summarize(candidate, shape).total_params != static_cast<long long>(stored)) return;
            Network graph_net = make_network(model, kCheckRows);
            ModelFile with_candidate = model;
            with_candidate.experiment.model = candidate;
            Network candidate_net = make_network(with_candidate, kCheckRows);
            for (int i = 0; i < kCheckRows * graph_net.input_features(); ++i)
                graph_net.input()[i] = candidate_net.input()[i] = static_cast<float>((i * 37) % 101) / 50.0f - 1.0f;
            const float* a = graph_net.forward(kCheckRows, Pass::inference);
            const float* b = candidate_net.forward(kCheckRows, Pass::inference);
            for (int i = 0; i < kCheckRows * graph_net.num_classes(); ++i)
                if (std::fabs(a[i] - b[i]) > 1e-5f) return;
            model.experiment.model = candidate;
        } catch (const Error&) {}
    }

    const onnx::ModelProto& m_proto;
    std::string m_origin;
    std::map<std::string, const onnx::TensorProto*> m_constants;
    std::vector<LayerSpec> m_layers;
    std::vector<std::pair<std::vector<int>, std::vector<float>>> m_tensors;  // in state order, unnamed yet
    std::string m_current;    // the data path's tensor: the previous node's output
    std::string m_node_name;  // of the node being read, for messages
    std::string m_last_op, m_head_op;
    Affine m_affine;
    int m_rows = 0, m_cols = 0, m_features = 0;
    bool m_flat = false, m_head = false;
};

}  // namespace

ModelFile import_onnx_bytes(const std::string& bytes, const std::string& origin, const OnnxImportOptions& options) {
    onnx::ModelProto proto;
    if (!proto.ParseFromString(bytes))
        throw ModelFileError(origin + ": not an ONNX model (the file is not a valid ONNX protobuf message)");
    if (!proto.has_graph() || proto.graph().node_size() == 0)
        throw ModelFileError(origin + ": not an ONNX model (it has no graph nodes)");
    return GraphReader(proto, origin).read(options);
}

ModelFile import_onnx(const std::string& path, const OnnxImportOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ModelFileError(path + ": cannot open the ONNX file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw ModelFileError(path + ": cannot read the ONNX file");
    return import_onnx_bytes(bytes.str(), path, options);
}

}  // namespace mlpw
