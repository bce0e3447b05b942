#pragma once
// What a report says about where its runs were made and read: this machine, the libraries, the program.
#include <string>

namespace mlpw {

struct MachineInfo {
    std::string hostname;
    std::string cpu;       // /proc/cpuinfo's "model name", "" when unknown
    int cores = 0;         // std::thread::hardware_concurrency
    std::string load;      // /proc/loadavg's first three fields, "" when unknown
    std::string mlpw;      // "MLP Workbench 0.x"
    std::string onednn;    // "oneDNN 2.6.0 (commit ...)"
    std::string compiler;  // "GCC 12.2.0"
};
MachineInfo machine_info();

}  // namespace mlpw
