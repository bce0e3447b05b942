#pragma once
// Writes image sets as IDX files (the layout load_idx reads, see idx_reader.cpp), uncompressed.
#include <string>

#include "mlpw/data/dataset.h"

namespace mlpw {

// images_path: magic 0x00000803, {count, rows, cols}, pixels; labels_path: magic 0x00000801, {count}, labels.
// Each file is replaced atomically (the images first); throws DatasetError naming the file that failed.
void write_idx(const ImageSet& set, const std::string& images_path, const std::string& labels_path);

}  // namespace mlpw
