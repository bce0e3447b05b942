#pragma once
// An enum's option names as a list in the enum's order: value -> name and name -> value.
#include <string>
#include <vector>

namespace mlpw::detail {

template <typename Enum>
std::string name_of(const std::vector<std::string>& names, Enum value) {
    const auto i = static_cast<size_t>(value);
    return i < names.size() ? names[i] : "unknown";
}

template <typename Enum>
bool value_of(const std::vector<std::string>& names, const std::string& name, Enum& out) {
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) {
            out = static_cast<Enum>(i);
            return true;
        }
    return false;
}

}  // namespace mlpw::detail
