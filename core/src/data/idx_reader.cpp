// IDX files (LeCun's MNIST format): a big-endian header, then unsigned bytes.
//   images: magic 0x00000803, dims {count, rows, cols} (uint32 each), then {count, rows * cols} pixels
//   labels: magic 0x00000801, dims {count}, then {count} labels
// Magic bytes: 0x00 0x00, element type (0x08 = unsigned byte), rank. A file may be gzip-compressed: zlib
// recognises gzip by its first two bytes (0x1f 0x8b) and passes any other file through unchanged, so a file
// is told apart by its content, never its name.
#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <zlib.h>

#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"

namespace mlpw {
namespace {

constexpr uint8_t kUbyte = 0x08;
constexpr uint32_t kImagesMagic = 0x00000803;
constexpr uint32_t kLabelsMagic = 0x00000801;
constexpr int kImagesRank = 3;  // {count, rows, cols}
constexpr int kLabelsRank = 1;  // {count}
static_assert((kImagesMagic & 0xff) == kImagesRank && (kLabelsMagic & 0xff) == kLabelsRank);
static_assert(((kImagesMagic >> 8) & 0xff) == kUbyte && ((kLabelsMagic >> 8) & 0xff) == kUbyte);

constexpr size_t kChunk = size_t{1} << 20;        // bytes per read call
constexpr size_t kMaxReserve = size_t{64} << 20;  // a lying header cannot make us allocate more up front

std::string hex32(uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", value);
    return text;
}

std::string hex8(uint8_t value) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", value);
    return text;
}

std::string plural(uint64_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// An IDX file opened through zlib: gzip-compressed or plain. Move-only; closes the file.
class IdxStream {
public:
    explicit IdxStream(const std::string& path) : m_path(path) {
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (!std::filesystem::exists(status)) throw error("file not found");
        if (std::filesystem::is_directory(status)) throw error("is a folder, expected an IDX file");
        m_file = gzopen(path.c_str(), "rb");
        if (!m_file) throw error(std::string("cannot open: ") + std::strerror(errno));
        gzbuffer(m_file, 1 << 17);
        m_compressed = gzdirect(m_file) == 0;  // reads the first bytes: 0x1f 0x8b means gzip
    }
    ~IdxStream() {
        if (m_file) gzclose(m_file);
    }
    IdxStream(IdxStream&& other) noexcept
        : m_path(std::move(other.m_path)), m_file(std::exchange(other.m_file, nullptr)),
          m_compressed(other.m_compressed), m_total(other.m_total) {}
    IdxStream(const IdxStream&) = delete;
    IdxStream& operator=(const IdxStream&) = delete;
    IdxStream& operator=(IdxStream&&) = delete;

    // Reads up to n bytes; fewer only at the end of the data. Throws on corrupt or truncated gzip.
    size_t read(uint8_t* dst, size_t n) {
        size_t done = 0;
        while (done < n) {
            const unsigned ask = static_cast<unsigned>(std::min(n - done, kChunk));
            const int got = gzread(m_file, dst + done, ask);
            if (got < 0) throw corrupt();
            done += static_cast<size_t>(got);
            if (static_cast<unsigned>(got) < ask) {
                int code = Z_OK;
                gzerror(m_file, &code);
                if (code == Z_BUF_ERROR)  // the file ended in the middle of a gzip stream
                    throw error("corrupt gzip data: the compressed stream is truncated (" +
                                plural(m_total + done, "byte") + " decompressed before it ended)");
                if (code != Z_OK) throw corrupt();
                break;
            }
        }
        m_total += done;
        return done;
    }

    // Reads and counts whatever follows (also makes zlib check the gzip CRC at the end of the stream).
    uint64_t count_rest() {
        uint8_t scratch[4096];
        uint64_t rest = 0;
        for (size_t got; (got = read(scratch, sizeof scratch)) > 0;) rest += got;
        return rest;
    }

    uint64_t total() const { return m_total; }  // bytes read so far (decompressed)
    // "1000 bytes" or "1000 bytes once decompressed"
    std::string bytes_text(uint64_t bytes) const {
        return plural(bytes, "byte") + (m_compressed ? " once decompressed" : "");
    }
    std::string size_text(uint64_t bytes) const { return "file has " + bytes_text(bytes); }
    DatasetError error(const std::string& what) const { return DatasetError(m_path + ": " + what); }

private:
    DatasetError corrupt() const {
        int code = Z_OK;
        const char* zlib_message = gzerror(m_file, &code);
        std::string message = zlib_message && *zlib_message ? zlib_message : "unknown zlib error";
        if (message.rfind(m_path + ": ", 0) == 0)  // zlib prefixes the path
            message.erase(0, m_path.size() + 2);
        return error("corrupt gzip data (" + message + ")");
    }

    std::string m_path;
    gzFile m_file = nullptr;
    bool m_compressed = false;
    uint64_t m_total = 0;
};

struct IdxFile {
    std::vector<uint32_t> dims;  // {count, rows, cols} or {count}
    std::vector<uint8_t> data;   // {product of dims}
};

const char* type_name(uint8_t type) {
    switch (type) {
        case 0x08: return "unsigned byte";
        case 0x09: return "signed byte";
        case 0x0B: return "short";
        case 0x0C: return "int";
        case 0x0D: return "float";
        case 0x0E: return "double";
        default: return "unknown";
    }
}

// "60000 images of 28x28" / "60000 labels"
std::string describe(const std::vector<uint32_t>& dims) {
    if (dims.size() == kImagesRank)
        return plural(dims[0], "image") + " of " + std::to_string(dims[1]) + "x" + std::to_string(dims[2]);
    return plural(dims[0], "label");
}

IdxFile read_idx(const std::string& path, int rank) {
    const bool images = rank == kImagesRank;
    const uint32_t magic_expected = images ? kImagesMagic : kLabelsMagic;
    const std::string kind = images ? "an IDX image file" : "an IDX label file";
    const size_t header_size = 4 + 4 * static_cast<size_t>(rank);
    IdxStream in(path);

    // Header: magic, then one big-endian uint32 per dimension.
    uint8_t header[4 + 4 * kImagesRank];
    const size_t got = in.read(header, 4);
    if (got == 0) throw in.error("empty file (" + in.bytes_text(0) + "), expected " + kind);
    if (got < 4)
        throw in.error("truncated header: " + in.size_text(got) + ", " + kind + " header is " +
                       std::to_string(header_size) + " bytes");
    const uint32_t magic = uint32_t{header[0]} << 24 | uint32_t{header[1]} << 16 | uint32_t{header[2]} << 8 | header[3];
    const std::string expected_magic = kind + " starts with " + hex32(magic_expected);
    if (header[0] != 0 || header[1] != 0)
        throw in.error("bad magic number " + hex32(magic) + ", not an IDX file: " + expected_magic);
    if (header[2] != kUbyte)
        throw in.error("element type " + hex8(header[2]) + " (" + type_name(header[2]) + ") in magic number " +
                       hex32(magic) + ", expected 0x08 (unsigned byte): " + expected_magic);
    if (header[3] != rank) {
        std::string hint;
        if (header[3] == kLabelsRank) hint = " (is this a label file?)";
        else if (header[3] == kImagesRank) hint = " (is this an image file?)";
        throw in.error("wrong rank: magic number " + hex32(magic) + " says " + plural(header[3], "dimension") +
                       ", expected " + std::to_string(rank) + hint);
    }
    const size_t dims_got = in.read(header + 4, header_size - 4);
    if (dims_got < header_size - 4)
        throw in.error("truncated header: " + in.size_text(in.total()) + ", " + kind + " header is " +
                       std::to_string(header_size) + " bytes");

    IdxFile file;
    for (int d = 0; d < rank; ++d) {
        const uint8_t* b = header + 4 + 4 * d;
        file.dims.push_back(uint32_t{b[0]} << 24 | uint32_t{b[1]} << 16 | uint32_t{b[2]} << 8 | b[3]);
    }
    if (std::find(file.dims.begin(), file.dims.end(), 0u) != file.dims.end())
        throw in.error("header says " + describe(file.dims) + ", expected non-zero dimensions");
    // ImageSet counts in int: count <= INT_MAX and rows * cols <= INT_MAX, so elements < 2^62.
    const uint64_t features = images ? uint64_t{file.dims[1]} * file.dims[2] : 1;
    if (file.dims[0] > INT_MAX)
        throw in.error("header says " + describe(file.dims) + ", expected at most " + std::to_string(INT_MAX) +
                       (images ? " images" : " labels"));
    if (features > INT_MAX)
        throw in.error("header says " + describe(file.dims) + ", expected at most " + std::to_string(INT_MAX) +
                       " pixels per image");
    const uint64_t elements = file.dims[0] * features;

    // Data: exactly `elements` bytes, nothing after them.
    const uint64_t expected_total = header_size + elements;
    const std::string says = "header says " + describe(file.dims) + " (" + plural(expected_total, "byte") + ")";
    file.data.reserve(static_cast<size_t>(std::min<uint64_t>(elements, kMaxReserve)));
    while (file.data.size() < elements) {
        const size_t before = file.data.size();
        const size_t want = static_cast<size_t>(std::min<uint64_t>(elements - before, kChunk));
        file.data.resize(before + want);
        const size_t n = in.read(file.data.data() + before, want);
        if (n < want) throw in.error("truncated: " + says + ", " + in.size_text(header_size + before + n));
    }
    if (const uint64_t rest = in.count_rest(); rest > 0)
        throw in.error("trailing data: " + says + ", " + in.size_text(expected_total + rest));
    return file;
}

}  // namespace

ImageSet load_idx(const std::string& images_path, const std::string& labels_path, int num_classes) {
    IdxFile images = read_idx(images_path, kImagesRank);
    IdxFile labels = read_idx(labels_path, kLabelsRank);
    if (images.dims[0] != labels.dims[0])
        throw DatasetError(images_path + ": has " + plural(images.dims[0], "image") + " but " + labels_path + " has " +
                           plural(labels.dims[0], "label") + " (expected one label per image)");
    for (size_t i = 0; i < labels.data.size(); ++i)
        if (labels.data[i] >= num_classes)
            throw DatasetError(labels_path + ": label " + std::to_string(labels.data[i]) + " at index " +
                               std::to_string(i) + " is out of range (expected < " + std::to_string(num_classes) + ")");
    ImageSet set;
    set.count = static_cast<int>(images.dims[0]);
    set.rows = static_cast<int>(images.dims[1]);
    set.cols = static_cast<int>(images.dims[2]);
    set.pixels = std::move(images.data);
    set.labels = std::move(labels.data);
    return set;
}

}  // namespace mlpw
