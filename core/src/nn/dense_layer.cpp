// Dense: dst {rows, units} = act(src {rows, in} x W^T + b), on oneDNN inner product primitives.
// The activation that follows a Dense layer is fused as an eltwise post-op; its backward runs in place on
// diff_dst before the inner product's backward passes.
// mixed_bfloat16 (training pass only): src, W and diff_dst are rounded (to nearest even) into bfloat16 copies by
// oneDNN reorders, and the three inner products read those and write float32 dst, diff_src and dW. The float32
// weights stay the master copy: the optimiser updates them, and the next training forward re-rounds them.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "mlpw/errors.h"
#include "mlpw/nn/initializers.h"
#include "nn/layer.h"
#include "nn/norm_groups.h"
#include "nn/staggered_buffer.h"

namespace mlpw::detail {
namespace {

using dnnl::memory;
using tag = memory::format_tag;
using dt = memory::data_type;

class DenseLayer final : public Layer {
public:
    DenseLayer(Engine& engine, const std::string& name, int in, int capacity, const LayerSpec& spec,
               EltwiseFn activation, uint64_t seed, bool mixed_bfloat16)
        : Layer(engine, name, in, capacity), m_units(spec.units), m_use_bias(spec.use_bias),
          m_mixed_bfloat16(mixed_bfloat16), m_activation(activation), m_regularizer(spec.kernel_regularizer),
          m_constraint(spec.kernel_constraint), m_dst(static_cast<size_t>(capacity) * spec.units),
          m_diff_src(static_cast<size_t>(capacity) * in) {
        // One weights layout for every batch size: the one the forward primitive prefers (blocked for brgemm).
        // Weights, gradients and optimiser slots all live in it, so the optimiser is a flat loop.
        const auto any_weights = memory::desc({m_units, m_in}, dt::f32, tag::any);
        const auto pd = forward_pd(capacity, dnnl::prop_kind::forward_training, any_weights);
        m_weights_desc = pd.weights_desc();
        const auto bias_desc = memory::desc({m_units}, dt::f32, tag::a);
        // The buffers are ours (oneDNN memories wrap them) so the optimiser's streams do not alias.
        m_weights_buffer = StaggeredBuffer(elements(m_weights_desc), kValueStream);
        m_diff_weights_buffer = StaggeredBuffer(elements(m_weights_desc), kGradientStream);
        m_bias_buffer = StaggeredBuffer(size_t(m_units), kValueStream);
        m_diff_bias_buffer = StaggeredBuffer(size_t(m_units), kGradientStream);
        m_weights = memory(m_weights_desc, engine.engine, m_weights_buffer.data());
        m_diff_weights = memory(m_weights_desc, engine.engine, m_diff_weights_buffer.data());
        m_bias = memory(bias_desc, engine.engine, m_bias_buffer.data());
        m_diff_bias = memory(bias_desc, engine.engine, m_diff_bias_buffer.data());
        m_impl = pd.impl_info_str();
        if (m_mixed_bfloat16) prepare_bfloat16_copies(capacity);

        // Keras initialises kernels {in, units}; the fans are what matter for every initialiser.
        Rng rng(seed);
        std::vector<float> kernel(static_cast<size_t>(m_units) * m_in);
        initialize(spec.kernel_initializer, kernel.data(), kernel.size(), m_in, m_units, rng);
        write_plain(m_weights, kernel);
        std::vector<float> bias(m_units);
        // Keras gives a bias initialiser the bias' own shape {units}: fan_in = fan_out = units.
        if (m_use_bias) initialize(spec.bias_initializer, bias.data(), bias.size(), m_units, m_units, rng);
        std::memcpy(m_bias.get_data_handle(), bias.data(), bias.size() * sizeof(float));
        if (m_constraint.type == ConstraintType::max_norm || m_constraint.type == ConstraintType::unit_norm)
            map_norm_groups();
    }

    bool has_constraint() const override { return m_constraint.active(); }

