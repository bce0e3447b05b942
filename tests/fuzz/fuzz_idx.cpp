// libFuzzer target: load_idx (core/src/data/idx_reader.cpp) on an image file and a label file cut from the input.
// Input: 2 bytes big-endian n, the label file (the next n bytes, fewer if the input ends), the image file
// (the rest). Either file may be gzip-compressed, as the reader detects it from the content.
// Contract: a consistent ImageSet, or a DatasetError whose message starts with one of the two paths.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "fuzz_check.h"
#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"

namespace {

using mlpw::fuzz::require;
using mlpw::fuzz::starts_with;

constexpr int kNumClasses = 10;  // MNIST's

// A folder of this process for the two files (the reader takes paths), removed at exit.
class ScratchFolder {
public:
    ScratchFolder() {
        auto pattern = (std::filesystem::temp_directory_path() / "mlpw-fuzz-idx-XXXXXX").string();
        require(mkdtemp(pattern.data()) != nullptr, "cannot create a scratch folder", pattern);
        m_path = pattern;
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    std::string file(const char* name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

void write_file(const std::string& path, const uint8_t* data, size_t size) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    require(file != nullptr, "cannot write", path);
    require(std::fwrite(data, 1, size, file) == size, "cannot write", path);
    std::fclose(file);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2) return 0;
    const size_t label_bytes = std::min<size_t>(size_t{data[0]} << 8 | data[1], size - 2);
    static const ScratchFolder scratch;
    const std::string labels_path = scratch.file("labels");
    const std::string images_path = scratch.file("images");
    write_file(labels_path, data + 2, label_bytes);
    write_file(images_path, data + 2 + label_bytes, size - 2 - label_bytes);

    mlpw::ImageSet set;
    try {
        set = mlpw::load_idx(images_path, labels_path, kNumClasses);
    } catch (const mlpw::DatasetError& e) {
        require(starts_with(e.what(), images_path) || starts_with(e.what(), labels_path),
                "the message does not name the file", e.what());
        return 0;
    }
    require(set.count > 0 && set.rows > 0 && set.cols > 0, "an empty ImageSet was accepted");
    require(set.pixels.size() == size_t(set.count) * size_t(set.features()), "pixels do not match the header");
    require(set.labels.size() == size_t(set.count), "labels do not match the header");
    require(std::all_of(set.labels.begin(), set.labels.end(), [](uint8_t l) { return l < kNumClasses; }),
            "a label out of range was accepted");
    return 0;
}
