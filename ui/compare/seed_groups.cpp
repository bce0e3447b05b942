#include "compare/seed_groups.h"

#include <map>

#include "run/run_store.h"

std::string settings_key(const mlpw::ExperimentSpec& spec) {
    nlohmann::json json = mlpw::experiment_to_json(spec);
    for (const char* key : {"name", "description", "sweep"}) json.erase(key);
    if (json.contains("training")) json["training"].erase("seed");
    return json.dump();
}

std::vector<QList<int>> seed_groups(const RunStore& store, bool grouped) {
    std::vector<QList<int>> groups;
    std::map<std::string, size_t> byKey;
    for (int i = 0; i < store.size(); ++i) {
        if (!grouped) {
            groups.push_back({i});
            continue;
        }
        const auto [it, added] = byKey.emplace(settings_key(store.at(i)->experiment), groups.size());
        if (added) groups.emplace_back();
        groups[it->second].append(i);
    }
    return groups;
}
