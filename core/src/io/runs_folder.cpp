// See runs_folder.h.
#include "mlpw/io/runs_folder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include "mlpw/errors.h"
#include "mlpw/io/run_bundle.h"

namespace mlpw {

namespace fs = std::filesystem;

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

void find_bundles(const fs::path& dir, int depth, const RunsFolderOptions& options, std::vector<std::string>& out) {
    if (is_run_bundle(dir.string())) {
        out.push_back(dir.string());
        return;
    }
    if (depth >= options.max_depth) return;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error))
        if (entry.is_directory(error)) find_bundles(entry.path(), depth + 1, options, out);
}

}  // namespace

bool is_run_bundle(const std::string& dir) {
    std::error_code error;
    return fs::is_regular_file(fs::path(dir) / "experiment.json", error) ||
        fs::is_regular_file(fs::path(dir) / "summary.json", error);
}

bool natural_less(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            const size_t i0 = i, j0 = j;
            while (i < a.size() && is_digit(a[i])) ++i;
            while (j < b.size() && is_digit(b[j])) ++j;
            std::string x = a.substr(i0, i - i0), y = b.substr(j0, j - j0);
            x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
            y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
            if (x.size() != y.size()) return x.size() < y.size();
            if (x != y) return x < y;
            continue;
        }
        if (a[i] != b[j]) return a[i] < b[j];
        ++i, ++j;
    }
    return a.size() - i < b.size() - j;
}

RunsFolder read_runs_folder(const std::string& dir, const RunsFolderOptions& options) {
    std::error_code error;
    if (!fs::is_directory(dir, error)) throw Error(dir + ": not a folder of runs (no such folder)");
    std::vector<std::string> paths;
    find_bundles(dir, 0, options, paths);
    std::sort(paths.begin(), paths.end(), natural_less);
    RunsFolder folder;
    for (const auto& path : paths) {
        try {
            RunRecord record = read_run_bundle(path);
            if (!options.keep_weights) record.best_weights.clear(), record.final_weights.clear();
            folder.runs.push_back({path, std::move(record)});
        } catch (const Error& e) {
            folder.broken.push_back({path, e.what()});
        }
    }
    return folder;
}

}  // namespace mlpw
