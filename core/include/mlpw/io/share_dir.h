#pragma once
// Where the programs find their files, with no path compiled in: beside the executable. Installed, that is
// <prefix>/bin/mlpw and <prefix>/share/mlp-workbench/{presets,...}; built, build/bin/mlpw and
// build/share/mlp-workbench/, whose entries CMake links to the source tree (resources/CMakeLists.txt).
#include <string>

namespace mlpw {

// <folder of the running executable>/../share/mlp-workbench, normalised; "" when the executable is unknown.
std::string share_dir();

}  // namespace mlpw
