// Activation (and LeakyReLU): dst {rows, n} = f(src {rows, n}) on oneDNN eltwise primitives.
// Used where an activation cannot be fused into the Dense before it (e.g. after BatchNormalization).
#include "nn/layer.h"

namespace mlpw::detail {

EltwiseFn eltwise_for(ActivationFn fn, float negative_slope, float elu_alpha) {
    using A = dnnl::algorithm;
    switch (fn) {
        case ActivationFn::relu: return {A::eltwise_relu, A::eltwise_relu_use_dst_for_bwd, 0.0f};
        case ActivationFn::leaky_relu: return {A::eltwise_relu, A::eltwise_relu_use_dst_for_bwd, negative_slope};
        case ActivationFn::sigmoid: return {A::eltwise_logistic, A::eltwise_logistic_use_dst_for_bwd, 0.0f};
        case ActivationFn::tanh: return {A::eltwise_tanh, A::eltwise_tanh_use_dst_for_bwd, 0.0f};
        case ActivationFn::elu: return {A::eltwise_elu, A::eltwise_elu_use_dst_for_bwd, elu_alpha};
        case ActivationFn::linear:
        case ActivationFn::softmax: break;
    }
    return {};
}

namespace {

class ActivationLayer final : public SameShapeLayer {
public:
    ActivationLayer(Engine& engine, const std::string& name, int features, int capacity, EltwiseFn fn)
        : SameShapeLayer(engine, name, features, capacity), m_fn(fn) {}

    void prepare(int rows, Pass pass) override {
        const int key = plan_key(rows, pass);
        if (m_plans.count(key)) return;
        const auto desc = rows_desc(rows, m_in);
        const auto src = wrap(rows, m_in, m_src), dst = wrap(rows, m_in, m_dst.data());
        const auto prop =
            pass == Pass::training ? dnnl::prop_kind::forward_training : dnnl::prop_kind::forward_inference;
        const dnnl::eltwise_forward::primitive_desc fwd_pd({prop, m_fn.backward, desc, m_fn.alpha, 0.0f},
                                                           m_engine->engine);
        Plan plan;
        plan.forward = {dnnl::eltwise_forward(fwd_pd), {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}}};
        if (pass == Pass::training && m_need_diff_src) {
            // diff_src = f'(dst) * diff_dst
            const dnnl::eltwise_backward::primitive_desc bwd_pd({m_fn.backward, desc, desc, m_fn.alpha, 0.0f},
                                                                m_engine->engine, fwd_pd);
            plan.backward = {dnnl::eltwise_backward(bwd_pd),
                             {{DNNL_ARG_DST, dst},
                              {DNNL_ARG_DIFF_DST, wrap(rows, m_in, m_diff_dst)},
                              {DNNL_ARG_DIFF_SRC, wrap(rows, m_in, m_diff_src.data())}}};
        }
        m_plans.emplace(key, std::move(plan));
    }

    void forward(int rows, Pass pass) override {
        prepare(rows, pass);
        m_plans.at(plan_key(rows, pass)).forward.run(m_engine->stream);
    }

    void backward(int rows) override {
        const Plan& plan = m_plans.at(plan_key(rows, Pass::training));
        if (plan.backward) plan.backward.run(m_engine->stream);
    }

    std::string describe() const override {
        return m_name + " (Activation " + std::to_string(m_in) + ", alpha " + std::to_string(m_fn.alpha) + ")";
    }

private:
    struct Plan {
        BoundPrimitive forward, backward;
    };
    EltwiseFn m_fn;
    std::unordered_map<int, Plan> m_plans;
};

}  // namespace

std::unique_ptr<Layer> make_activation(Engine& engine, const std::string& name, int features, int capacity,
                                       EltwiseFn fn) {
    return std::make_unique<ActivationLayer>(engine, name, features, capacity, fn);
}

}  // namespace mlpw::detail
