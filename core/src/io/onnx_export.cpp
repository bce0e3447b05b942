// ONNX export (see onnx_export.h): one graph node per runtime operation of the network, in layer order.
#include "mlpw/io/onnx_export.h"

#include <cmath>
#include <map>

#include <onnx/onnx_pb.h>
#include <nlohmann/json.hpp>

#include "io/onnx_detail.h"
#include "mlpw/errors.h"
#include "mlpw/io/atomic_file.h"

namespace mlpw {
namespace {

using namespace onnx_detail;

// Builds the graph node by node; each node reads the previous node's output (the data path is a chain).
class GraphWriter {
public:
    explicit GraphWriter(onnx::GraphProto& graph) : m_graph(graph), m_current(kInputName) {}

    // Adds `op` reading the current tensor and `constants`; its output becomes the current tensor.
    onnx::NodeProto& add(const std::string& op, const std::string& name,
                         const std::vector<std::string>& constants = {}) {
        onnx::NodeProto& node = *m_graph.add_node();
        node.set_op_type(op);
        node.set_name(name);
        node.add_input(m_current);
        for (const auto& c : constants) node.add_input(c);
        m_current = name + "/output";
        node.add_output(m_current);
        return node;
    }

    // An initializer {shape} of `values`; returns its name.
    std::string constant(const std::string& name, const std::vector<int64_t>& shape, const std::vector<float>& values) {
        onnx::TensorProto& t = *m_graph.add_initializer();
        t.set_name(name);
        t.set_data_type(onnx::TensorProto::FLOAT);
        for (int64_t d : shape) t.add_dims(d);
        t.set_raw_data(values.data(), values.size() * sizeof(float));  // little-endian, as ONNX requires
        return name;
    }
    std::string scalar(const std::string& name, float value) { return constant(name, {}, {value}); }

