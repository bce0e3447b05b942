// mlpw: the headless front end. Parses the sub-command and reports errors as one line on stderr.
#include <cstdio>
#include <functional>
#include <map>

#include "commands.h"
#include "mlpw/errors.h"
#include "mlpw/openmp_runtime.h"

namespace {

const char* kUsage =
    "usage: mlpw <command> [options]\n"
    "  bench [--network q4|final] [--epochs N] [--threads T] [--json]   time training on MNIST\n";

}  // namespace

int main(int argc, char** argv) {
    mlpw::limit_openmp_spinning(argv);
    using namespace mlpw::cli;
    const std::map<std::string, std::function<int(const Args&)>> commands = {
        {"bench", bench_command},
    };
    Args args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    const auto command = commands.find(args[0]);
    if (command == commands.end()) {
        std::fprintf(stderr, "mlpw: unknown command '%s'\n%s", args[0].c_str(), kUsage);
        return 2;
    }
    try {
        return command->second(Args(args.begin() + 1, args.end()));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "mlpw %s: %s\n", args[0].c_str(), e.what());
        return 1;
    }
}
