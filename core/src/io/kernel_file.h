#pragma once
// first_layer.bin of a run bundle: the per-epoch KernelSnapshots in one little-endian binary file
//   "MLPWFLK1", uint32 epochs, uint32 name length, name, uint32 units, uint32 inputs,
//   then per epoch: float32 scale, int8 values {units, inputs}
// (a CSV of 400k numbers per epoch would be 5x larger and slow to read).
#include <string>
#include <vector>

#include "mlpw/training/inspection.h"

namespace mlpw::detail {

// Every snapshot non-empty and of one shape; the bytes of the file.
std::string encode_kernels(const std::vector<KernelSnapshot>& kernels);
// Throws Error naming `path` when the bytes are not such a file of `epochs` snapshots.
std::vector<KernelSnapshot> decode_kernels(const std::string& bytes, const std::string& path, size_t epochs);

}  // namespace mlpw::detail
