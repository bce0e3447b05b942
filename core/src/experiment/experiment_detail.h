#pragma once
// Internal to the experiment_*.cpp files: the problem collector and the steps of experiment_from_json.
//   experiment_read.cpp      JSON -> ExperimentSpec: types, names, unknown keys
//   experiment_validate.cpp  value rules on the spec, check_against_data
//   experiment_write.cpp     ExperimentSpec -> JSON (full or compact)
//   experiment_sweep.cpp     override paths, sweep grids
//   experiment.cpp           the public entry points, load and save
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "mlpw/errors.h"
#include "mlpw/experiment/experiment.h"

namespace mlpw::detail {

// The problems found so far; add() keeps at most one per path (the first, most basic one), so a wrong type
// is not reported again as a wrong value.
class Problems {
public:
    void add(const std::string& path, const std::string& what, const std::string& got);
    void add_anyway(SpecProblem problem);  // even when its path has one (a sweep point's problem)
    bool empty() const { return m_list.empty(); }
    const std::vector<SpecProblem>& list() const { return m_list; }

private:
    std::vector<SpecProblem> m_list;
    std::set<std::string> m_paths;
};

// Where each callback stands in the file ("callbacks[3]"): CallbackSpecs groups them by type.
struct CallbackPaths {
    std::map<std::string, std::vector<std::string>> by_type;  // a type's name -> its instances' paths, in order
    bool canonical_order = true;  // the file lists them in CallbackSpecs' order (what the writer produces)
    static CallbackPaths canonical(const CallbackSpecs& callbacks);
    std::vector<std::string>& of(const std::string& type) { return by_type[type]; }
    // Instance i of `type` is at of(type)[i]: every instance read has its path.
    const std::vector<std::string>& of(const std::string& type) const { return by_type.at(type); }
};

// Values as they appear in messages: 0.3, -5, "relu", {"type":"sgd"} (long JSON cut short).
std::string show(float value);
std::string show(int value);
std::string show(const std::string& value);
std::string show(const nlohmann::json& value);
std::string quoted_list(const std::vector<std::string>& names);  // "a", "b" or "c"

// The JSON number that prints as the float's shortest form (0.001f -> 0.001, not 0.0010000000474974513).
double json_number(float value);

// experiment_read.cpp: reads the keys `json` has over `spec` (the others keep spec's values), reporting wrong
// types, unknown names and keys. A section it has ("optimizer", "model"...) is read whole.
void read_experiment(const nlohmann::json& json, ExperimentSpec& spec, CallbackPaths& paths, Problems& problems);
// experiment_validate.cpp: the value rules (ranges, the softmax ending, callbacks against the data split).
void check_values(const ExperimentSpec& spec, const CallbackPaths& paths, Problems& problems);
// experiment_sweep.cpp: every sweep value, then every grid point, must give a valid experiment.
void check_sweep(const ExperimentSpec& spec, const CallbackPaths& paths, Problems& problems);

// experiment_write.cpp: every option (full), or only those that differ from their defaults (compact: what a
// person would write; sweep values are applied to it, so that e.g. a new optimizer type starts from its own
// defaults).
template <typename Json>
Json write_experiment(const ExperimentSpec& spec, bool compact);

// experiment_sweep.cpp: "model.layers[1].units" -> {"model", "layers", 1, "units"}; false if malformed.
using PathStep = std::variant<std::string, size_t>;
bool parse_path(const std::string& text, std::vector<PathStep>& steps);
// Sets the value at the path, creating objects on the way; throws SpecError naming the path.
void set_path(nlohmann::json& root, const std::string& key_path, const nlohmann::json& value);

}  // namespace mlpw::detail
