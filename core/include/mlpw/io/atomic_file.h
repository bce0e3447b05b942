#pragma once
// Whole-file writes that never leave a partial file: the parts go to a temp file beside the target, are
// flushed to disk, and the temp file is renamed over the target (a reader or a crash sees the old file or
// the new one). Used for experiments, model files and run bundles.
#include <initializer_list>
#include <string>
#include <string_view>
#include <system_error>

namespace mlpw {

// Returns the OS error (the temp file is removed), or an empty error_code on success.
std::error_code write_file_atomically(const std::string& path, std::initializer_list<std::string_view> parts);

}  // namespace mlpw
