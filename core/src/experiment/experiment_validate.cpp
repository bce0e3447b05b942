// The value rules of an experiment (ranges, the softmax ending, callbacks against the data split) and the
// check of a model against the data it will see. Messages: "<path>: <what is allowed>, got <value>".
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>

#include "experiment/experiment_detail.h"
#include "mlpw/experiment/layer_options.h"
#include "mlpw/experiment/rate_expression.h"

namespace mlpw::detail {
namespace {

std::string at(const std::string& path, const std::string& key) { return path + "." + key; }

void positive_int(Problems& p, const std::string& path, int v) {
    if (v < 1) p.add(path, "must be a positive integer", show(v));
}
void in(Problems& p, const std::string& path, float v, Range range) {
    if (!in_range(v, range)) p.add(path, range_text(range), show(v));
}
void at_least_zero(Problems& p, const std::string& path, float v) { in(p, path, v, Range::non_negative); }
void above_zero(Problems& p, const std::string& path, float v) { in(p, path, v, Range::positive); }
void unit_interval(Problems& p, const std::string& path, float v) { in(p, path, v, Range::unit_interval); }

void check_initializer(Problems& p, const std::string& path, const InitializerSpec& init) {
    if (init.type == InitializerType::random_normal) above_zero(p, at(path, "stddev"), init.stddev);
    if (init.type == InitializerType::random_uniform && !(init.maxval > init.minval))
        p.add(at(path, "maxval"), "must be greater than minval (" + show(init.minval) + ")", show(init.maxval));
}

void check_activation_params(Problems& p, const std::string& path, const LayerSpec& layer) {
    if (layer.activation == ActivationFn::leaky_relu || layer.type == LayerType::leaky_relu)
        at_least_zero(p, at(path, "negative_slope"), layer.negative_slope);
}

// The rows of the layer options table (layer_options.h) that apply to the layer: numbers against their interval,
// indices against their choices.
void check_layer_options(Problems& p, const std::string& path, const LayerSpec& layer) {
    LayerSpec l = layer;  // the accessors hand out fields of a spec they may fill in
    for (const LayerOption& o : layer_options()) {
        if (!o.applies(l)) continue;
        const std::optional<float> v = o.number ? std::optional<float>(*o.number(l))
            : o.optional                        ? *o.optional(l)
                                                : std::nullopt;
        if (v && !o.allowed.contains(*v)) p.add(at(path, o.key), o.allowed.text(), show(*v));
        if (o.shape == LayerOptionShape::index && (o.choice(l) < 0 || size_t(o.choice(l)) >= o.choices().size()))
            p.add(at(path, o.key), o.rule, show(o.choice(l)));
    }
}

std::string describe_end(const LayerSpec& layer) {
    if (layer.type == LayerType::dense || layer.type == LayerType::activation)
        return "a " + to_string(layer.type) + " layer with activation \"" + to_string(layer.activation) + "\"";
    return "a " + to_string(layer.type) + " layer";
}

void check_model(Problems& p, const ModelSpec& model) {
    const auto names = layer_names(model);
    std::map<std::string, size_t> first_with_name;
    bool any_dense = false;
    for (size_t i = 0; i < model.layers.size(); ++i) {
        const LayerSpec& layer = model.layers[i];
        const std::string path = "model.layers[" + std::to_string(i) + "]";
        switch (layer.type) {
            case LayerType::dense:
                any_dense = true;
                positive_int(p, at(path, "units"), layer.units);
                check_initializer(p, at(path, "kernel_initializer"), layer.kernel_initializer);
                check_initializer(p, at(path, "bias_initializer"), layer.bias_initializer);
                at_least_zero(p, at(path, "kernel_regularizer.l1"), layer.kernel_regularizer.l1);
                at_least_zero(p, at(path, "kernel_regularizer.l2"), layer.kernel_regularizer.l2);
                break;
            case LayerType::dropout: unit_interval(p, at(path, "rate"), layer.rate); break;
            case LayerType::batch_normalization:
                unit_interval(p, at(path, "momentum"), layer.momentum);
                above_zero(p, at(path, "epsilon"), layer.epsilon);
                break;
            default: break;
        }
        check_layer_options(p, path, layer);
        if (layer.type == LayerType::elastic_deformation && i > 0 &&
            std::any_of(model.layers.begin(), model.layers.begin() + static_cast<long>(i),
                        [](const LayerSpec& l) { return l.type == LayerType::elastic_deformation; }))
            p.add(path, "one elastic_deformation layer at most (raise its alpha instead)", "a second one");
        if (is_augmentation(layer.type) && i > 0 && !is_augmentation(model.layers[i - 1].type))
            p.add(path,
                  "an augmentation layer must come first, before flatten and every other layer (it transforms the "
                  "image)",
                  "after a " + to_string(model.layers[i - 1].type) + " layer");
        check_activation_params(p, path, layer);
        const auto [it, inserted] = first_with_name.emplace(names[i], i);
        if (!inserted)
            p.add(at(path, "name"),
                  "must be unique (model.layers[" + std::to_string(it->second) + "] is also called that)",
                  show(names[i]));
    }
    if (!any_dense) {
        p.add("model.layers", "must contain at least one dense layer",
              model.layers.empty() ? "no layers" : std::to_string(model.layers.size()) + " layers and no dense one");
        return;
    }
    const LayerSpec& last = model.layers.back();
    const bool softmax_end = (last.type == LayerType::dense || last.type == LayerType::activation) &&
        last.activation == ActivationFn::softmax;
    if (!softmax_end)
        p.add("model.layers[" + std::to_string(model.layers.size() - 1) + "]",
              "the model must end in softmax (a dense layer with activation \"softmax\", or an activation layer "
              "\"softmax\"), since categorical_crossentropy compares class probabilities",
              describe_end(last));
}

void check_schedule(Problems& p, const std::string& path, const LearningRateSchedule& s) {
    for (const auto& key : schedule_info(s.type).keys) {
        const ScheduleOption& option = schedule_option(key);
        if (!option.number) continue;
        const float v = s.*option.number;
        in(p, at(path, key), v, option.range);
        if (option.integer && v != std::floor(v)) p.add(at(path, key), "must be a whole number of steps", show(v));
    }
    if (s.type == ScheduleType::cosine_decay && s.warmup_target > 0.0f && !(s.warmup_steps > 0.0f))
        p.add(at(path, "warmup_steps"), "must be > 0 when warmup_target is set", show(s.warmup_steps));
    if (s.type != ScheduleType::piecewise_constant_decay) return;
    if (s.values.size() != s.boundaries.size() + 1)
        p.add(at(path, "values"),
              "must have one more entry than boundaries (" + std::to_string(s.boundaries.size()) + ")",
              std::to_string(s.values.size()) + " values");
    for (size_t i = 1; i < s.boundaries.size(); ++i)
        if (!(s.boundaries[i] > s.boundaries[i - 1]))
            p.add(at(path, "boundaries"), "must be strictly increasing",
                  show(float(s.boundaries[i - 1])) + " then " + show(float(s.boundaries[i])));
    for (const float v : s.values) in(p, at(path, "values"), v, Range::non_negative);
}

void check_optimizer(Problems& p, const OptimizerSpec& o) {
    for (const auto& key : optimizer_info(o.type).keys) {
        const OptimizerOption& option = optimizer_option(key);
        if (key == "learning_rate" && o.schedule.type != ScheduleType::constant) {
            check_schedule(p, "optimizer.learning_rate", o.schedule);
            continue;
        }
        if (option.number) in(p, "optimizer." + key, o.*option.number, option.range);
    }
    if (o.clipnorm > 0.0f && o.clipvalue > 0.0f)
        p.add("optimizer.clipvalue", "cannot be set together with clipnorm (" + show(o.clipnorm) + "); set one to 0",
              show(o.clipvalue));
}

// monitor and mode of any callback; a val_* monitor needs a validation split.
void check_monitor(Problems& p, const std::string& path, const std::string& monitor, const std::string& mode,
                   const DataSpec& data) {
    const auto& monitors = monitor_names();
    const auto& modes = mode_names();
    if (std::find(monitors.begin(), monitors.end(), monitor) == monitors.end())
        p.add(at(path, "monitor"), "must be one of " + quoted_list(monitors), show(monitor));
    else if (monitor.rfind("val_", 0) == 0 && !(data.validation_split > 0.0f))
        p.add(at(path, "monitor"),
              "needs a validation set: set data.validation_split above 0 or monitor \"" + monitor.substr(4) + "\"",
              show(monitor) + " with validation_split " + show(data.validation_split));
    if (std::find(modes.begin(), modes.end(), mode) == modes.end())
        p.add(at(path, "mode"), "must be one of " + quoted_list(modes), show(mode));
}

// A callback that sets the rate cannot work on a schedule (Keras: "This optimizer was created with a
// LearningRateSchedule object as its learning_rate ... cannot be set").
void check_rate_setter(Problems& p, const std::string& path, const OptimizerSpec& optimizer) {
    if (optimizer.schedule.type != ScheduleType::constant)
        p.add(at(path, "type"),
              "sets the learning rate, which is a " + std::string(schedule_info(optimizer.schedule.type).name) +
                  " schedule here; give optimizer.learning_rate a number or drop this callback",
              show(std::string(path)));
}

// A callback's options from its type's table (callback_spec.h): monitor and mode, then the ranges.
template <typename Spec>
void check_callback_options(Problems& p, const std::string& path, const CallbackType<Spec>& type, const Spec& s,
                            const DataSpec& data) {
    const std::string *monitor = nullptr, *mode = nullptr;
    for (const CallbackOption<Spec>& o : type.options) {
        if (o.text && std::string_view(o.key) == "monitor") monitor = &(s.*o.text);
        if (o.text && std::string_view(o.key) == "mode") mode = &(s.*o.text);
    }
    if (monitor && mode) check_monitor(p, path, *monitor, *mode, data);
    for (const CallbackOption<Spec>& o : type.options) {
        if (o.range == Range::any) continue;
        if (o.number && (!o.given || s.*o.given)) in(p, at(path, o.key), s.*o.number, o.range);
        if (o.integer && !in_range(float(s.*o.integer), o.range))
            p.add(at(path, o.key), range_text(o.range), show(s.*o.integer));
    }
}

// What the tables cannot say.
template <typename Spec>
void check_by_hand(Problems&, const std::string&, const Spec&, const ExperimentSpec&) {}
void check_by_hand(Problems& p, const std::string& path, const ModelCheckpointSpec& s, const ExperimentSpec&) {
    if (s.filepath.empty()) p.add(at(path, "filepath"), "must name a file such as \"best.mlpw\"", show(s.filepath));
}
void check_by_hand(Problems& p, const std::string& path, const ReduceLROnPlateauSpec& s, const ExperimentSpec& spec) {
    if (!(s.factor > 0.0f && s.factor < 1.0f))
        p.add(at(path, "factor"), "must be in (0, 1) (Keras: ReduceLROnPlateau does not support a factor >= 1.0)",
              show(s.factor));
    check_rate_setter(p, path, spec.optimizer);
}
void check_by_hand(Problems& p, const std::string& path, const LearningRateSchedulerSpec& s,
                   const ExperimentSpec& spec) {
    std::string error;
    if (s.table.empty() && !RateExpression::parse(s.expression, error))
        p.add(at(path, "schedule"), "must be an expression in epoch and lr (" + error + ")", show(s.expression));
    for (const auto& [epoch, rate] : s.table)
        if (!(rate > 0.0f)) p.add(at(path, "schedule." + std::to_string(epoch)), "must be > 0", show(rate));
    check_rate_setter(p, path, spec.optimizer);
}

void check_callbacks(Problems& p, const CallbackPaths& paths, const ExperimentSpec& spec) {
    for_each_callback_type([&](const auto& type) {
        const auto& instances = spec.callbacks.*type.specs;
        for (size_t i = 0; i < instances.size(); ++i) {
            const std::string& path = paths.of(type.name).at(i);
            check_callback_options(p, path, type, instances[i], spec.data);
            check_by_hand(p, path, instances[i], spec);
        }
    });
}

}  // namespace

CallbackPaths CallbackPaths::canonical(const CallbackSpecs& c) {
    CallbackPaths paths;
    size_t n = 0;
    for_each_callback_type([&](const auto& type) {
        std::vector<std::string>& out = paths.of(type.name);
        for (size_t i = 0; i < (c.*type.specs).size(); ++i) out.push_back("callbacks[" + std::to_string(n++) + "]");
    });
    return paths;
}

void check_values(const ExperimentSpec& spec, const CallbackPaths& paths, Problems& p) {
    if (spec.data.source.empty())
        p.add("data.source", "must be \"mnist\", \"fashion_mnist\" or a folder of IDX files", show(spec.data.source));
    unit_interval(p, "data.validation_split", spec.data.validation_split);
    check_model(p, spec.model);
    if (spec.loss != "categorical_crossentropy")
        p.add("loss", "must be \"categorical_crossentropy\" (the loss the workbench trains)", show(spec.loss));
    check_optimizer(p, spec.optimizer);
    positive_int(p, "training.epochs", spec.training.epochs);
    positive_int(p, "training.batch_size", spec.training.batch_size);
    if (spec.training.threads < 0)
        p.add("training.threads", "must be >= 0 (0: automatic)", show(spec.training.threads));
    check_callbacks(p, paths, spec);
}

}  // namespace mlpw::detail

namespace mlpw {

std::vector<SpecProblem> check_against_data(const ExperimentSpec& spec, const DataShape& shape) {
    detail::Problems p;
    if (shape.input_features < 1)
        p.add("data", "the data set must have at least one input feature",
              std::to_string(shape.input_features) + " features");
    if (shape.num_classes < 2)
        p.add("data", "the data set must have at least two classes", std::to_string(shape.num_classes) + " classes");
    // The first layer (flatten or dense) takes the data's features as they come; the last dense layer must give
    // one output per class.
    const auto& layers = spec.model.layers;
    for (size_t i = layers.size(); i-- > 0;) {
        if (layers[i].type != LayerType::dense) continue;
        if (layers[i].units != shape.num_classes)
            p.add_anyway({"model.layers[" + std::to_string(i) + "].units",
                          "the last Dense layer has " + std::to_string(layers[i].units) +
                              " units but the data set has " + std::to_string(shape.num_classes) +
                              " classes; set units to " + std::to_string(shape.num_classes),
                          ""});
        break;
    }
    return p.list();
}

}  // namespace mlpw