    // Keras' constraints, on the kernel in its (possibly blocked) layout: m_norm_groups knows which norm each
    // element belongs to, so the projection is two vector passes (sums of squares, then scaling) with no reorder.
    void apply_constraint() override {
        float* w = data(m_weights);
        const size_t n = elements(m_weights_desc);
        if (m_constraint.type == ConstraintType::non_neg) {
            for (size_t i = 0; i < n; ++i) w[i] = w[i] >= 0.0f ? w[i] : 0.0f;
            return;
        }
        if (!m_constraint.active()) return;
        m_norm_groups.sum_squares(w, m_norm.data());
        const double max_value = m_constraint.max_value;
        for (size_t g = 0; g < m_norm.size(); ++g) {
            const double norm = std::sqrt(m_norm[g]);
            const double desired = m_constraint.type == ConstraintType::max_norm ? std::min(norm, max_value) : 1.0;
            m_scale[g] = static_cast<float>(desired / (kConstraintEpsilon + norm));
        }
        m_norm_groups.scale(w, m_scale.data());
    }

    int out_features() const override { return m_units; }
    float* dst() override { return m_dst.data(); }
    float* diff_src() override { return m_diff_src.data(); }

    void prepare(int rows, Pass pass) override {
        const int key = plan_key(rows, pass);
        if (m_plans.count(key)) return;
        Plan plan;
        const bool mixed = m_mixed_bfloat16 && pass == Pass::training;
        // What the inner products read: the float32 tensors, or their bfloat16 copies (filled by reorders).
        const auto src = wrap(rows, m_in, m_src);
        const auto product_src = mixed ? wrap_bf16(rows, m_in, m_src_bf16.data()) : src;
        const auto& product_weights = mixed ? m_weights_bf16 : m_weights;
        const auto dst = wrap(rows, m_units, m_dst.data());
        const auto prop =
            pass == Pass::training ? dnnl::prop_kind::forward_training : dnnl::prop_kind::forward_inference;
        const auto fwd_pd = forward_pd(rows, prop, product_weights.get_desc(), mixed ? dt::bf16 : dt::f32);
        dnnl_args forward_args = {
            {DNNL_ARG_SRC, product_src}, {DNNL_ARG_WEIGHTS, product_weights}, {DNNL_ARG_DST, dst}};
        if (m_use_bias) forward_args[DNNL_ARG_BIAS] = m_bias;
        plan.forward = {dnnl::inner_product_forward(fwd_pd), forward_args};
        if (mixed) {
            plan.round_weights = rounding(m_weights, m_weights_bf16);
            plan.round_src = rounding(src, product_src);
        }

        if (pass == Pass::training) {
            const auto diff_dst = wrap(rows, m_units, m_diff_dst);
            const auto product_diff_dst = mixed ? wrap_bf16(rows, m_units, m_diff_dst_bf16.data()) : diff_dst;
            if (mixed) plan.round_diff_dst = rounding(diff_dst, product_diff_dst);
            const auto data_desc = rows_desc(rows, m_units);
            if (!m_activation.is_identity()) {
                // diff_dst = act'(dst) * diff_dst, in place (the *_use_dst_for_bwd algorithms need only dst).
                const auto hint = dnnl::eltwise_forward::primitive_desc(
                    {dnnl::prop_kind::forward_training, m_activation.backward, data_desc, m_activation.alpha, 0.0f},
                    m_engine->engine);
                const auto pd = dnnl::eltwise_backward::primitive_desc(
                    {m_activation.backward, data_desc, data_desc, m_activation.alpha, 0.0f}, m_engine->engine, hint);
                plan.activation_backward = {
                    dnnl::eltwise_backward(pd),
                    {{DNNL_ARG_DST, dst}, {DNNL_ARG_DIFF_DST, diff_dst}, {DNNL_ARG_DIFF_SRC, diff_dst}}};
            }
            if (m_need_diff_src) {
                // diff_src {rows, in} = diff_dst {rows, units} x W {units, in}
                const dnnl::inner_product_backward_data::desc d(rows_desc(rows, m_in), product_weights.get_desc(),
                                                                product_diff_dst.get_desc());
                plan.backward_data = {dnnl::inner_product_backward_data({d, m_engine->engine, fwd_pd}),
                                      {{DNNL_ARG_DIFF_DST, product_diff_dst},
                                       {DNNL_ARG_WEIGHTS, product_weights},
                                       {DNNL_ARG_DIFF_SRC, wrap(rows, m_in, m_diff_src.data())}}};
            }
            // dW {units, in} = diff_dst^T x src;  db {units} = column sums of diff_dst (float32 in both policies,
            // in the weights' layout, so the optimiser stays one flat loop)
            const auto bias_desc = m_use_bias ? memory::desc({m_units}, dt::f32, tag::a) : memory::desc();
            const dnnl::inner_product_backward_weights::desc d(product_src.get_desc(), m_weights_desc, bias_desc,
                                                               product_diff_dst.get_desc());
            dnnl_args weights_args = {{DNNL_ARG_SRC, product_src},
                                      {DNNL_ARG_DIFF_DST, product_diff_dst},
                                      {DNNL_ARG_DIFF_WEIGHTS, m_diff_weights}};
            if (m_use_bias) weights_args[DNNL_ARG_DIFF_BIAS] = m_diff_bias;
            plan.backward_weights = {dnnl::inner_product_backward_weights({d, m_engine->engine, fwd_pd}), weights_args};
        }
        m_plans.emplace(key, std::move(plan));
    }

