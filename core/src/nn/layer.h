#pragma once
// Runtime layers of a Network (private to mlpw_core). Every layer maps src {rows, in} to dst {rows, out}
// and back, with buffers sized for `capacity` rows allocated once.
//
// A subclass provides:
//   out_features()               the width of dst
//   prepare(rows, pass)          build its primitives and argument maps for this batch size (never in the loop)
//   forward(rows, pass)          src -> dst
//   backward(rows)               diff_dst -> parameter gradients, and diff_src unless it is the first layer
//   parameters(), state(), set_state()   its trainable tensors and its plain-layout state (may be empty)
#include <omp.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <oneapi/dnnl/dnnl.hpp>

#include "mlpw/nn/network.h"

namespace mlpw::detail {

using dnnl_args = std::unordered_map<int, dnnl::memory>;

// A primitive with its arguments bound once. run() goes through the C API with a prepared argument array:
// the C++ execute(stream, unordered_map) builds a std::vector on every call, and the batch loop allocates nothing.
class BoundPrimitive {
public:
    BoundPrimitive() = default;
    BoundPrimitive(dnnl::primitive primitive, dnnl_args args)
        : m_primitive(std::move(primitive)), m_memories(std::move(args)) {
        for (const auto& [arg, memory] : m_memories) m_args.push_back({arg, memory.get()});
    }
    explicit operator bool() const { return static_cast<bool>(m_primitive); }
    // Throws mlpw::Error naming oneDNN's status ("could not execute a primitive: oneDNN status 1 (out of memory)").
    void run(const dnnl::stream& stream) const {
        const dnnl_status_t status =
            dnnl_primitive_execute(m_primitive.get(), stream.get(), static_cast<int>(m_args.size()), m_args.data());
        if (status != dnnl_success) throw_execute_error(status);
    }

private:
    [[noreturn]] static void throw_execute_error(dnnl_status_t status);

    dnnl::primitive m_primitive;
    dnnl_args m_memories;  // keeps the memory objects alive for m_args
    std::vector<dnnl_exec_arg_t> m_args;
};

struct Engine {
    dnnl::engine engine{dnnl::engine::kind::cpu, 0};
    dnnl::stream stream{engine};
};

// A float buffer of fixed size whose address never changes (oneDNN memories wrap it).
using Buffer = std::vector<float>;

class Layer {
public:
    Layer(Engine& engine, std::string name, int in_features, int capacity)
        : m_engine(&engine), m_name(std::move(name)), m_in(in_features), m_capacity(capacity) {}
    virtual ~Layer() = default;
    Layer(const Layer&) = delete;
    Layer& operator=(const Layer&) = delete;

    // src: the previous layer's dst (or the network input); diff_dst: the next layer's diff_src (or the head's
    // gradient). need_diff_src is false when no layer before it has parameters and the input gradient was not asked
    // for (the first layer, or a Dense after the input Dropout).
    void connect(const float* src, float* diff_dst, bool need_diff_src) {
        m_src = src;
        m_diff_dst = diff_dst;
        m_need_diff_src = need_diff_src;
    }

    const std::string& name() const { return m_name; }
    int in_features() const { return m_in; }
    virtual int out_features() const = 0;
    virtual float* dst() = 0;       // {capacity, out}
    virtual float* diff_src() = 0;  // {capacity, in}

    virtual void prepare(int rows, Pass pass) = 0;
    virtual void forward(int rows, Pass pass) = 0;
    virtual void backward(int rows) = 0;

    virtual void collect_parameters(std::vector<ParamTensor>&) {}
    virtual void append_state(ModelState&) const {}
    // Reads this layer's tensors from `state` starting at `pos`, advancing it; throws ModelFileError.
    virtual void read_state(const ModelState&, size_t&) {}
    virtual void set_training_step(uint64_t) {}
    // Projects the weights back into the layer's constraint (Keras kernel_constraint) after an update.
    virtual void apply_constraint() {}
    virtual bool has_constraint() const { return false; }
    virtual std::string describe() const = 0;
    // Whether its results are bit-identical for any OpenMP thread count (see Network::thread_count_invariant).
    virtual bool thread_count_invariant() const { return true; }

protected:
    dnnl::memory::desc rows_desc(int rows, int features) const {
        return {{rows, features}, dnnl::memory::data_type::f32, dnnl::memory::format_tag::nc};
    }
    dnnl::memory wrap(int rows, int features, const float* data) const {
        return {rows_desc(rows, features), m_engine->engine, const_cast<float*>(data)};
    }
    // Plans are per batch size, pass and OpenMP thread count: oneDNN fixes a primitive's thread count when it is
    // created (its parallel regions ask for num_threads(n) explicitly), so the thread tuner's candidates each get
    // their own primitives.
    static int plan_key(int rows, Pass pass) {
        return (rows * 2 + (pass == Pass::training ? 1 : 0)) * 256 + std::min(omp_get_max_threads(), 255);
    }

    Engine* m_engine;
    std::string m_name;
    int m_in;
    int m_capacity;
    const float* m_src = nullptr;
    float* m_diff_dst = nullptr;
    bool m_need_diff_src = true;
};

// A layer whose output has the shape of its input: activation, dropout, batch normalisation.
class SameShapeLayer : public Layer {
public:
    SameShapeLayer(Engine& engine, std::string name, int features, int capacity)
        : Layer(engine, std::move(name), features, capacity), m_dst(static_cast<size_t>(capacity) * features),
          m_diff_src(static_cast<size_t>(capacity) * features) {}
    int out_features() const override { return m_in; }
    float* dst() override { return m_dst.data(); }
    float* diff_src() override { return m_diff_src.data(); }

protected:
    Buffer m_dst, m_diff_src;  // {capacity, features}
};

// Keras' activation functions as oneDNN eltwise algorithms whose backward uses dst (so it may run in place).
struct EltwiseFn {
    dnnl::algorithm forward = dnnl::algorithm::undef;
    dnnl::algorithm backward = dnnl::algorithm::undef;
    float alpha = 0.0f;
    bool is_identity() const { return forward == dnnl::algorithm::undef; }
};
// linear -> identity. softmax is not an eltwise function (the network's head applies it).
EltwiseFn eltwise_for(ActivationFn fn, float negative_slope, float elu_alpha);

// mixed_bfloat16: the training pass's inner products on bfloat16 copies (NetworkOptions::mixed_bfloat16).
std::unique_ptr<Layer> make_dense(Engine& engine, const std::string& name, int in_features, int capacity,
                                  const LayerSpec& spec, EltwiseFn fused_activation, uint64_t seed,
                                  bool mixed_bfloat16);
std::unique_ptr<Layer> make_activation(Engine& engine, const std::string& name, int features, int capacity,
                                       EltwiseFn fn);
std::unique_ptr<Layer> make_dropout(Engine& engine, const std::string& name, int features, int capacity, float rate,
                                    uint64_t seed);
std::unique_ptr<Layer> make_batch_normalization(Engine& engine, const std::string& name, int features, int capacity,
                                                const LayerSpec& spec);

// Checks a state tensor's name and shape; throws ModelFileError naming both when they differ.
const NamedTensor& expect_tensor(const ModelState& state, size_t pos, const std::string& name,
                                 const std::vector<int>& shape);

}  // namespace mlpw::detail
