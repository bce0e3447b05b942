// Experiment JSON -> ExperimentSpec: checks types, names and keys (the value rules are in
// experiment_validate.cpp). Every problem is collected; a part that cannot be read keeps its default.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <functional>
#include <limits>
#include <string_view>

#include "experiment/experiment_detail.h"
#include "mlpw/errors.h"
#include "mlpw/experiment/layer_options.h"

namespace mlpw::detail {
namespace {

using nlohmann::json;

std::string child(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }
std::string item(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

// A number a float holds (beyond FLT_MAX it would become infinity, written as null).
bool is_float(const json& v) { return v.is_number() && std::fabs(v.get<double>()) <= FLT_MAX; }
// 512 or 512.0; not 2.5, "512" or a number beyond int.
bool is_int(const json& v) {
    return v.is_number() && v.get<double>() == std::floor(v.get<double>()) &&
        std::fabs(v.get<double>()) <= std::numeric_limits<int>::max();
}

// Reads the keys of one JSON object into fields; every key asked for counts as known, whether present or not,
// so finish() can report the others as unknown and list what the object takes.
class ObjectReader {
public:
    ObjectReader(const json& object, std::string path, Problems& problems)
        : m_object(object), m_path(std::move(path)), m_problems(problems) {}

    std::string path(const std::string& key) const { return child(m_path, key); }
    bool has(const std::string& key) const { return m_object.contains(key); }

    const json* find(const std::string& key) {
        m_known.push_back(key);
        auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }
    void require(const std::string& key, const std::string& what) {
        if (!has(key)) m_problems.add(path(key), "required: " + what, "nothing");
    }

    void get(const std::string& key, float& out) {
        if (const json* v = find(key)) {
            if (is_float(*v)) out = static_cast<float>(v->get<double>());
            else m_problems.add(path(key), "must be a number", show(*v));
        }
    }
    void get(const std::string& key, int& out) {
        if (const json* v = find(key)) {
            if (is_int(*v)) out = static_cast<int>(v->get<double>());
            else m_problems.add(path(key), "must be an integer", show(*v));
        }
    }
    void get(const std::string& key, uint64_t& out) {
        if (const json* v = find(key)) {
            if (v->is_number_unsigned()) out = v->get<uint64_t>();
            else m_problems.add(path(key), "must be a non-negative integer", show(*v));
        }
    }
    void get(const std::string& key, bool& out) {
        if (const json* v = find(key)) {
            if (v->is_boolean()) out = v->get<bool>();
            else m_problems.add(path(key), "must be true or false", show(*v));
        }
    }
    void get(const std::string& key, std::string& out) {
        if (const json* v = find(key)) {
            if (v->is_string()) out = v->get<std::string>();
            else m_problems.add(path(key), "must be a string", show(*v));
        }
    }
    // A name from a fixed list, parsed by `parse` (parse_activation, parse_optimizer_type...).
    template <typename Enum, typename Parse>
    void get_name(const std::string& key, Enum& out, Parse parse, const std::vector<std::string>& names) {
        if (const json* v = find(key)) {
            if (!v->is_string() || !parse(v->get<std::string>(), out))
                m_problems.add(path(key), "must be one of " + quoted_list(names), show(*v));
        }
    }

    // Reports the keys nobody asked for: "<path>.<key>: not an option of <owner> (it takes: ...), got <value>".
    void finish(const std::string& owner) {
        std::string takes;
        for (const auto& k : m_known) takes += (takes.empty() ? "" : ", ") + k;
        for (const auto& [key, value] : m_object.items()) {
            if (std::find(m_known.begin(), m_known.end(), key) == m_known.end())
                m_problems.add(path(key), "unknown key: not an option of " + owner + " (it takes: " + takes + ")",
                               show(value));
        }
    }

private:
    const json& m_object;
    std::string m_path;
    Problems& m_problems;
    std::vector<std::string> m_known;
};

bool is_object_or_report(const json& value, const std::string& path, const std::string& what, Problems& problems) {
    if (value.is_object()) return true;
    problems.add(path, "must be " + what, show(value));
    return false;
}

// An initialiser: "he_normal", or {"type": "random_normal", "mean": 0, "stddev": 0.05}.
void read_initializer(const json& value, const std::string& path, InitializerSpec& out, Problems& problems) {
    const auto& names = initializer_names();
    InitializerType type{};
    auto known = [&](const json& v) { return v.is_string() && parse_initializer(v.get<std::string>(), type); };
    if (value.is_string()) {
        if (!known(value)) return problems.add(path, "must be one of " + quoted_list(names), show(value));
        out = InitializerSpec{type};
        return;
    }
    if (!value.is_object())
        return problems.add(path, "must be an initializer name or an object with a \"type\"", show(value));
    ObjectReader r(value, path, problems);
    const json* t = r.find("type");
    if (!t) return problems.add(child(path, "type"), "required: one of " + quoted_list(names), "nothing");
    if (!known(*t)) return problems.add(child(path, "type"), "must be one of " + quoted_list(names), show(*t));
    out = InitializerSpec{type};
    if (type == InitializerType::constant) r.get("value", out.value);
    if (type == InitializerType::random_normal) r.get("mean", out.mean), r.get("stddev", out.stddev);
    if (type == InitializerType::random_uniform) r.get("minval", out.minval), r.get("maxval", out.maxval);
    r.finish("the " + to_string(type) + " initializer");
}

void read_regularizer(const json& value, const std::string& path, RegularizerSpec& out, Problems& problems) {
    out = RegularizerSpec{};
    if (value.is_null()) return;  // Keras: kernel_regularizer=None
    if (!is_object_or_report(value, path, "null or an object {\"l1\": ..., \"l2\": ...}", problems)) return;
    ObjectReader r(value, path, problems);
    r.get("l1", out.l1);
    r.get("l2", out.l2);
    r.finish("kernel_regularizer");
}

// The activation of a dense or activation layer, with its parameter when it has one.
void read_activation(ObjectReader& r, LayerSpec& layer, Problems& problems) {
    if (const json* v = r.find("activation")) {
        if (v->is_null()) layer.activation = ActivationFn::linear;  // Keras: activation=None
        else r.get_name("activation", layer.activation, parse_activation, activation_names());
    }
    const struct {
        const char* key;
        ActivationFn fn;
        float* field;
    } params[] = {
        {"negative_slope", ActivationFn::leaky_relu, &layer.negative_slope},
        {"elu_alpha", ActivationFn::elu, &layer.elu_alpha},
    };
    for (const auto& p : params) {
        r.get(p.key, *p.field);
        if (r.has(p.key) && layer.activation != p.fn)
            problems.add(r.path(p.key), "only allowed with activation \"" + to_string(p.fn) + "\"",
                         show(*p.field) + " with activation \"" + to_string(layer.activation) + "\"");
    }
}

void read_layer_options(ObjectReader& r, std::string_view parent, LayerSpec& layer, Problems& problems);

// One option of the layer options table (layer_options.h), in its JSON shape.
void read_layer_option(const json& v, const std::string& path, const LayerOption& o, LayerSpec& layer,
                       Problems& problems) {
    if (o.number) {
        if (is_float(v)) *o.number(layer) = static_cast<float>(v.get<double>());
        else problems.add(path, "must be a number", show(v));
    } else if (o.optional) {
        if (v.is_null()) *o.optional(layer) = std::nullopt;
        else if (is_float(v)) *o.optional(layer) = static_cast<float>(v.get<double>());
        else problems.add(path, "must be null or a number", show(v));
    } else if (o.shape == LayerOptionShape::index) {
        if (is_int(v)) o.choose(layer, static_cast<int>(v.get<double>()));  // the validator checks the range
        else problems.add(path, "must be an integer", show(v));
    } else if (o.shape == LayerOptionShape::value) {
        const auto names = o.choices();
        const auto it = v.is_string() ? std::find(names.begin(), names.end(), v.get<std::string>()) : names.end();
        if (it != names.end()) o.choose(layer, static_cast<int>(it - names.begin()));
        else problems.add(path, "must be one of " + quoted_list(names), show(v));
    } else {  // typed_object: null (the first choice), a name or {"type": name, <nested options>}
        const auto all = o.choices();
        const std::vector<std::string> names(all.begin() + 1, all.end());
        const auto pick = [&](const json& name) {
            const auto it =
                name.is_string() ? std::find(names.begin(), names.end(), name.get<std::string>()) : names.end();
            if (it != names.end()) o.choose(layer, static_cast<int>(it - names.begin()) + 1);
            return it != names.end();
        };
        if (v.is_null()) return o.choose(layer, 0);
        if (v.is_string()) {
            if (!pick(v)) problems.add(path, "must be null or one of " + quoted_list(names), show(v));
            return;
        }
        if (!is_object_or_report(v, path, "null, a name (" + quoted_list(names) + ") or an object with a \"type\"",
                                 problems))
            return;
        ObjectReader r(v, path, problems);
        const json* t = r.find("type");
        if (!t) return problems.add(child(path, "type"), "required: one of " + quoted_list(names), "nothing");
        if (!pick(*t)) return problems.add(child(path, "type"), "must be one of " + quoted_list(names), show(*t));
        read_layer_options(r, o.key, layer, problems);
        r.finish("the " + all[size_t(o.choice(layer))] + " " + o.key);
    }
}

// The rows of the layer options table nested in `parent` ("": the layer's own) that apply to the layer.
void read_layer_options(ObjectReader& r, std::string_view parent, LayerSpec& layer, Problems& problems) {
    for (const LayerOption& o : layer_options()) {
        if (option_parent(o) != parent || !o.applies(layer)) continue;
        const std::string key(option_key(o));
        if (o.required) r.require(key, o.required);
        if (const json* v = r.find(key)) read_layer_option(*v, r.path(key), o, layer, problems);
    }
}

void read_layer(const json& value, const std::string& path, LayerSpec& layer, Problems& problems) {
    if (!is_object_or_report(value, path, "an object with a \"type\"", problems)) return;
    ObjectReader r(value, path, problems);
    const json* type = r.find("type");
    if (!type)
        return problems.add(child(path, "type"), "required: one of " + quoted_list(layer_type_names()), "nothing");
    if (!type->is_string() || !parse_layer_type(type->get<std::string>(), layer.type))
        return problems.add(child(path, "type"), "must be one of " + quoted_list(layer_type_names()), show(*type));
    r.get("name", layer.name);
    switch (layer.type) {
        case LayerType::dense:
            r.require("units", "a positive integer");
            r.get("units", layer.units);
            read_activation(r, layer, problems);
            r.get("use_bias", layer.use_bias);
            if (const json* v = r.find("kernel_initializer"))
                read_initializer(*v, r.path("kernel_initializer"), layer.kernel_initializer, problems);
            if (const json* v = r.find("bias_initializer"))
                read_initializer(*v, r.path("bias_initializer"), layer.bias_initializer, problems);
            if (const json* v = r.find("kernel_regularizer"))
                read_regularizer(*v, r.path("kernel_regularizer"), layer.kernel_regularizer, problems);
            break;
        case LayerType::activation:
            r.require("activation", "one of " + quoted_list(activation_names()));
            read_activation(r, layer, problems);
            break;
        case LayerType::leaky_relu: r.get("negative_slope", layer.negative_slope); break;
        case LayerType::dropout:
            r.require("rate", "a number in [0, 1)");
            r.get("rate", layer.rate);
            break;
        case LayerType::batch_normalization:
            r.get("momentum", layer.momentum);
            r.get("epsilon", layer.epsilon);
            break;
        default: break;  // flatten and the augmentation layers: only the table's options
    }
    read_layer_options(r, "", layer, problems);
    r.finish("a " + to_string(layer.type) + " layer");
}

void read_model(const json& value, ModelSpec& model, Problems& problems) {
    if (!is_object_or_report(value, "model", "an object {\"layers\": [...]}", problems)) return;
    ObjectReader r(value, "model", problems);
    r.get("name", model.name);
    if (const json* layers = r.find("layers")) {
        if (!layers->is_array()) {
            problems.add("model.layers", "must be an array of layer objects", show(*layers));
        } else {
            model.layers.assign(layers->size(), LayerSpec{});
            for (size_t i = 0; i < layers->size(); ++i)
                read_layer((*layers)[i], item("model.layers", i), model.layers[i], problems);
        }
    }
    r.finish("the model");
}

// A Keras schedule in place of the learning rate: {"type": "exponential_decay", "decay_steps": 1000, ...}.
void read_schedule(const json& value, const std::string& path, LearningRateSchedule& out, Problems& problems) {
    ObjectReader r(value, path, problems);
    const json* t = r.find("type");
    const auto names = schedule_names();
    ScheduleType type{};
    if (!t) return problems.add(child(path, "type"), "required: one of " + quoted_list(names), "nothing");
    if (!t->is_string() || !parse_schedule_type(t->get<std::string>(), type))
        return problems.add(child(path, "type"), "must be one of " + quoted_list(names), show(*t));
    out = LearningRateSchedule{};
    out.type = type;
    for (const auto& key : schedule_info(type).keys) {
        const ScheduleOption& o = schedule_option(key);
        if (o.number) r.get(key, out.*o.number);
        if (o.flag) r.get(key, out.*o.flag);
    }
    if (type == ScheduleType::piecewise_constant_decay) {
        r.require("boundaries", "an array of step numbers");
        r.require("values", "an array of rates, one more than boundaries");
        const auto numbers = [&](const char* key, auto& list) {
            const json* v = r.find(key);
            if (!v) return;
            const bool ok = v->is_array() && std::all_of(v->begin(), v->end(), is_float);
            if (!ok) return problems.add(r.path(key), "must be an array of numbers", show(*v));
            for (const json& x : *v) list.push_back(static_cast<std::decay_t<decltype(list[0])>>(x.get<double>()));
        };
        numbers("boundaries", out.boundaries);
        numbers("values", out.values);
    }
    r.finish("the " + std::string(schedule_info(type).name) + " schedule");
}

// "adam" (Keras defaults) or {"type": "sgd", "momentum": 0.9}: the type's defaults, then the given options.
void read_optimizer(const json& value, OptimizerSpec& out, Problems& problems) {
    const std::string path = "optimizer";
    OptimizerType type{};
    if (value.is_string()) {
        if (!parse_optimizer_type(value.get<std::string>(), type))
            return problems.add(path, "must be one of " + quoted_list(optimizer_names()), show(value));
        out = defaults_for(type);
        return;
    }
    if (!is_object_or_report(value, path, "an optimizer name or an object with a \"type\"", problems)) return;
    ObjectReader r(value, path, problems);
    const json* t = r.find("type");
    if (!t) return problems.add("optimizer.type", "required: one of " + quoted_list(optimizer_names()), "nothing");
    if (!t->is_string() || !parse_optimizer_type(t->get<std::string>(), type))
        return problems.add("optimizer.type", "must be one of " + quoted_list(optimizer_names()), show(*t));
    out = defaults_for(type);
    for (const auto& key : optimizer_info(type).keys) {
        const OptimizerOption& o = optimizer_option(key);
        if (key == "learning_rate" && r.has(key) && r.find(key)->is_object()) {
            read_schedule(*r.find(key), r.path(key), out.schedule, problems);
            continue;
        }
        if (o.number) r.get(key, out.*o.number);
        if (o.flag) r.get(key, out.*o.flag);
    }
    r.finish("the " + to_string(type) + " optimizer");
}

// LearningRateScheduler's "schedule": "lr * 0.9" or {"0": 0.001, "10": 0.0001} (epochs 0-based).
void read_rate_table_or_expression(ObjectReader& r, LearningRateSchedulerSpec& c, Problems& problems) {
    const json* v = r.find("schedule");
    if (!v) return;
    const std::string path = r.path("schedule");
    if (v->is_string()) {
        c.expression = v->get<std::string>();
        return;
    }
    if (!v->is_object() || v->empty())
        return problems.add(path, "must be an expression in epoch and lr or a table {\"<epoch>\": <rate>}", show(*v));
    for (const auto& [key, rate] : v->items()) {
        char* end = nullptr;
        const long epoch = std::strtol(key.c_str(), &end, 10);
        if (key.empty() || *end != '\0' || epoch < 0 || epoch > std::numeric_limits<int>::max())
            return problems.add(child(path, key), "the keys must be epochs (0-based whole numbers)", show(key));
        if (!is_float(rate))
            return problems.add(child(path, key), "must be a number (the rate from that epoch on)", show(rate));
        c.table[static_cast<int>(epoch)] = static_cast<float>(rate.get<double>());
    }
}

// A callback's options from its type's table (callback_spec.h).
template <typename Spec>
void read_callback_options(ObjectReader& r, const CallbackType<Spec>& type, Spec& c, Problems& problems) {
    for (const CallbackOption<Spec>& o : type.options) {
        if (o.given) {  // null (Keras' None) or a number; beyond float it would become infinity, written as null
            const json* v = r.find(o.key);
            if (!v) continue;
            if (is_float(*v)) c.*o.given = true, c.*o.number = static_cast<float>(v->get<double>());
            else if (!v->is_null()) problems.add(r.path(o.key), "must be null or a number", show(*v));
        } else if (o.number) r.get(o.key, c.*o.number);
        else if (o.integer) r.get(o.key, c.*o.integer);
        else if (o.flag) r.get(o.key, c.*o.flag);
        else if (o.text) r.get(o.key, c.*o.text);
    }
}

// What a callback table cannot say (callback_spec.h): only LearningRateScheduler's schedule.
template <typename Spec>
void read_by_hand(ObjectReader&, Spec&, Problems&) {}
void read_by_hand(ObjectReader& r, LearningRateSchedulerSpec& c, Problems& problems) {
    r.require("schedule", "an expression in epoch and lr, or a table {\"<epoch>\": <rate>}");
    read_rate_table_or_expression(r, c, problems);
}

void read_callback(const json& value, const std::string& path, CallbackSpecs& out, CallbackPaths& paths, int& last_kind,
                   Problems& problems) {
    if (!is_object_or_report(value, path, "an object with a \"type\"", problems)) return;
    ObjectReader r(value, path, problems);
    const json* t = r.find("type");
    const auto& names = callback_type_names();
    if (!t) return problems.add(child(path, "type"), "required: one of " + quoted_list(names), "nothing");
    const auto it = t->is_string() ? std::find(names.begin(), names.end(), t->get<std::string>()) : names.end();
    if (it == names.end()) return problems.add(child(path, "type"), "must be one of " + quoted_list(names), show(*t));
    const int kind = static_cast<int>(it - names.begin());
    if (kind < last_kind) paths.canonical_order = false;
    last_kind = kind;
    int index = 0;
    for_each_callback_type([&](const auto& type) {
        if (index++ != kind) return;
        auto& c = (out.*type.specs).emplace_back();
        paths.of(type.name).push_back(path);
        read_callback_options(r, type, c, problems);
        read_by_hand(r, c, problems);
    });
    r.finish("the " + *it + " callback");
}

// "sweep": {"<option path>": [values...]}; its keys and values are checked by check_sweep.
void read_sweep(const json& value, json& out, Problems& problems) {
    out = json();
    if (value.is_null() || (value.is_object() && value.empty())) return;
    if (is_object_or_report(value, "sweep", "an object {\"<option path>\": [values...]}", problems)) out = value;
}

void read_section(ObjectReader& top, const char* key, const std::string& what, Problems& problems,
                  const std::function<void(ObjectReader&)>& fields) {
    if (const json* v = top.find(key)) {
        if (!is_object_or_report(*v, key, what, problems)) return;
        ObjectReader r(*v, key, problems);
        fields(r);
        r.finish(std::string("the ") + key + " section");
    }
}

}  // namespace

void read_experiment(const json& j, ExperimentSpec& spec, CallbackPaths& paths, Problems& problems) {
    if (!j.is_object()) return problems.add("(top level)", "must be a JSON object", show(j));
    ObjectReader top(j, "", problems);
    top.get("name", spec.name);
    top.get("description", spec.description);
    read_section(top, "data", "an object", problems, [&](ObjectReader& r) {
        r.get("source", spec.data.source);
        r.get("validation_split", spec.data.validation_split);
        r.get_name("normalization", spec.data.normalization, parse_normalization, {"scale", "standardize", "none"});
    });
    if (const json* v = top.find("model")) read_model(*v, spec.model, problems);
    top.get("loss", spec.loss);
    if (const json* v = top.find("optimizer")) read_optimizer(*v, spec.optimizer, problems);
    read_section(top, "training", "an object", problems, [&](ObjectReader& r) {
        r.get("epochs", spec.training.epochs);
        r.get("batch_size", spec.training.batch_size);
        r.get("shuffle", spec.training.shuffle);
        r.get("seed", spec.training.seed);
        r.get("threads", spec.training.threads);
        r.get("initial_weights", spec.training.initial_weights);
        r.get_name("dtype_policy", spec.training.dtype_policy, parse_dtype_policy, dtype_policy_names());
    });
    if (const json* v = top.find("callbacks")) {
        spec.callbacks = {};
        paths = {};
        int last_kind = 0;
        if (v->is_array())
            for (size_t i = 0; i < v->size(); ++i)
                read_callback((*v)[i], item("callbacks", i), spec.callbacks, paths, last_kind, problems);
        else if (!v->is_null()) problems.add("callbacks", "must be an array of callback objects", show(*v));
    }
    if (const json* v = top.find("sweep")) read_sweep(*v, spec.sweep, problems);
    top.finish("an experiment");
}

}  // namespace mlpw::detail
