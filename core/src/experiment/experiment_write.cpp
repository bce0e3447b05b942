// ExperimentSpec -> JSON. The full form writes every option of every part (what save_experiment stores); the
// compact form only the options that differ from their defaults (the base of sweep points).
// Options that do not belong to a part's type (beta_1 of an SGD optimiser) are never written.
#include <optional>
#include <string_view>
#include <type_traits>

#include "experiment/experiment_detail.h"
#include "mlpw/experiment/layer_options.h"

namespace mlpw::detail {
namespace {

template <typename Json>
class Writer {
public:
    explicit Writer(bool compact) : m_compact(compact) {}

    // Writes key = value unless compact and value == fallback (the default; none: always).
    template <typename T>
    void put(Json& out, const std::string& key, const T& value,
             const std::type_identity_t<std::optional<T>>& fallback) const {
        if (m_compact && value == fallback) return;
        if constexpr (std::is_same_v<T, float>) out[key] = json_number(value);
        else out[key] = value;
    }

    Json initializer(const InitializerSpec& init) const {
        const InitializerSpec d;
        using T = InitializerType;
        const bool has_params =
            init.type == T::constant || init.type == T::random_normal || init.type == T::random_uniform;
        const bool params_default = init.value == d.value && init.mean == d.mean && init.stddev == d.stddev &&
            init.minval == d.minval && init.maxval == d.maxval;
        if (!has_params || (m_compact && params_default)) return to_string(init.type);
        Json out = Json::object();
        out["type"] = to_string(init.type);
        if (init.type == T::constant) out["value"] = json_number(init.value);
        if (init.type == T::random_normal)
            out["mean"] = json_number(init.mean), out["stddev"] = json_number(init.stddev);
        if (init.type == T::random_uniform)
            out["minval"] = json_number(init.minval), out["maxval"] = json_number(init.maxval);
        return out;
    }

    // The rows of the layer options table (layer_options.h) nested in `parent` ("": the layer's own) that apply
    // to the layer. Nested options are written whole, as their object is read whole.
    void layer_options(Json& out, const LayerSpec& layer, std::string_view parent) const {
        LayerSpec l = layer, d;  // the accessors hand out fields of a spec they may fill in; d: the defaults
        d.type = l.type;
        for (const LayerOption& o : mlpw::layer_options()) {
            if (option_parent(o) != parent || !o.applies(l)) continue;
            const std::string key(option_key(o));
            const bool always = o.required || !parent.empty();
            if (o.number) put(out, key, *o.number(l), always ? std::optional<float>() : *o.number(d));
            else if (o.optional) {
                if (!m_compact || *o.optional(l))
                    out[key] = *o.optional(l) ? Json(json_number(**o.optional(l))) : Json(nullptr);
            } else if (o.shape == LayerOptionShape::index) out[key] = o.choice(l);
            else if (o.shape == LayerOptionShape::value)
                put(out, key, o.choices()[size_t(o.choice(l))], o.choices()[size_t(o.choice(d))]);
            else if (!m_compact || o.choice(l) != o.choice(d)) out[key] = typed_object(o, l);
        }
    }
    // null for the first choice, the bare name when none of its nested options applies, else an object.
    Json typed_object(const LayerOption& o, const LayerSpec& l) const {
        const int choice = o.choice(l);
        if (choice == 0) return Json(nullptr);
        const std::string name = o.choices()[size_t(choice)];
        Json out = Json::object();
        out["type"] = name;
        layer_options(out, l, o.key);
        return out.size() == 1 ? Json(name) : out;
    }

    void activation(Json& out, const LayerSpec& l, const LayerSpec& d) const {
        put(out, "activation", to_string(l.activation), to_string(d.activation));
        if (l.activation == ActivationFn::leaky_relu) put(out, "negative_slope", l.negative_slope, d.negative_slope);
        if (l.activation == ActivationFn::elu) put(out, "elu_alpha", l.elu_alpha, d.elu_alpha);
    }

    Json layer(const LayerSpec& l) const {
        const LayerSpec d;
        Json out = Json::object();
        out["type"] = to_string(l.type);
        if (!l.name.empty()) out["name"] = l.name;
        switch (l.type) {
            case LayerType::dense:
                out["units"] = l.units;
                activation(out, l, d);
                put(out, "use_bias", l.use_bias, d.use_bias);
                if (!m_compact || !(l.kernel_initializer == d.kernel_initializer))
                    out["kernel_initializer"] = initializer(l.kernel_initializer);
                if (!m_compact || !(l.bias_initializer == d.bias_initializer))
                    out["bias_initializer"] = initializer(l.bias_initializer);
                if (!m_compact || l.kernel_regularizer.active()) {
                    Json reg = Json::object();
                    reg["l1"] = json_number(l.kernel_regularizer.l1);
                    reg["l2"] = json_number(l.kernel_regularizer.l2);
                    out["kernel_regularizer"] = reg;
                }
                break;
            case LayerType::activation: out["activation"] = to_string(l.activation), activation(out, l, d); break;
            case LayerType::leaky_relu: put(out, "negative_slope", l.negative_slope, d.negative_slope); break;
            case LayerType::dropout: out["rate"] = json_number(l.rate); break;
            case LayerType::batch_normalization:
                put(out, "momentum", l.momentum, d.momentum);
                put(out, "epsilon", l.epsilon, d.epsilon);
                break;
            default: break;  // flatten and the augmentation layers: only the table's options
        }
        layer_options(out, l, "");
        return out;
    }

