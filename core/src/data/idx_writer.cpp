// IDX files: a big-endian header of magic and dimensions, then the unsigned bytes (see idx_writer.h).
#include "mlpw/data/idx_writer.h"

#include <cstdint>
#include <initializer_list>

#include "mlpw/errors.h"
#include "mlpw/io/atomic_file.h"

namespace mlpw {
namespace {

std::string header(uint32_t magic, std::initializer_list<int> dims) {
    std::string bytes;
    auto put = [&bytes](uint32_t value) {
        for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<char>((value >> shift) & 0xff));
    };
    put(magic);
    for (int d : dims) put(static_cast<uint32_t>(d));
    return bytes;
}

void write(const std::string& path, const std::string& head, const std::vector<uint8_t>& body) {
    const std::string_view data(reinterpret_cast<const char*>(body.data()), body.size());
    if (const std::error_code ec = write_file_atomically(path, {head, data}))
        throw DatasetError(path + ": cannot write the IDX file (" + ec.message() + ")");
}

}  // namespace

void write_idx(const ImageSet& set, const std::string& images_path, const std::string& labels_path) {
    write(images_path, header(0x00000803, {set.count, set.rows, set.cols}), set.pixels);
    write(labels_path, header(0x00000801, {set.count}), set.labels);
}

}  // namespace mlpw
