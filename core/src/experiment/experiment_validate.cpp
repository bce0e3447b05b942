// The value rules of an experiment (ranges, the softmax ending, callbacks against the data split) and the
// check of a model against the data it will see. Messages: "<path>: <what is allowed>, got <value>".
#include <algorithm>
#include <map>

#include "experiment/experiment_detail.h"

namespace mlpw::detail {
namespace {

std::string at(const std::string& path, const std::string& key) { return path + "." + key; }

void positive_int(Problems& p, const std::string& path, int v) {
    if (v < 1) p.add(path, "must be a positive integer", show(v));
}
void at_least_zero(Problems& p, const std::string& path, int v) {
    if (v < 0) p.add(path, "must be >= 0", show(v));
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

void check_optimizer(Problems& p, const OptimizerSpec& o) {
    for (const auto& key : optimizer_info(o.type).keys) {
        const OptimizerOption& option = optimizer_option(key);
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

void check_callbacks(Problems& p, const CallbackSpecs& c, const CallbackPaths& paths, const DataSpec& data) {
    for (size_t i = 0; i < c.early_stopping.size(); ++i) {
        const auto& s = c.early_stopping[i];
        const std::string& path = paths.early_stopping[i];
        check_monitor(p, path, s.monitor, s.mode, data);
        at_least_zero(p, at(path, "min_delta"), s.min_delta);
        at_least_zero(p, at(path, "patience"), s.patience);
        at_least_zero(p, at(path, "start_from_epoch"), s.start_from_epoch);
    }
    for (size_t i = 0; i < c.early_stopping_threshold.size(); ++i) {
        const auto& s = c.early_stopping_threshold[i];
        const std::string& path = paths.early_stopping_threshold[i];
        check_monitor(p, path, s.monitor, s.mode, data);
        at_least_zero(p, at(path, "min_delta"), s.min_delta);
        at_least_zero(p, at(path, "patience"), s.patience);
    }
    for (size_t i = 0; i < c.stop_at.size(); ++i)
        check_monitor(p, paths.stop_at[i], c.stop_at[i].monitor, c.stop_at[i].mode, data);
    for (size_t i = 0; i < c.model_checkpoint.size(); ++i) {
        const auto& s = c.model_checkpoint[i];
        check_monitor(p, paths.model_checkpoint[i], s.monitor, s.mode, data);
        if (s.filepath.empty())
            p.add(at(paths.model_checkpoint[i], "filepath"), "must name a file such as \"best.mlpw\"",
                  show(s.filepath));
    }
}

}  // namespace

CallbackPaths CallbackPaths::canonical(const CallbackSpecs& c) {
    CallbackPaths paths;
    size_t n = 0;
    auto number = [&n](std::vector<std::string>& out, size_t count) {
        for (size_t i = 0; i < count; ++i) out.push_back("callbacks[" + std::to_string(n++) + "]");
    };
    number(paths.early_stopping, c.early_stopping.size());
    number(paths.early_stopping_threshold, c.early_stopping_threshold.size());
    number(paths.stop_at, c.stop_at.size());
    number(paths.model_checkpoint, c.model_checkpoint.size());
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
    check_callbacks(p, spec.callbacks, paths, spec.data);
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
