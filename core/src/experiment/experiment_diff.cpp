// Config diff over the experiment files: the full form finds what differs, the compact form (options at their
// defaults left out) shows each value.
#include "mlpw/experiment/experiment_diff.h"

#include <algorithm>
#include <cmath>

#include "experiment/experiment_detail.h"

namespace mlpw {

namespace {

using Json = nlohmann::ordered_json;

// The compact value at the same place, or nullptr (the compact form leaves default options out).
const Json* child(const Json* parent, const std::string& key) {
    if (!parent || !parent->is_object()) return nullptr;
    const auto it = parent->find(key);
    return it == parent->end() ? nullptr : &*it;
}
const Json* child(const Json* parent, size_t index) {
    if (!parent || !parent->is_array() || index >= parent->size()) return nullptr;
    return &(*parent)[index];
}

std::string shown(const Json& value);

// {"type": "sgd", "momentum": 0.9} -> "sgd(momentum=0.9)"; {"l1": 0, "l2": 0.001} -> "(l1=0, l2=0.001)".
std::string shown_object(const Json& object) {
    std::string options;
    for (const auto& [key, value] : object.items()) {
        if (key == "type") continue;
        options += (options.empty() ? "" : ", ") + key + "=" + shown(value);
    }
    const auto type = object.find("type");
    const std::string name = type != object.end() ? shown(*type) : "";
    return options.empty() && !name.empty() ? name : name + "(" + options + ")";
}

std::string shown(const Json& value) {
    if (value.is_null()) return "none";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object()) return shown_object(value);
    if (value.is_array()) {
        std::string items;
        for (const auto& item : value) items += (items.empty() ? "" : ", ") + shown(item);
        return "[" + items + "]";
    }
    if (value.is_number_float() && std::trunc(value.get<double>()) == value.get<double>() &&
        std::fabs(value.get<double>()) < 1e15)
        return std::to_string(static_cast<long long>(value.get<double>()));  // 0.0 -> "0", as units are shown
    return value.dump();  // numbers (the shortest form of the float as written) and booleans
}

// The compact value when the compact form has it, else the full one.
std::string shown(const Json* compact, const Json& full) { return shown(compact ? *compact : full); }

class Differ {
public:
    explicit Differ(const ConfigDiffOptions& options) : m_options(options) {}

    void compare(const Json& a, const Json& b, const Json* ca, const Json* cb, const std::string& path) {
        if (a == b || ignored(path)) return;
        if (a.is_object() && b.is_object() && same_type(a, b)) {
            for (const auto& [key, value] : a.items()) {
                const std::string inner = path.empty() ? key : path + "." + key;
                if (const auto it = b.find(key); it != b.end())
                    compare(value, *it, child(ca, key), child(cb, key), inner);
                else if (!ignored(inner)) add(inner, shown(child(ca, key), value), "none");
            }
            for (const auto& [key, value] : b.items()) {
                const std::string inner = path.empty() ? key : path + "." + key;
                if (!a.contains(key) && !ignored(inner)) add(inner, "none", shown(child(cb, key), value));
            }
            return;
        }
        if (a.is_array() && b.is_array()) {
            for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
                const std::string inner = path + "[" + std::to_string(i) + "]";
                if (i < a.size() && i < b.size()) compare(a[i], b[i], child(ca, i), child(cb, i), inner);
                else if (i < a.size()) add(inner, shown(child(ca, i), a[i]), "none");
                else add(inner, "none", shown(child(cb, i), b[i]));
            }
            return;
        }
        add(path, shown(ca, a), shown(cb, b));
    }

    std::vector<ConfigChange> changes;

private:
    // Objects are compared key by key unless their types differ (then the whole part is one change).
    static bool same_type(const Json& a, const Json& b) {
        const auto ta = a.find("type"), tb = b.find("type");
        if ((ta == a.end()) != (tb == b.end())) return false;
        return ta == a.end() || *ta == *tb;
    }
    bool ignored(const std::string& path) const {
        return std::find(m_options.ignored.begin(), m_options.ignored.end(), path) != m_options.ignored.end();
    }
    void add(const std::string& path, std::string before, std::string after) {
        changes.push_back({path, std::move(before), std::move(after)});
    }

    const ConfigDiffOptions& m_options;
};

}  // namespace

std::string ConfigChange::text() const { return path + ": " + before + " → " + after; }

std::vector<ConfigChange> config_diff(const ExperimentSpec& reference, const ExperimentSpec& other,
                                      const ConfigDiffOptions& options) {
    const Json a = detail::write_experiment<Json>(reference, false), b = detail::write_experiment<Json>(other, false);
    const Json ca = detail::write_experiment<Json>(reference, true), cb = detail::write_experiment<Json>(other, true);
    Differ differ(options);
    differ.compare(a, b, &ca, &cb, "");
    return differ.changes;
}

std::string config_diff_text(const std::vector<ConfigChange>& changes, size_t max_items) {
    const size_t shown_items = max_items == 0 ? changes.size() : std::min(max_items, changes.size());
    std::string text;
    for (size_t i = 0; i < shown_items; ++i) text += (i ? "; " : "") + changes[i].text();
    if (shown_items < changes.size()) text += "; +" + std::to_string(changes.size() - shown_items) + " more";
    return text;
}

}  // namespace mlpw
