// --experiment FILE, --set key.path=value, --epochs N, --threads T.
#include "experiment_input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mlpw/io/model_io.h"

namespace mlpw::cli {
namespace {

nlohmann::json read_json_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw SpecError(path + ": is a folder, expected an experiment file (JSON)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SpecError(path + ": cannot open the experiment file (" + std::strerror(errno) + ")");
    std::stringstream text;
    text << in.rdbuf();
    if (in.bad()) throw SpecError(path + ": cannot read the experiment file");
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
        std::string what = e.what();  // "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
        if (const auto end = what.find("] "); what.rfind("[json.exception", 0) == 0 && end != std::string::npos)
            what.erase(0, end + 2);
        throw SpecError(path + ": not valid JSON: " + what);
    }
}

}  // namespace

ExperimentInput take_experiment_input(Args& args, const std::string& command, bool threads) {
    ExperimentInput input;
    input.path = take_option(args, "--experiment", "");
    if (input.path.empty()) throw UsageError("missing --experiment FILE (see mlpw " + command + " --help)");
    input.overrides = take_overrides(args, threads);
    return input;
}

std::vector<std::string> take_overrides(Args& args, bool threads) {
    std::vector<std::string> overrides = take_repeated_option(args, "--set");
    for (const auto& text : overrides)
        if (text.find('=') == std::string::npos || text.front() == '=')
            throw UsageError("--set: expected key.path=value (e.g. training.batch_size=64), got '" + text + "'");
    // The shortcuts are checked here so a typo is a usage error, and applied last so they win over --set.
    const std::string epochs = take_option(args, "--epochs", "");
    if (!epochs.empty()) overrides.push_back("training.epochs=" + std::to_string(to_int(epochs, "--epochs")));
    if (threads) {
        const std::string count = take_option(args, "--threads", "");
        if (!count.empty()) overrides.push_back("training.threads=" + std::to_string(to_int(count, "--threads")));
    }
    return overrides;
}

namespace {

// Applies the overrides in order and validates; errors name `path` (the file the JSON came from).
ExperimentSpec with_overrides(nlohmann::json json, const std::string& path, const std::vector<std::string>& overrides) {
    for (const auto& text : overrides) {
        const size_t equals = text.find('=');
        try {
            json = apply_override(std::move(json), text.substr(0, equals), text.substr(equals + 1));
        } catch (const SpecError& e) {
            throw SpecError(path + ": --set " + text + ": " + e.what());
        }
    }
    const std::string origin = overrides.empty() ? path : path + " (with the overrides)";
    return experiment_from_json(json, origin);
}

}  // namespace

ExperimentSpec load_experiment_input(const ExperimentInput& input) {
    return with_overrides(read_json_file(input.path), input.path, input.overrides);
}

ExperimentSpec load_model_experiment(const std::string& model_path, const std::vector<std::string>& overrides) {
    nlohmann::json json = experiment_to_json(load_model(model_path).experiment);
    json["training"]["initial_weights"] = model_path;
    return with_overrides(std::move(json), model_path, overrides);
}

}  // namespace mlpw::cli