    void forward(int rows, Pass pass) override {
        const Plan& plan = plan_for(rows, pass);
        auto& stream = m_engine->stream;
        // The optimiser changed the weights since the last training forward: round them again.
        if (plan.round_weights) plan.round_weights.run(stream);
        if (plan.round_src) plan.round_src.run(stream);
        plan.forward.run(stream);
    }

    void backward(int rows) override {
        const Plan& plan = plan_for(rows, Pass::training);
        auto& stream = m_engine->stream;
        if (plan.activation_backward) plan.activation_backward.run(stream);
        if (plan.round_diff_dst) plan.round_diff_dst.run(stream);
        if (plan.backward_data) plan.backward_data.run(stream);
        plan.backward_weights.run(stream);
    }

    void collect_parameters(std::vector<ParamTensor>& out) override {
        out.push_back(
            {m_name + "/kernel", data(m_weights), data(m_diff_weights), elements(m_weights_desc), m_regularizer});
        if (m_use_bias) out.push_back({m_name + "/bias", data(m_bias), data(m_diff_bias), size_t(m_units), {}});
    }

    void append_state(ModelState& state) const override {
        state.push_back({m_name + "/kernel", {m_units, m_in}, read_plain(m_weights)});
        if (m_use_bias) {
            const float* b = data(m_bias);
            state.push_back({m_name + "/bias", {m_units}, std::vector<float>(b, b + m_units)});
        }
    }

    void read_state(const ModelState& state, size_t& pos) override {
        write_plain(m_weights, expect_tensor(state, pos++, m_name + "/kernel", {m_units, m_in}).values);
        if (m_use_bias) {
            const auto& b = expect_tensor(state, pos++, m_name + "/bias", {m_units}).values;
            std::memcpy(data(m_bias), b.data(), b.size() * sizeof(float));
        }
    }

    // brgemm (AVX-512) splits the work by output blocks, so every sum has the same order for any thread count
    // (tst_training checks it); the sgemm-based inner product used on AVX2 also splits the sums themselves.
    bool thread_count_invariant() const override {
        return m_impl.rfind("brgemm", 0) == 0 && (!m_mixed_bfloat16 || m_bf16_impl.rfind("brgemm", 0) == 0);
    }

    std::string describe() const override {
        return m_name + " (Dense " + std::to_string(m_in) + "->" + std::to_string(m_units) +
            (m_activation.is_identity() ? "" : ", activation fused") + ") " + m_impl +
            (m_mixed_bfloat16 ? ", training " + m_bf16_impl : "");
    }

private:
    struct Plan {
        BoundPrimitive forward, activation_backward, backward_data, backward_weights;
        BoundPrimitive round_weights, round_src, round_diff_dst;  // mixed_bfloat16 training only
    };

