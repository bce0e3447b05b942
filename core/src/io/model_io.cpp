// The .mlpw file: one header line, then the payload (model_archive.cpp):
//   MLPW-MODEL <format_version> <payload_bytes> <crc32 of the payload, 8 hex digits>\n<payload>
// The header is checked before the payload is parsed, so a file that is not a model, was cut short or was
// damaged is reported as such instead of as an archive error. Writes go to a temp file beside the target,
// flushed to disk, then renamed over it: a reader (or a crash) sees the old file or the new one, never a part.
#include "mlpw/io/model_io.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>

#include <zlib.h>

#include <boost/archive/archive_exception.hpp>

#include "io/model_archive.h"
#include "mlpw/errors.h"
#include "mlpw/io/atomic_file.h"
#include "mlpw/training/memory_estimate.h"

namespace mlpw {
namespace {

constexpr char kMagic[] = "MLPW-MODEL ";
constexpr size_t kMagicSize = sizeof kMagic - 1;
// Bump when a build reading up to the old version could not read the new files.
constexpr int kFormatVersion = 1;
constexpr size_t kMaxHeader = 128;  // "MLPW-MODEL" + three numbers fit easily

uint32_t crc32_of(const std::string& bytes) {
    uLong crc = crc32(0L, Z_NULL, 0);
    const auto* data = reinterpret_cast<const Bytef*>(bytes.data());
    for (size_t done = 0; done < bytes.size();) {  // zlib takes 32-bit lengths
        const uInt chunk = static_cast<uInt>(std::min<size_t>(bytes.size() - done, 1u << 30));
        crc = crc32(crc, data + done, chunk);
        done += chunk;
    }
    return static_cast<uint32_t>(crc);
}

// The first bytes of a file as text for a message, non-printable bytes as \xNN: "\x89PNG\r\n\x1a\n".
std::string preview(const std::string& bytes) {
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < std::min<size_t>(bytes.size(), 16); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c == '"' || c == '\\') out += std::string("\\") + char(c);
        else if (c >= 0x20 && c < 0x7f) out += char(c);
        else out += std::string("\\x") + hex[c >> 4] + hex[c & 15];
    }
    return out + (bytes.size() > 16 ? "..." : "");
}

// Reads one decimal or hex number of the header and the space or newline after it.
template <class T>
std::optional<T> header_number(const std::string& line, size_t& pos, int base) {
    T value{};
    const char* begin = line.data() + pos;
    const char* end = line.data() + line.size();
    const auto result = std::from_chars(begin, end, value, base);
    if (result.ec != std::errc() || result.ptr == begin) return std::nullopt;
    pos = static_cast<size_t>(result.ptr - line.data());
    if (pos < line.size() && line[pos] == ' ') ++pos;
    return value;
}

struct Header {
    size_t size = 0;  // bytes, newline included
    uint64_t payload_bytes = 0;
    uint32_t crc = 0;
};

// Checks the header of a file of `file_size` bytes whose first bytes are `start`.
Header read_header(const std::string& path, const std::string& start, uint64_t file_size) {
    const auto fail = [&](const std::string& what) { throw ModelFileError(path + ": " + what); };
    if (file_size == 0) fail("empty file");
    const size_t compared = std::min(start.size(), kMagicSize);
    if (start.compare(0, compared, kMagic, compared) != 0)
        fail("not an MLP Workbench model file (it starts with \"" + preview(start) + "\")");
    const size_t newline = start.find('\n');
    if (newline == std::string::npos) {
        if (file_size < kMaxHeader) fail("truncated (the file ends inside its header)");
        fail("corrupt (the header line is longer than " + std::to_string(kMaxHeader) + " bytes)");
    }
    const std::string line = start.substr(0, newline);
    size_t pos = kMagicSize;
    const auto version = header_number<int>(line, pos, 10);
    if (!version || *version < 1) fail("corrupt (malformed header \"" + preview(line) + "\")");
    if (*version > kFormatVersion)
        fail("written by a newer MLP Workbench (model format " + std::to_string(*version) +
             ", this build reads up to " + std::to_string(kFormatVersion) + ")");
    const auto bytes = header_number<uint64_t>(line, pos, 10);
    const auto crc = header_number<uint32_t>(line, pos, 16);
    if (!bytes || !crc || pos != line.size()) fail("corrupt (malformed header \"" + preview(line) + "\")");
    Header header{newline + 1, *bytes, *crc};
    const uint64_t found = file_size - header.size;
    if (found < header.payload_bytes)
        fail("truncated (expected " + std::to_string(header.payload_bytes) + " bytes of model data, found " +
             std::to_string(found) + ")");
    if (found > header.payload_bytes)
        fail("corrupt (expected " + std::to_string(header.payload_bytes) + " bytes of model data, found " +
             std::to_string(found) + ")");
    return header;
}

}  // namespace