    // The last node's output becomes the graph's output name.
    void rename_last_output(const std::string& name) {
        m_graph.mutable_node(m_graph.node_size() - 1)->set_output(0, name);
        m_current = name;
    }

private:
    onnx::GraphProto& m_graph;
    std::string m_current;
};

void set_float(onnx::NodeProto& node, const char* name, float value) {
    onnx::AttributeProto& a = *node.add_attribute();
    a.set_name(name);
    a.set_type(onnx::AttributeProto::FLOAT);
    a.set_f(value);
}
void set_int(onnx::NodeProto& node, const char* name, int64_t value) {
    onnx::AttributeProto& a = *node.add_attribute();
    a.set_name(name);
    a.set_type(onnx::AttributeProto::INT);
    a.set_i(value);
}

// A float tensor {batch, dims...} with a named dynamic batch.
void describe_tensor(onnx::ValueInfoProto& value, const std::string& name, const std::vector<int64_t>& dims) {
    value.set_name(name);
    onnx::TypeProto_Tensor& type = *value.mutable_type()->mutable_tensor_type();
    type.set_elem_type(onnx::TensorProto::FLOAT);
    type.mutable_shape()->add_dim()->set_dim_param(kBatchDim);
    for (int64_t d : dims) type.mutable_shape()->add_dim()->set_dim_value(d);
}

void add_metadata(onnx::ModelProto& proto, const std::string& key, const std::string& value) {
    onnx::StringStringEntryProto& entry = *proto.add_metadata_props();
    entry.set_key(key);
    entry.set_value(value);
}

// JSON text; bytes that are not UTF-8 (a name read from a foreign file) become U+FFFD instead of an exception.
std::string json_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const NamedTensor& tensor(const std::map<std::string, const NamedTensor*>& weights, const std::string& name) {
    const auto found = weights.find(name);
    if (found == weights.end()) throw ModelFileError("weights: tensor " + name + " is missing");
    return *found->second;
}

std::vector<int64_t> dims_of(const NamedTensor& t) { return {t.shape.begin(), t.shape.end()}; }

// The activation `fn` of the layer `name` as a node (nothing for linear).
void add_activation(GraphWriter& graph, ActivationFn fn, const LayerSpec& layer, const std::string& name) {
    switch (fn) {
        case ActivationFn::linear: return;
        case ActivationFn::relu: graph.add("Relu", name); return;
        case ActivationFn::sigmoid: graph.add("Sigmoid", name); return;
        case ActivationFn::tanh: graph.add("Tanh", name); return;
        case ActivationFn::elu: set_float(graph.add("Elu", name), "alpha", layer.elu_alpha); return;
        case ActivationFn::leaky_relu: set_float(graph.add("LeakyRelu", name), "alpha", layer.negative_slope); return;
        case ActivationFn::softmax: set_int(graph.add("Softmax", name), "axis", kSoftmaxAxis); return;
    }
    throw ModelFileError("layer " + name + ": activation " + to_string(fn) + " has no ONNX operator");
}

// Feature = u * scale + offset of the input u = pixel / 255, as BatchAssembler computes it from the pixel.
void add_normalization(GraphWriter& graph, const ModelFile& model) {
    switch (model.experiment.data.normalization) {
        case Normalization::scale: return;  // the input is already pixel / 255
        case Normalization::none:
            graph.add("Mul", "normalization/to_pixels", {graph.scalar("normalization/255", 255.0f)});
            return;
        case Normalization::standardize: {
            graph.add("Sub", "normalization/subtract_mean",
                      {graph.scalar("normalization/mean", model.normalization_mean)});
            const float sd = model.normalization_stddev;
            if (std::isfinite(sd) && sd > 0.0f)  // a stddev of 0 only centres (BatchAssembler)
                graph.add("Div", "normalization/divide_by_stddev", {graph.scalar("normalization/stddev", sd)});
            return;
        }
    }
}

std::string normalization_text(const ModelFile& model) {
    switch (model.experiment.data.normalization) {
        case Normalization::scale: return "scale: the input is pixel / 255; no node";
        case Normalization::none: return "none: the network takes raw pixels; node Mul(255) after Flatten";
        case Normalization::standardize:
            return "standardize: (pixel / 255 - mean) / stddev with the training images' mean and stddev; nodes "
                   "Sub(mean) and Div(stddev) after Flatten";
    }
    return "";
}

void add_layers(GraphWriter& graph, const ModelFile& model) {
    std::map<std::string, const NamedTensor*> weights;
    for (const auto& t : model.weights) weights[t.name] = &t;
    const auto& layers = model.experiment.model.layers;
    const auto names = layer_names(model.experiment.model);
    for (size_t i = 0; i < layers.size(); ++i) {
        const LayerSpec& l = layers[i];
        const std::string& name = names[i];
        switch (l.type) {
            case LayerType::flatten:         // the input is flattened once, before the normalisation
            case LayerType::dropout: break;  // identity at inference
            case LayerType::dense: {
                // {N, units} = {N, in} x kernel{units, in}^T + bias{units}
                const NamedTensor& kernel = tensor(weights, name + "/kernel");
                std::vector<std::string> inputs{graph.constant(kernel.name, dims_of(kernel), kernel.values)};
                if (l.use_bias) {
                    const NamedTensor& bias = tensor(weights, name + "/bias");
                    inputs.push_back(graph.constant(bias.name, dims_of(bias), bias.values));
                }
                set_int(graph.add("Gemm", name, inputs), "transB", 1);
                add_activation(graph, l.activation, l, name + "/" + to_string(l.activation));
                break;
            }
            case LayerType::activation: add_activation(graph, l.activation, l, name); break;
            case LayerType::leaky_relu: add_activation(graph, ActivationFn::leaky_relu, l, name); break;
            case LayerType::batch_normalization: {
                std::vector<std::string> inputs;
                for (const char* part : {"/gamma", "/beta", "/moving_mean", "/moving_variance"}) {
                    const NamedTensor& t = tensor(weights, name + part);
                    inputs.push_back(graph.constant(t.name, dims_of(t), t.values));
                }
                set_float(graph.add("BatchNormalization", name, inputs), "epsilon", l.epsilon);
                break;
            }
            default:
                throw ModelFileError("layer " + name + " (" + to_string(l.type) +
                                     "): no ONNX form for this layer type");
        }
    }
}

}  // namespace

std::string onnx_model_bytes(const ModelFile& model) {
    make_network(model, 1);  // throws ModelFileError when the spec and the weights do not make a network

    onnx::ModelProto proto;
    proto.set_ir_version(kIrVersion);
    proto.set_producer_name("MLP Workbench");
    proto.set_producer_version(MLPW_VERSION);
    proto.set_doc_string(model.experiment.description);
    onnx::OperatorSetIdProto& opset = *proto.add_opset_import();
    opset.set_domain("");
    opset.set_version(kOpsetVersion);

    onnx::GraphProto& graph = *proto.mutable_graph();
    graph.set_name(model.experiment.name.empty() ? model.experiment.model.name : model.experiment.name);
    describe_tensor(*graph.add_input(), kInputName, {model.image_rows, model.image_cols});
    describe_tensor(*graph.add_output(), kOutputName, {static_cast<int64_t>(model.class_names.size())});

    GraphWriter writer(graph);
    set_int(writer.add("Flatten", "flatten"), "axis", 1);  // {N, rows, cols} -> {N, rows * cols}
    add_normalization(writer, model);
    add_layers(writer, model);
    writer.rename_last_output(kOutputName);  // the last layer ends in the softmax (Network checks it)

    add_metadata(proto, kMetaInput,
                 std::string(kInputName) + " {N, " + std::to_string(model.image_rows) + ", " +
                     std::to_string(model.image_cols) + "}: pixel intensity / 255 (0..1); " + kOutputName + " {N, " +
                     std::to_string(model.class_names.size()) + "}: class probabilities");
    add_metadata(proto, kMetaInputRange, kRangeUnit);
    add_metadata(proto, kMetaNormalization, normalization_text(model));
    add_metadata(proto, kMetaMean, json_text(model.normalization_mean));
    add_metadata(proto, kMetaStddev, json_text(model.normalization_stddev));
    add_metadata(proto, kMetaClassNames, json_text(model.class_names));
    add_metadata(proto, kMetaExperiment, json_text(experiment_to_json(model.experiment)));

    std::string bytes;
    if (!proto.SerializeToString(&bytes)) throw ModelFileError("ONNX export: the model could not be serialised");
    return bytes;
}

void export_onnx(const ModelFile& model, const std::string& path) {
    const std::string bytes = onnx_model_bytes(model);
    if (const std::error_code error = write_file_atomically(path, {bytes}))
        throw ModelFileError(path + ": cannot write the ONNX file: " + error.message());
}

}  // namespace mlpw
