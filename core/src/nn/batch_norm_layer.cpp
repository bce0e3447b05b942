// BatchNormalization over features: dst {rows, n} = gamma * (src - mean) / sqrt(var + eps) + beta.
// Training uses the batch statistics (oneDNN batch_normalization, biased variance as tf.keras) and updates
// moving = momentum * moving + (1 - momentum) * batch; inference uses the moving statistics.
#include <cstring>

#include "nn/layer.h"

namespace mlpw::detail {
namespace {

using dnnl::memory;
using flags = dnnl::normalization_flags;

class BatchNormLayer final : public SameShapeLayer {
public:
    BatchNormLayer(Engine& engine, const std::string& name, int features, int capacity, const LayerSpec& spec)
        : SameShapeLayer(engine, name, features, capacity), m_momentum(spec.momentum), m_epsilon(spec.epsilon),
          m_gamma(features, 1.0f), m_beta(features, 0.0f), m_diff_gamma(features, 0.0f), m_diff_beta(features, 0.0f),
          m_batch_mean(features, 0.0f), m_batch_variance(features, 0.0f), m_moving_mean(features, 0.0f),
          m_moving_variance(features, 1.0f) {}

    void prepare(int rows, Pass pass) override {
        const int key = plan_key(rows, pass);
        if (m_plans.count(key)) return;
        const auto desc = rows_desc(rows, m_in);
        const auto src = wrap(rows, m_in, m_src), dst = wrap(rows, m_in, m_dst.data());
        const bool training = pass == Pass::training;
        const auto stat_flags = training ? flags::none : flags::use_global_stats;
        const dnnl::batch_normalization_forward::primitive_desc fwd_pd(
            {training ? dnnl::prop_kind::forward_training : dnnl::prop_kind::forward_inference, desc, m_epsilon,
             stat_flags | flags::use_scale | flags::use_shift},
            m_engine->engine);
        Plan plan;
        plan.forward = {dnnl::batch_normalization_forward(fwd_pd),
                        {{DNNL_ARG_SRC, src},
                         {DNNL_ARG_DST, dst},
                         {DNNL_ARG_SCALE, vec(m_gamma)},
                         {DNNL_ARG_SHIFT, vec(m_beta)},
                         {DNNL_ARG_MEAN, vec(training ? m_batch_mean : m_moving_mean)},
                         {DNNL_ARG_VARIANCE, vec(training ? m_batch_variance : m_moving_variance)}}};
        if (training) {
            const dnnl::batch_normalization_backward::primitive_desc bwd_pd(
                {dnnl::prop_kind::backward, desc, desc, m_epsilon, flags::use_scale | flags::use_shift},
                m_engine->engine, fwd_pd);
            plan.backward = {dnnl::batch_normalization_backward(bwd_pd),
                             {{DNNL_ARG_SRC, src},
                              {DNNL_ARG_MEAN, vec(m_batch_mean)},
                              {DNNL_ARG_VARIANCE, vec(m_batch_variance)},
                              {DNNL_ARG_DIFF_DST, wrap(rows, m_in, m_diff_dst)},
                              {DNNL_ARG_SCALE, vec(m_gamma)},
                              // oneDNN 2.6 lists shift as an input of the backward pass whenever use_shift
                              // is set (unused by the maths, but execute() fails without it).
                              {DNNL_ARG_SHIFT, vec(m_beta)},
                              {DNNL_ARG_DIFF_SRC, wrap(rows, m_in, m_diff_src.data())},
                              {DNNL_ARG_DIFF_SCALE, vec(m_diff_gamma)},
                              {DNNL_ARG_DIFF_SHIFT, vec(m_diff_beta)}}};
        }
        m_plans.emplace(key, std::move(plan));
    }

    void forward(int rows, Pass pass) override {
        prepare(rows, pass);
        m_plans.at(plan_key(rows, pass)).forward.run(m_engine->stream);
        if (pass == Pass::training) {
            for (int c = 0; c < m_in; ++c) {
                m_moving_mean[c] = m_momentum * m_moving_mean[c] + (1.0f - m_momentum) * m_batch_mean[c];
                m_moving_variance[c] = m_momentum * m_moving_variance[c] + (1.0f - m_momentum) * m_batch_variance[c];
            }
        }
    }

    void backward(int rows) override {
        // The backward primitive always yields diff_src; it is cheap next to the inner products.
        m_plans.at(plan_key(rows, Pass::training)).backward.run(m_engine->stream);
    }

    void collect_parameters(std::vector<ParamTensor>& out) override {
        out.push_back({m_name + "/gamma", m_gamma.data(), m_diff_gamma.data(), m_gamma.size(), {}});
        out.push_back({m_name + "/beta", m_beta.data(), m_diff_beta.data(), m_beta.size(), {}});
    }

    void append_state(ModelState& state) const override {
        state.push_back({m_name + "/gamma", {m_in}, m_gamma});
        state.push_back({m_name + "/beta", {m_in}, m_beta});
        state.push_back({m_name + "/moving_mean", {m_in}, m_moving_mean});
        state.push_back({m_name + "/moving_variance", {m_in}, m_moving_variance});
    }

    void read_state(const ModelState& state, size_t& pos) override {
        const std::pair<const char*, std::vector<float>*> tensors[] = {{"/gamma", &m_gamma},
                                                                       {"/beta", &m_beta},
                                                                       {"/moving_mean", &m_moving_mean},
                                                                       {"/moving_variance", &m_moving_variance}};
        for (const auto& [suffix, target] : tensors) {
            const auto& values = expect_tensor(state, pos++, m_name + suffix, {m_in}).values;
            std::copy(values.begin(), values.end(), target->begin());
        }
    }

    std::string describe() const override { return m_name + " (BatchNormalization " + std::to_string(m_in) + ")"; }

private:
    struct Plan {
        BoundPrimitive forward, backward;
    };
    memory vec(const std::vector<float>& v) const {
        return {
            {{m_in}, memory::data_type::f32, memory::format_tag::a}, m_engine->engine, const_cast<float*>(v.data())};
    }

    float m_momentum, m_epsilon;
    std::vector<float> m_gamma, m_beta, m_diff_gamma, m_diff_beta;
    std::vector<float> m_batch_mean, m_batch_variance, m_moving_mean, m_moving_variance;
    std::unordered_map<int, Plan> m_plans;
};

}  // namespace

std::unique_ptr<Layer> make_batch_normalization(Engine& engine, const std::string& name, int features, int capacity,
                                                const LayerSpec& spec) {
    return std::make_unique<BatchNormLayer>(engine, name, features, capacity, spec);
}

}  // namespace mlpw::detail