    // The bfloat16 weights layout the forward primitive prefers (blocked in pairs of inputs for the dot-product
    // instructions) and the copies {capacity, in}, {capacity, units} the products read. Refuses a CPU without
    // bfloat16 instructions, where oneDNN's bfloat16 code would train slower than float32.
    void prepare_bfloat16_copies(int capacity) {
        const auto any_weights = memory::desc({m_units, m_in}, dt::bf16, tag::any);
        dnnl::inner_product_forward::primitive_desc pd;
        std::string impl;
        try {
            pd = forward_pd(capacity, dnnl::prop_kind::forward_training, any_weights, dt::bf16);
            impl = pd.impl_info_str();
        } catch (const dnnl::error&) {  // no bfloat16 implementation at all (AVX2 and older)
        }
        // brgemm is oneDNN's kernel on bfloat16 instructions; AVX-512 without them gets an emulating gemm
        // (measured 2.5x slower than float32 here), older CPUs nothing or the reference code.
        if (impl.rfind("brgemm", 0) != 0)
            throw Error(
                "training.dtype_policy: mixed_bfloat16 needs a CPU with bfloat16 instructions (AVX512_BF16 "
                "or AMX); for layer " +
                m_name + " this one offers " +
                (impl.empty() ? "no bfloat16 kernel" : "only " + impl + ", slower than float32") +
                ". Use \"float32\".");
        m_bf16_impl = impl;
        m_weights_bf16_buffer.assign(pd.weights_desc().get_size() / sizeof(uint16_t), 0);
        m_weights_bf16 = memory(pd.weights_desc(), m_engine->engine, m_weights_bf16_buffer.data());
        m_src_bf16.assign(static_cast<size_t>(capacity) * m_in, 0);
        m_diff_dst_bf16.assign(static_cast<size_t>(capacity) * m_units, 0);
    }

    memory wrap_bf16(int rows, int features, const uint16_t* data) const {
        return {{{rows, features}, dt::bf16, tag::nc}, m_engine->engine, const_cast<uint16_t*>(data)};
    }
    // A float32 -> bfloat16 reorder from `from` into `to`, bound once (round to nearest even).
    BoundPrimitive rounding(const memory& from, const memory& to) const {
        return {dnnl::reorder(from, to), {{DNNL_ARG_FROM, from}, {DNNL_ARG_TO, to}}};
    }

    dnnl::inner_product_forward::primitive_desc forward_pd(int rows, dnnl::prop_kind prop, const memory::desc& weights,
                                                           dt src_type = dt::f32) const {
        dnnl::primitive_attr attr;
        if (!m_activation.is_identity()) {
            dnnl::post_ops ops;
            ops.append_eltwise(1.0f, m_activation.forward, m_activation.alpha, 0.0f);
            attr.set_post_ops(ops);
        }
        const memory::desc src({rows, m_in}, src_type, tag::nc);
        const auto dst = rows_desc(rows, m_units);
        if (m_use_bias) {
            const auto bias = memory::desc({m_units}, dt::f32, tag::a);
            return {{prop, src, weights, bias, dst}, attr, m_engine->engine};
        }
        return {{prop, src, weights, dst}, attr, m_engine->engine};
    }

    const Plan& plan_for(int rows, Pass pass) {
        auto it = m_plans.find(plan_key(rows, pass));
        if (it == m_plans.end()) {
            prepare(rows, pass);
            it = m_plans.find(plan_key(rows, pass));
        }
        return it->second;
    }

    static float* data(const memory& m) { return static_cast<float*>(m.get_data_handle()); }
    static size_t elements(const memory::desc& d) { return d.get_size() / sizeof(float); }

    // plain {units, in} <-> the weights layout, by a oneDNN reorder (outside the batch loop only).
    void write_plain(const memory& target, const std::vector<float>& plain) const {
        memory src({{m_units, m_in}, dt::f32, tag::oi}, m_engine->engine, const_cast<float*>(plain.data()));
        dnnl::reorder(src, target).execute(m_engine->stream, src, const_cast<memory&>(target));
        m_engine->stream.wait();
    }
    std::vector<float> read_plain(const memory& source) const {
        std::vector<float> plain(static_cast<size_t>(m_units) * m_in);
        memory dst({{m_units, m_in}, dt::f32, tag::oi}, m_engine->engine, plain.data());
        dnnl::reorder(source, dst).execute(m_engine->stream, const_cast<memory&>(source), dst);
        m_engine->stream.wait();
        return plain;
    }

