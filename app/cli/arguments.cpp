// Argument helpers shared by the mlpw commands.
#include <algorithm>
#include <charconv>

#include "commands.h"
#include "mlpw/errors.h"

namespace mlpw::cli {

std::string take_option(Args& args, const std::string& name, const std::string& fallback) {
    const auto it = std::find(args.begin(), args.end(), name);
    if (it == args.end()) return fallback;
    if (it + 1 == args.end()) throw UsageError(name + ": expected a value after it");
    std::string value = *(it + 1);
    args.erase(it, it + 2);
    return value;
}

std::vector<std::string> take_repeated_option(Args& args, const std::string& name) {
    std::vector<std::string> values;
    while (std::find(args.begin(), args.end(), name) != args.end()) values.push_back(take_option(args, name, {}));
    return values;
}

bool take_flag(Args& args, const std::string& name) {
    const auto it = std::find(args.begin(), args.end(), name);
    if (it == args.end()) return false;
    args.erase(it);
    return true;
}

int to_int(const std::string& text, const std::string& option) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        throw UsageError(option + ": expected an integer, got '" + text + "'");
    return value;
}

void expect_no_more(const Args& args, const std::string& command) {
    if (!args.empty()) throw UsageError("unexpected argument '" + args.front() + "' (see mlpw " + command + " --help)");
}

}  // namespace mlpw::cli
