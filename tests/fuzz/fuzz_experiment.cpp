// libFuzzer target: the experiment reader and validator (experiment_from_json, core/src/experiment_*.cpp)
// on JSON text, as load_experiment reads a file.
// Contract: text that is not JSON is refused by the parser; JSON is either refused with a SpecError naming the
// origin, or gives a spec whose resolved form, written as text and read back (save_experiment then
// load_experiment), is an equal spec, that validates clean, and whose data check and sweep grid run.
#include <nlohmann/json.hpp>

#include "fuzz_check.h"
#include "mlpw/errors.h"
#include "mlpw/experiment/experiment.h"

using mlpw::fuzz::require;
using mlpw::fuzz::starts_with;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto json = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return 0;

    const std::string origin = "fuzz.json";
    mlpw::ExperimentSpec spec;
    try {
        spec = mlpw::experiment_from_json(json, origin);
    } catch (const mlpw::SpecError& e) {
        require(starts_with(e.what(), origin), "the message does not name the origin", e.what());
        return 0;
    }
    const std::string resolved = mlpw::experiment_to_json(spec).dump();
    try {
        require(mlpw::experiment_from_json(nlohmann::json::parse(resolved), origin) == spec,
                "the resolved form reads back different", resolved);
    } catch (const mlpw::SpecError& e) {
        require(false, "the resolved form of a valid spec is refused", e.what());
    }
    const auto problems = mlpw::validate_experiment(spec);
    require(problems.empty(), "a spec read without problems does not validate",
            problems.empty() ? std::string() : problems[0].text());
    mlpw::check_against_data(spec, mlpw::DataShape{});
    try {
        require(!mlpw::expand_sweep(spec).empty(), "an empty sweep grid");
    } catch (const mlpw::SpecError& e) {
        require(false, "a validated sweep does not expand", e.what());
    }
    return 0;
}
