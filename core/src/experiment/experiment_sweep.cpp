// Option paths ("training.batch_size", "model.layers[1].units"), overrides (the CLI's --set) and sweep grids.
#include <algorithm>
#include <cctype>

#include "experiment/experiment_detail.h"
#include "mlpw/errors.h"

namespace mlpw::detail {
namespace {

using nlohmann::json;

constexpr size_t kMaxGridPoints = 10000;

std::string path_text(const std::vector<PathStep>& steps, size_t count) {
    std::string out;
    for (size_t i = 0; i < count; ++i) {
        if (const auto* key = std::get_if<std::string>(&steps[i])) out += (out.empty() ? "" : ".") + *key;
        else out.append("[").append(std::to_string(std::get<size_t>(steps[i]))).append("]");
    }
    return out;
}

// How a sweep value reads in a label: its "name", a type with its options ("sgd(momentum=0.9)"), a scalar.
std::string value_label(const json& v, size_t index) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.contains("name") && v["name"].is_string()) return v["name"].get<std::string>();
    if (v.is_object() && v.contains("type") && v["type"].is_string()) {
        std::string options;
        for (const auto& [key, value] : v.items())
            if (key != "type") options += (options.empty() ? "" : ", ") + key + "=" + value_label(value, 0);
        const std::string text = v["type"].get<std::string>() + (options.empty() ? "" : "(" + options + ")");
        if (text.size() <= 48) return text;
    }
    const std::string text = v.dump();
    return text.size() <= 48 ? text : std::string("#").append(std::to_string(index + 1));
}

struct Axis {
    std::string key;
    const json* values;
};

std::vector<Axis> axes_of(const json& sweep) {
    std::vector<Axis> axes;
    if (sweep.is_object())
        for (const auto& [key, values] : sweep.items()) axes.push_back({key, &values});
    return axes;
}

size_t grid_size(const std::vector<Axis>& axes) {
    size_t n = 1;
    for (const auto& a : axes) n = std::min(n * a.values->size(), kMaxGridPoints + 1);
    return n;
}

// The experiment a sweep starts from: as a person would have written it (the compact JSON, written once per
// sweep) and that JSON read back. A point is the sections its keys fall in, taken from the JSON with the
// point's values written over them, read over a copy of the base spec: the rest of the experiment is neither
// written nor parsed again.
struct Base {
    json text;
    ExperimentSpec spec;
    CallbackPaths paths;
};

Base sweep_base(const ExperimentSpec& spec) {
    Base base;
    base.text = write_experiment<json>(spec, true);
    base.text.erase("sweep");
    Problems none;  // the spec passed check_values: its compact form reads back without problems
    read_experiment(base.text, base.spec, base.paths, none);
    return base;
}

// Writes `value` at `key` into `sections`, starting the key's top-level section from the base's.
void set_in_section(json& sections, const Base& base, const std::string& key, const json& value) {
    const std::string top = key.substr(0, key.find_first_of(".["));
    if (!sections.contains(top)) sections[top] = base.text.contains(top) ? base.text[top] : json();
    set_path(sections, key, value);
}

// Grid point `index` (the last axis varying fastest): the sections with each axis' value written over them.
json grid_point(const Base& base, const std::vector<Axis>& axes, size_t index, std::string& label) {
    json point = json::object();
    std::vector<size_t> choice(axes.size());
    for (size_t a = axes.size(); a-- > 0;) {
        choice[a] = index % axes[a].values->size();
        index /= axes[a].values->size();
    }
    label.clear();
    for (size_t a = 0; a < axes.size(); ++a) {
        const json& value = (*axes[a].values)[choice[a]];
        set_in_section(point, base, axes[a].key, value);
        label += (label.empty() ? "" : ", ") + axes[a].key + "=" + value_label(value, choice[a]);
    }
    return point;
}

