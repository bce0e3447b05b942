// Experiment files: load, validate, save. The format (docs/experiment-format.md has every option):
//
//   {
//     "name": "baseline", "description": "784-512-10 ReLU, Adam, batch 32, 5 epochs",
//     "data": {"source": "mnist", "validation_split": 0.25, "normalization": "scale"},
//     "model": {"name": "sequential", "layers": [
//        {"type": "flatten"},
//        {"type": "dense", "units": 512, "activation": "relu", "kernel_initializer": "glorot_uniform",
//         "bias_initializer": "zeros", "kernel_regularizer": {"l1": 0.0, "l2": 0.001}, "use_bias": true},
//        {"type": "leaky_relu", "negative_slope": 0.3},
//        {"type": "dropout", "rate": 0.3},
//        {"type": "batch_normalization", "momentum": 0.99, "epsilon": 0.001},
//        {"type": "activation", "activation": "relu"},
//        {"type": "dense", "units": 10, "activation": "softmax"}]},
//     "loss": "categorical_crossentropy",
//     "optimizer": {"type": "adam", "learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999},  // or "adam"
//     "training": {"epochs": 5, "batch_size": 32, "shuffle": true, "seed": 13, "threads": 0,
//                  "initial_weights": "model.mlpw",  // optional: start from a model file's weights
//                  "dtype_policy": "float32"},       // or "mixed_bfloat16" (Keras' mixed precision policy)
//     "callbacks": [{"type": "early_stopping", "monitor": "val_loss", "patience": 3, "min_delta": 0.001,
//                    "restore_best_weights": true}],
//     "sweep": {"optimizer": [{"type": "adam"}, {"type": "sgd", "momentum": 0.9}],
//               "training.batch_size": [32, 64, 128]}
//   }
//
// Keys and defaults are tf.keras 2's. A missing section or option takes its default; an optimizer starts from
// its own type's defaults (SGD: learning_rate 0.01). Unknown keys, options of another type, wrong types and
// values out of range are errors, all reported together, one per line: "<path>: <what is allowed>, got <value>".
// A sweep maps option paths (as for --set) to lists of values; the runs are the grid of all combinations.

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "experiment/enum_names.h"
#include "experiment/experiment_detail.h"
#include "mlpw/errors.h"
#include "mlpw/experiment/float_text.h"
#include "mlpw/io/atomic_file.h"

namespace mlpw {

std::string to_string(Normalization n) {
    switch (n) {
        case Normalization::scale: return "scale";
        case Normalization::standardize: return "standardize";
        case Normalization::none: return "none";
    }
    return "unknown";
}

bool parse_normalization(const std::string& name, Normalization& out) {
    for (Normalization n : {Normalization::scale, Normalization::standardize, Normalization::none})
        if (name == to_string(n)) {
            out = n;
            return true;
        }
    return false;
}

const std::vector<std::string>& dtype_policy_names() {
    static const std::vector<std::string> names{"float32", "mixed_bfloat16"};  // in DTypePolicy's order
    return names;
}
std::string to_string(DTypePolicy policy) { return detail::name_of(dtype_policy_names(), policy); }
bool parse_dtype_policy(const std::string& name, DTypePolicy& out) {
    return detail::value_of(dtype_policy_names(), name, out);
}

namespace detail {

void Problems::add(const std::string& path, const std::string& what, const std::string& got) {
    if (m_paths.insert(path).second) m_list.push_back({path, what, got});
}

void Problems::add_anyway(SpecProblem problem) { m_list.push_back(std::move(problem)); }

std::string show(float value) { return shortest_text(value); }

std::string show(int value) { return std::to_string(value); }
std::string show(const std::string& value) { return nlohmann::json(value).dump(); }

std::string show(const nlohmann::json& value) {
    std::string text = value.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += "\"" + names[i] + "\"";
    }
    return out;
}

double json_number(float value) { return as_written(value); }

}  // namespace detail

ExperimentSpec experiment_from_json(const nlohmann::json& json, const std::string& origin) {
    ExperimentSpec spec;
    detail::CallbackPaths paths;
    detail::Problems problems;
    detail::read_experiment(json, spec, paths, problems);
    detail::check_values(spec, paths, problems);
    detail::check_sweep(spec, paths, problems);
    if (!problems.empty()) throw SpecError(origin, problems.list());
    return spec;
}

std::vector<SpecProblem> validate_experiment(const ExperimentSpec& spec) {
    const auto paths = detail::CallbackPaths::canonical(spec.callbacks);
    detail::Problems problems;
    detail::check_values(spec, paths, problems);
    detail::check_sweep(spec, paths, problems);
    return problems.list();
}

ExperimentSpec load_experiment(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SpecError(path + ": cannot open the experiment file (" + std::strerror(errno) + ")");
    std::stringstream text;
    text << in.rdbuf();
    if (in.bad()) throw SpecError(path + ": cannot read the experiment file");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
        throw SpecError(path + ": not valid JSON: " + e.what());
    }
    return experiment_from_json(json, path);
}

void save_experiment(const ExperimentSpec& spec, const std::string& path) {
    const std::string text = detail::write_experiment<nlohmann::ordered_json>(spec, false).dump(2) + "\n";
    if (const auto error = write_file_atomically(path, {text}))
        throw SpecError(path + ": cannot write the experiment file (" + error.message() + ")");
}

}  // namespace mlpw