    // Written whole, defaults included, even in the compact form: a schedule is read whole.
    Json schedule(const LearningRateSchedule& s) const {
        Json out = Json::object();
        const ScheduleInfo& info = schedule_info(s.type);
        out["type"] = info.name;
        for (const auto& key : info.keys) {
            const ScheduleOption& option = schedule_option(key);
            if (option.number) out[option.key] = json_number(s.*option.number);
            if (option.flag) out[option.key] = s.*option.flag;
        }
        if (s.type == ScheduleType::piecewise_constant_decay) {
            out["boundaries"] = Json::array();
            for (const double b : s.boundaries) out["boundaries"].push_back(b);
            out["values"] = Json::array();
            for (const float v : s.values) out["values"].push_back(json_number(v));
        }
        return out;
    }

    Json optimizer(const OptimizerSpec& o) const {
        const OptimizerSpec d = defaults_for(o.type);
        Json out = Json::object();
        out["type"] = to_string(o.type);
        for (const auto& key : optimizer_info(o.type).keys) {
            const OptimizerOption& option = optimizer_option(key);
            if (key == "learning_rate" && o.schedule.type != ScheduleType::constant) {
                out[option.key] = schedule(o.schedule);
                continue;
            }
            if (option.number) put(out, option.key, o.*option.number, d.*option.number);
            if (option.flag) put(out, option.key, o.*option.flag, d.*option.flag);
        }
        return out;
    }

    // One callback from its type's table (callback_spec.h), then what the table cannot say.
    template <typename Spec>
    Json callback(const CallbackType<Spec>& type, const Spec& s) const {
        const Spec d;
        Json j = Json::object();
        j["type"] = type.name;
        for (const CallbackOption<Spec>& o : type.options) {
            if (o.given) {  // Keras' None: null in the full form, left out of the compact one
                if (!m_compact || s.*o.given) j[o.key] = s.*o.given ? Json(json_number(s.*o.number)) : Json(nullptr);
            } else if (o.number) put(j, o.key, s.*o.number, d.*o.number);
            else if (o.integer) put(j, o.key, s.*o.integer, d.*o.integer);
            else if (o.flag) put(j, o.key, s.*o.flag, d.*o.flag);
            else if (o.text) put(j, o.key, s.*o.text, d.*o.text);
        }
        write_by_hand(j, s);
        return j;
    }
    template <typename Spec>
    void write_by_hand(Json&, const Spec&) const {}
    void write_by_hand(Json& j, const LearningRateSchedulerSpec& s) const {
        if (s.table.empty()) {
            j["schedule"] = s.expression;
            return;
        }
        Json table = Json::object();
        for (const auto& [epoch, rate] : s.table) table[std::to_string(epoch)] = json_number(rate);
        j["schedule"] = table;
    }

    // In CallbackSpecs' order (for_each_callback_type's).
    Json callbacks(const CallbackSpecs& c) const {
        Json out = Json::array();
        for_each_callback_type([&](const auto& type) {
            for (const auto& s : c.*type.specs) out.push_back(callback(type, s));
        });
        return out;
    }

    Json experiment(const ExperimentSpec& s) const {
        const ExperimentSpec d;
        Json out = Json::object();
        out["name"] = s.name;
        out["description"] = s.description;

        Json data = Json::object();
        put(data, "source", s.data.source, d.data.source);
        put(data, "validation_split", s.data.validation_split, d.data.validation_split);
        put(data, "normalization", to_string(s.data.normalization), to_string(d.data.normalization));
        out["data"] = data;

        Json model = Json::object();
        put(model, "name", s.model.name, d.model.name);
        model["layers"] = Json::array();
        for (const auto& l : s.model.layers) model["layers"].push_back(layer(l));
        out["model"] = model;

        out["loss"] = s.loss;
        out["optimizer"] = optimizer(s.optimizer);

        Json training = Json::object();
        put(training, "epochs", s.training.epochs, d.training.epochs);
        put(training, "batch_size", s.training.batch_size, d.training.batch_size);
        put(training, "shuffle", s.training.shuffle, d.training.shuffle);
        put(training, "seed", s.training.seed, d.training.seed);
        put(training, "threads", s.training.threads, d.training.threads);
        // Written only when set: an empty path means the initialisers, and older files then read back equal.
        if (!s.training.initial_weights.empty()) training["initial_weights"] = s.training.initial_weights;
        put(training, "dtype_policy", to_string(s.training.dtype_policy), to_string(d.training.dtype_policy));
        out["training"] = training;

        out["callbacks"] = callbacks(s.callbacks);
        if (!m_compact) {
            if constexpr (std::is_same_v<Json, nlohmann::json>)
                out["sweep"] = s.sweep.is_null() ? Json::object() : s.sweep;
            else out["sweep"] = s.sweep.is_null() ? Json::object() : Json::parse(s.sweep.dump());
        }
        return out;
    }

private:
    bool m_compact;
};

}  // namespace

template <typename Json>
Json write_experiment(const ExperimentSpec& spec, bool compact) {
    return Writer<Json>(compact).experiment(spec);
}
template nlohmann::json write_experiment<nlohmann::json>(const ExperimentSpec&, bool);
template nlohmann::ordered_json write_experiment<nlohmann::ordered_json>(const ExperimentSpec&, bool);

}  // namespace mlpw::detail

namespace mlpw {

nlohmann::json experiment_to_json(const ExperimentSpec& spec) {
    return detail::write_experiment<nlohmann::json>(spec, false);
}

}  // namespace mlpw