// Reads one point's sections over the base and checks the result; its problems, or none.
std::vector<SpecProblem> point_problems(const Base& base, const json& sections, ExperimentSpec* out = nullptr) {
    ExperimentSpec spec = base.spec;
    CallbackPaths paths = base.paths;
    Problems problems;
    read_experiment(sections, spec, paths, problems);
    check_values(spec, paths, problems);
    if (out) *out = std::move(spec);
    return problems.list();
}

// A sweep point's problem, reported at the sweep key: "sweep.training.epochs[0]: training.epochs: must be ...".
SpecProblem inside(const std::string& where, const std::string& prefix, const SpecProblem& p) {
    return {where, prefix + (p.path.empty() ? "" : p.path + ": ") + p.message, p.got};
}

}  // namespace

bool parse_path(const std::string& text, std::vector<PathStep>& steps) {
    steps.clear();
    size_t i = 0;
    while (i < text.size()) {
        if (!steps.empty()) {
            if (text[i] != '.') return false;
            ++i;
        }
        const size_t start = i;
        while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
        if (i == start) return false;
        steps.emplace_back(text.substr(start, i - start));
        while (i < text.size() && text[i] == '[') {
            const size_t digits = ++i;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
            if (i == digits || i - digits > 9 || i >= text.size() || text[i] != ']') return false;
            steps.emplace_back(static_cast<size_t>(std::stoul(text.substr(digits, i - digits))));
            ++i;
        }
    }
    return !steps.empty();
}

void set_path(json& root, const std::string& key_path, const json& value) {
    std::vector<PathStep> steps;
    if (!parse_path(key_path, steps))
        throw SpecError(key_path +
                        ": must be an option path, keys separated by dots with [index] into lists, such "
                        "as training.batch_size or model.layers[1].units, got " +
                        show(json(key_path)));
    json* node = &root;
    for (size_t i = 0; i < steps.size(); ++i) {
        const std::string here = i == 0 ? std::string("(top level)") : path_text(steps, i);
        if (const auto* key = std::get_if<std::string>(&steps[i])) {
            if (node->is_null()) *node = json::object();
            if (node->is_string()) *node = json{{"type", node->get<std::string>()}};  // "adam" = {"type": "adam"}
            if (!node->is_object())
                throw SpecError(here + ": must be an object to set \"" + *key + "\" in it, got " + show(*node));
            node = &(*node)[*key];
        } else {
            const size_t index = std::get<size_t>(steps[i]);
            if (!node->is_array())
                throw SpecError(here + ": must be a list to take [" + std::to_string(index) + "], got " + show(*node));
            if (index > node->size())
                throw SpecError(path_text(steps, i + 1) + ": no such entry, the list has " +
                                std::to_string(node->size()) + " (index " + std::to_string(node->size()) +
                                " appends), got index " + std::to_string(index));
            if (index == node->size()) node->push_back(nullptr);
            node = &(*node)[index];
        }
    }
    *node = value;
}

