// The share folder next to the running executable (Linux: /proc/self/exe).
#include "mlpw/io/share_dir.h"

#include <filesystem>
#include <system_error>

namespace mlpw {

std::string share_dir() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    return (exe.parent_path().parent_path() / "share" / "mlp-workbench").lexically_normal().string();
}

}  // namespace mlpw
