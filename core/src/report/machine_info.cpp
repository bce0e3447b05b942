// See machine_info.h.
#include "mlpw/report/machine_info.h"

#include <dnnl.h>
#include <unistd.h>

#include <fstream>
#include <thread>

namespace mlpw {

namespace {

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("model name", 0) == 0) {
            const size_t colon = line.find(':');
            return colon == std::string::npos ? "" : line.substr(line.find_first_not_of(' ', colon + 1));
        }
    return "";
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    return in >> a >> b >> c ? a + " " + b + " " + c : "";
}

}  // namespace

MachineInfo machine_info() {
    MachineInfo info;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0) info.hostname = host;
    info.cpu = cpu_model();
    info.cores = static_cast<int>(std::thread::hardware_concurrency());
    info.load = load_average();
    info.mlpw = "MLP Workbench " MLPW_VERSION;
    const dnnl_version_t* v = dnnl_version();
    info.onednn = "oneDNN " + std::to_string(v->major) + "." + std::to_string(v->minor) + "." +
        std::to_string(v->patch) + (v->hash && *v->hash ? std::string(" (") + v->hash + ")" : std::string());
#if defined(__clang__)
    info.compiler = "Clang " __clang_version__;
#elif defined(__GNUC__)
    info.compiler = "GCC " __VERSION__;
#endif
    return info;
}

}  // namespace mlpw