void check_sweep(const ExperimentSpec& spec, const CallbackPaths& paths, Problems& problems) {
    if (spec.sweep.is_null()) return;
    if (!spec.sweep.is_object())
        return problems.add("sweep", "must be an object {\"<option path>\": [values...]}", show(spec.sweep));
    static const std::set<std::string> sweepable{"name", "description", "data",     "model",
                                                 "loss", "optimizer",   "training", "callbacks"};
    for (const auto& [key, values] : spec.sweep.items()) {
        std::vector<PathStep> steps;
        if (!parse_path(key, steps) || !std::holds_alternative<std::string>(steps.front()) ||
            !sweepable.count(std::get<std::string>(steps.front())))
            problems.add("sweep." + key,
                         "the key must be an option path such as training.batch_size or model.layers[1].units",
                         show(json(key)));
        else if (!values.is_array() || values.empty())
            problems.add("sweep." + key, "must be a non-empty array of values", show(values));
    }
    if (!problems.empty()) return;  // the points would repeat the base's problems
    const auto axes = axes_of(spec.sweep);
    const Base base = sweep_base(spec);
    bool values_fine = true;
    for (const auto& axis : axes) {
        if (!paths.canonical_order && axis.key.rfind("callbacks", 0) == 0) {
            problems.add(
                "sweep." + axis.key,
                "sweep paths number callbacks in the order early_stopping, early_stopping_threshold, "
                "stop_at, model_checkpoint, reduce_lr_on_plateau, learning_rate_scheduler; list the callbacks in "
                "that order",
                "another order");
            values_fine = false;
            continue;
        }
        for (size_t i = 0; i < axis.values->size(); ++i) {
            const std::string where = "sweep." + axis.key + "[" + std::to_string(i) + "]";
            json point = json::object();
            try {
                set_in_section(point, base, axis.key, (*axis.values)[i]);
            } catch (const SpecError& e) {
                problems.add_anyway({where, e.what(), ""});
                values_fine = false;
                continue;
            }
            for (const auto& p : point_problems(base, point)) {
                problems.add_anyway(inside(where, "", p));
                values_fine = false;
            }
        }
    }
    if (!values_fine) return;
    const size_t n = grid_size(axes);
    if (n > kMaxGridPoints)
        return problems.add("sweep", "must give at most " + std::to_string(kMaxGridPoints) + " grid points",
                            "more than that");
    for (size_t k = 0; k < n; ++k) {
        std::string label;
        try {
            const json point = grid_point(base, axes, k, label);
            for (const auto& p : point_problems(base, point))
                problems.add_anyway(inside("sweep", "grid point {" + label + "}: ", p));
        } catch (const SpecError& e) {
            problems.add_anyway({"sweep", "grid point " + std::to_string(k + 1) + ": " + e.what(), ""});
        }
    }
}

}  // namespace mlpw::detail

namespace mlpw {

std::optional<LayerField> layer_field(const std::string& path) {
    std::vector<detail::PathStep> steps;
    if (!detail::parse_path(path, steps) || steps.size() < 3 || steps[0] != detail::PathStep("model") ||
        steps[1] != detail::PathStep("layers") || !std::holds_alternative<size_t>(steps[2]))
        return std::nullopt;
    LayerField out{std::get<size_t>(steps[2]), ""};
    for (size_t i = 3; i < steps.size(); ++i) {
        if (const auto* key = std::get_if<std::string>(&steps[i])) out.field += (out.field.empty() ? "" : ".") + *key;
        else out.field.append("[").append(std::to_string(std::get<size_t>(steps[i]))).append("]");
    }
    return out;
}

nlohmann::json apply_override(nlohmann::json json, const std::string& key_path, const std::string& value) {
    nlohmann::json parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) parsed = value;  // not JSON: a bare string such as relu
    detail::set_path(json, key_path, parsed);
    return json;
}

std::vector<SweepPoint> expand_sweep(const ExperimentSpec& spec) {
    if (spec.sweep.is_null() || (spec.sweep.is_object() && spec.sweep.empty())) return {SweepPoint{"", spec}};
    // Also checks the sweep's shape and every point, so the grid below is sound.
    const auto problems = validate_experiment(spec);
    if (!problems.empty()) throw SpecError("experiment \"" + spec.name + "\"", problems);
    const auto axes = detail::axes_of(spec.sweep);
    const size_t n = detail::grid_size(axes);
    const detail::Base base = detail::sweep_base(spec);
    std::vector<SweepPoint> points;
    for (size_t k = 0; k < n; ++k) {
        SweepPoint point;
        const nlohmann::json j = detail::grid_point(base, axes, k, point.label);
        const auto point_problems = detail::point_problems(base, j, &point.spec);
        if (!point_problems.empty()) throw SpecError("sweep point {" + point.label + "}", point_problems);
        points.push_back(std::move(point));
    }
    return points;
}

}  // namespace mlpw
