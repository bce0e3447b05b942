#pragma once
// The mlpw sub-commands. Each takes the arguments after its name and returns the process exit code;
// errors are thrown (mlpw::Error) and reported once by main().
#include <string>
#include <vector>

namespace mlpw::cli {

using Args = std::vector<std::string>;

int bench_command(const Args& args);

// Small argument helpers shared by the commands.
// Returns the value after `--name` (and removes both), or `fallback` when absent.
std::string take_option(Args& args, const std::string& name, const std::string& fallback);
bool take_flag(Args& args, const std::string& name);
int to_int(const std::string& text, const std::string& option);
// Throws when arguments remain that no one understood.
void expect_no_more(const Args& args, const std::string& command);

}  // namespace mlpw::cli
