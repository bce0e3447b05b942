#pragma once
// The mlpw sub-commands. Each takes the arguments after its name and returns the process exit code;
// errors are thrown (mlpw::Error) and reported once by main(): exit code 1, or 2 for a UsageError.
#include <string>
#include <vector>

#include "mlpw/errors.h"

namespace mlpw::cli {

using Args = std::vector<std::string>;

// The command line itself is wrong (unknown option, missing value): main() exits with status 2.
struct UsageError : Error {
    using Error::Error;
};

// Exit status of a run stopped with Ctrl-C (128 + SIGINT, as shells report it).
constexpr int kExitInterrupted = 130;

int bench_command(const Args& args);
int train_command(const Args& args);
int evaluate_command(const Args& args);
int summary_command(const Args& args);
int sweep_command(const Args& args);
int export_command(const Args& args);
int import_command(const Args& args);
int plot_command(const Args& args);
int predict_command(const Args& args);
int report_command(const Args& args);
int study_command(const Args& args);

// Small argument helpers shared by the commands; they throw UsageError.
// Returns the value after `--name` (and removes both), or `fallback` when absent.
std::string take_option(Args& args, const std::string& name, const std::string& fallback);
// Every value of a repeatable option (`--set a=1 --set b=2`), in order; removes them.
std::vector<std::string> take_repeated_option(Args& args, const std::string& name);
bool take_flag(Args& args, const std::string& name);
int to_int(const std::string& text, const std::string& option);
// Throws when arguments remain that no one understood.
void expect_no_more(const Args& args, const std::string& command);

}  // namespace mlpw::cli