void save_model(const ModelFile& model, const std::string& path) {
    std::string payload;
    try {
        payload = detail::model_payload(model);
    } catch (const std::bad_alloc&) {
        throw OutOfMemoryError(path + ": out of memory while encoding the model to save it");
    } catch (const std::exception& e) {
        throw ModelFileError(path + ": cannot encode the model (" + e.what() + ")");
    }
    char crc[9];
    std::snprintf(crc, sizeof crc, "%08x", crc32_of(payload));
    const std::string header =
        std::string(kMagic) + std::to_string(kFormatVersion) + " " + std::to_string(payload.size()) + " " + crc + "\n";
    if (const auto error = write_file_atomically(path, {header, payload}))
        throw ModelFileError(path + ": cannot write the model file (" + error.message() + ")");
}

namespace {

ModelFile read_model_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ModelFileError(path + ": cannot open the model file (" + std::strerror(errno) + ")");
    in.seekg(0, std::ios::end);
    const std::streamoff end = in.tellg();
    in.seekg(0, std::ios::beg);
    if (end < 0 || !in) throw ModelFileError(path + ": cannot read the model file (not a regular file?)");
    const auto file_size = static_cast<uint64_t>(end);

    std::string start(static_cast<size_t>(std::min<uint64_t>(file_size, kMaxHeader)), '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    if (!in) throw ModelFileError(path + ": cannot read the model file (" + std::strerror(errno) + ")");
    const Header header = read_header(path, start, file_size);

    // The size was checked against the file, so this allocation is no larger than the file.
    std::string payload(static_cast<size_t>(header.payload_bytes), '\0');
    in.seekg(static_cast<std::streamoff>(header.size), std::ios::beg);
    in.read(payload.data(), static_cast<std::streamsize>(payload.size()));
    if (!in) throw ModelFileError(path + ": cannot read the model file (" + std::strerror(errno) + ")");
    if (crc32_of(payload) != header.crc) throw ModelFileError(path + ": corrupt (checksum mismatch)");

    try {
        return detail::parse_model_payload(payload);
    } catch (const detail::NewerModelLayout& e) {
        throw ModelFileError(path + ": written by a newer MLP Workbench (" + e.what() + ")");
    } catch (const SpecError& e) {
        throw ModelFileError(path + ": the experiment stored in the model is invalid: " + e.what());
    } catch (const boost::archive::archive_exception& e) {
        if (e.code == boost::archive::archive_exception::unsupported_version ||
            e.code == boost::archive::archive_exception::unsupported_class_version)
            throw ModelFileError(path + ": written by a newer MLP Workbench (" + e.what() + ")");
        throw ModelFileError(path + ": corrupt (" + e.what() + ")");
    } catch (const std::bad_alloc&) {
        throw;                           // load_model names what ran out
    } catch (const std::exception& e) {  // ModelFileError from the checks, JSON and base64 errors
        throw ModelFileError(path + ": corrupt (" + e.what() + ")");
    }
}

}  // namespace

ModelFile load_model(const std::string& path) {
    return allocating("the contents of the model file " + path, [&] { return read_model_file(path); });
}

Network make_network(const ModelFile& model, int capacity) {
    NetworkOptions options;
    options.capacity = capacity;
    try {
        return allocating("the network of the model \"" + model.experiment.name + "\"", [&] {
            Network network(model.experiment.model, model.image_rows * model.image_cols,
                            static_cast<int>(model.class_names.size()), model.experiment.training.seed, options);
            network.set_state(model.weights);
            return network;
        });
    } catch (const SpecError& e) {
        throw ModelFileError(std::string("the model's network cannot be built: ") + e.what());
    }
}

}  // namespace mlpw