    // Keras' backend.epsilon() in MaxNorm and UnitNorm.
    static constexpr double kConstraintEpsilon = 1e-7;

    // The norm group of each element of the weights layout (axis 0: its unit; axis 1: its input), found by
    // reordering a plain kernel whose entries are group + 1 (exact in float); padding reads 0.
    void map_norm_groups() {
        const bool per_unit = m_constraint.axis == 0;
        const size_t groups = static_cast<size_t>(per_unit ? m_units : m_in);
        std::vector<float> plain(static_cast<size_t>(m_units) * m_in);
        for (int u = 0; u < m_units; ++u)
            for (int i = 0; i < m_in; ++i)
                plain[static_cast<size_t>(u) * m_in + i] = static_cast<float>((per_unit ? u : i) + 1);
        const size_t n = elements(m_weights_desc);
        std::vector<float> laid_out(n, 0.0f);
        memory target(m_weights_desc, m_engine->engine, laid_out.data());
        write_plain(target, plain);
        std::vector<uint32_t> group_of(n);
        for (size_t e = 0; e < n; ++e)
            group_of[e] = laid_out[e] > 0.0f ? static_cast<uint32_t>(laid_out[e]) - 1 : static_cast<uint32_t>(groups);
        m_norm_groups = NormGroups(group_of, static_cast<uint32_t>(groups));
        m_norm.assign(groups, 0.0);
        m_scale.assign(groups, 1.0f);
    }

    int m_units;
    bool m_use_bias;
    bool m_mixed_bfloat16;
    EltwiseFn m_activation;
    RegularizerSpec m_regularizer;
    ConstraintSpec m_constraint;
    NormGroups m_norm_groups;    // max_norm and unit_norm only
    std::vector<double> m_norm;  // {groups}: sums of squares
    std::vector<float> m_scale;  // {groups}
    memory::desc m_weights_desc;
    StaggeredBuffer m_weights_buffer, m_diff_weights_buffer, m_bias_buffer, m_diff_bias_buffer;
    memory m_weights, m_diff_weights, m_bias, m_diff_bias;
    Buffer m_dst, m_diff_src;
    // mixed_bfloat16: bfloat16 bit patterns (oneDNN's bf16), the weights in their bfloat16 layout
    std::vector<uint16_t> m_weights_bf16_buffer, m_src_bf16, m_diff_dst_bf16;
    memory m_weights_bf16;
    std::string m_impl, m_bf16_impl;
    std::unordered_map<int, Plan> m_plans;
};

}  // namespace

std::unique_ptr<Layer> make_dense(Engine& engine, const std::string& name, int in_features, int capacity,
                                  const LayerSpec& spec, EltwiseFn fused_activation, uint64_t seed,
                                  bool mixed_bfloat16) {
    return std::make_unique<DenseLayer>(engine, name, in_features, capacity, spec, fused_activation, seed,
                                        mixed_bfloat16);
}

const NamedTensor& expect_tensor(const ModelState& state, size_t pos, const std::string& name,
                                 const std::vector<int>& shape) {
    auto shape_text = [](const std::vector<int>& s) {
        std::string t = "{";
        for (size_t i = 0; i < s.size(); ++i) t += (i ? ", " : "") + std::to_string(s[i]);
        return t + "}";
    };
    if (pos >= state.size()) throw ModelFileError("weights: tensor " + name + " " + shape_text(shape) + " is missing");
    const NamedTensor& t = state[pos];
    if (t.name != name || t.shape != shape)
        throw ModelFileError("weights: expected tensor " + name + " " + shape_text(shape) + ", found " + t.name + " " +
                             shape_text(t.shape));
    size_t n = 1;
    for (int d : shape) n *= static_cast<size_t>(d);
    if (t.values.size() != n)
        throw ModelFileError("weights: tensor " + name + " has " + std::to_string(t.values.size()) +
                             " values, expected " + std::to_string(n));
    return t;
}

}  // namespace mlpw::detail
