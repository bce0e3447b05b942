// Data sets from folders of IDX files, the Keras validation split and the float batch assembler.
// The IDX format itself is read in idx_reader.cpp (load_idx).
#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"
#include "mlpw/experiment/float_text.h"
#include "mlpw/io/share_dir.h"
#include "mlpw/training/memory_estimate.h"

namespace mlpw {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxClasses = 256;  // labels are unsigned bytes
constexpr int kMinClasses = 2;    // a folder whose labels are all 0 still has two classes

constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";
constexpr int kMnistClasses = 10;
const std::vector<std::string> kFashionMnistClasses = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                       "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

// The four files of a data set, in the order train images, train labels, test images, test labels.
constexpr std::array<const char*, 4> kIdxNames = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                                  "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

std::vector<std::string> numbered_classes(int n) {
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) names.push_back(std::to_string(i));
    return names;
}

// Loads a well-known data set, adding how to get it to any error.
Dataset load_known(const std::string& folder, const std::string& name, std::vector<std::string> class_names,
                   const std::string& how_to_get_it) {
    try {
        return load_idx_folder(folder, name, std::move(class_names));
    } catch (const DatasetError& e) {
        throw DatasetError(std::string(e.what()) + "; " + how_to_get_it);
    }
}

}  // namespace

Dataset load_idx_folder(const std::string& folder, const std::string& name, std::vector<std::string> class_names) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw DatasetError(folder + ": no such folder, expected a folder holding " + kIdxNames[0] + ", " +
                           kIdxNames[1] + ", " + kIdxNames[2] + " and " + kIdxNames[3] + " (each optionally .gz)");
    std::array<std::string, 4> paths;
    std::string missing;
    for (size_t i = 0; i < kIdxNames.size(); ++i) {
        const fs::path plain = fs::path(folder) / kIdxNames[i];
        fs::path gz = plain;
        gz += ".gz";
        if (fs::exists(plain, ec)) paths[i] = plain.string();
        else if (fs::exists(gz, ec)) paths[i] = gz.string();
        else if (ec)  // not "missing": e.g. the folder may not be read
            throw DatasetError(folder + ": cannot look for " + kIdxNames[i] + " (" + ec.message() + ")");
        else missing += std::string(missing.empty() ? "" : ", ") + kIdxNames[i] + "[.gz]";
    }
    if (!missing.empty()) throw DatasetError(folder + ": missing " + missing);

    // Empty class_names: "0".."N-1" from the training labels, N = largest label + 1 (at least 2).
    const bool derive = class_names.empty();
    Dataset data;
    data.name = name;
    data.train = load_idx(paths[0], paths[1], derive ? kMaxClasses : static_cast<int>(class_names.size()));
    if (derive) {
        int largest = 0;
        for (uint8_t label : data.train.labels) largest = std::max<int>(largest, label);
        class_names = numbered_classes(std::max(largest + 1, kMinClasses));
    }
    data.class_names = std::move(class_names);
    data.test = load_idx(paths[2], paths[3], data.num_classes());
    if (data.test.rows != data.train.rows || data.test.cols != data.train.cols)
        throw DatasetError(paths[2] + ": images are " + std::to_string(data.test.rows) + "x" +
                           std::to_string(data.test.cols) + ", expected " + std::to_string(data.train.rows) + "x" +
                           std::to_string(data.train.cols) + " like " + paths[0]);
    return data;
}

std::string default_data_dir() {
    if (const char* dir = std::getenv("MLPW_DATA_DIR"); dir && *dir) return dir;
    std::error_code ec;
    if (const std::string beside = share_dir() + "/data"; !share_dir().empty() && fs::is_directory(beside, ec))
        return beside;  // installed: the package's MNIST; built: the link to the checkout's data/
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/mlp-workbench";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/mlp-workbench";
    return "data";
}

namespace {

Dataset read_dataset(const std::string& source) {
    if (source == "mnist")
        return load_known(default_data_dir() + "/mnist", source, numbered_classes(kMnistClasses),
                          "run ./workbench setup to download MNIST (or set MLPW_DATA_DIR to a folder holding mnist/)");
    if (source == "fashion_mnist")
        return load_known(kFashionMnistDir, source, kFashionMnistClasses,
                          "install the Debian package dataset-fashion-mnist (./workbench setup does)");
    std::error_code ec;
    if (!fs::is_directory(source, ec))
        throw DatasetError("\"" + source +
                           "\": no such folder; expected \"mnist\", \"fashion_mnist\" or a folder "
                           "of IDX files");
    return load_idx_folder(source, source, {});
}

}  // namespace

Dataset load_dataset(const std::string& source) {
    return allocating("the images of the data set \"" + source + "\"", [&] { return read_dataset(source); });
}

SplitIndices split_for_validation(int count, float fraction) {
    if (!(fraction >= 0.0f && fraction < 1.0f))
        throw SpecError("data.validation_split: must be in [0, 1), got " + std::to_string(fraction));
    if (count < 0) throw DatasetError("split_for_validation: negative image count " + std::to_string(count));
    // Keras: split_at = int(n * (1 - validation_split)); the first split_at train, the rest validate.
    const int split_at = fraction == 0.0f ? count : static_cast<int>(count * (1.0 - as_written(fraction)));
    if (fraction > 0.0f && (split_at <= 0 || split_at >= count))
        throw SpecError("data.validation_split: " + std::to_string(fraction) + " of " + std::to_string(count) +
                        " images leaves " + std::to_string(split_at) + " for training and " +
                        std::to_string(count - split_at) + " for validation; expected at least one in each");
    SplitIndices split;
    split.train.resize(static_cast<size_t>(split_at));
    split.validation.resize(static_cast<size_t>(count - split_at));
    for (int i = 0; i < split_at; ++i) split.train[i] = static_cast<uint32_t>(i);
    for (int i = split_at; i < count; ++i) split.validation[i - split_at] = static_cast<uint32_t>(i);
    return split;
}

BatchAssembler::BatchAssembler(Normalization normalization, const ImageSet& train_part,
                               const std::vector<uint32_t>& train_indices)
    : m_normalization(normalization) {
    if (normalization != Normalization::standardize) {
        *this = BatchAssembler(normalization, 0.0f, 1.0f);
        return;
    }
    // Mean and (population) standard deviation of x / 255 over every pixel of the training part, in double:
    // exact from a histogram of the 256 byte values.
    std::array<uint64_t, 256> histogram{};
    const size_t features = static_cast<size_t>(train_part.features());
    for (uint32_t index : train_indices) {
        if (index >= static_cast<uint32_t>(train_part.count))
            throw DatasetError("BatchAssembler: training index " + std::to_string(index) + " is out of range (" +
                               std::to_string(train_part.count) + " images)");
        const uint8_t* pixel = train_part.image(static_cast<int>(index));
        for (size_t f = 0; f < features; ++f) ++histogram[pixel[f]];
    }
    const double n = static_cast<double>(train_indices.size()) * static_cast<double>(features);
    double sum = 0.0;
    for (int v = 0; v < 256; ++v) sum += static_cast<double>(histogram[v]) * v;
    const double mean = n > 0 ? sum / n / 255.0 : 0.0;
    double squares = 0.0;
    for (int v = 0; v < 256; ++v) {
        const double d = v / 255.0 - mean;
        squares += static_cast<double>(histogram[v]) * d * d;
    }
    const double stddev = n > 0 ? std::sqrt(squares / n) : 1.0;
    *this = BatchAssembler(normalization, static_cast<float>(mean), static_cast<float>(stddev));
}

BatchAssembler::BatchAssembler(Normalization normalization, float mean, float stddev)
    : m_mean(mean), m_stddev(stddev), m_normalization(normalization) {
    switch (normalization) {
        case Normalization::none:
            m_scale = 1.0f;
            m_offset = 0.0f;
            break;
        case Normalization::scale:
            m_scale = 1.0f / 255.0f;
            m_offset = 0.0f;
            break;
        case Normalization::standardize: {
            // A constant image set (stddev 0) would divide by zero: centre it only.
            const double sd = std::isfinite(stddev) && stddev > 0.0f ? stddev : 1.0;
            // (x / 255 - mean) / sd = x * (1 / (255 sd)) - mean / sd
            m_scale = static_cast<float>(1.0 / (255.0 * sd));
            m_offset = static_cast<float>(-static_cast<double>(mean) / sd);
            break;
        }
    }
}

void BatchAssembler::gather(const ImageSet& set, const uint32_t* indices, int n, float* dst) const {
    const int features = set.features();
    const float scale = m_scale, offset = m_offset;
    for (int i = 0; i < n; ++i) {
        // dst row i {features} = src image indices[i] {features} * scale + offset
        const uint8_t* __restrict src = set.image(static_cast<int>(indices[i]));
        float* __restrict row = dst + static_cast<size_t>(i) * features;
        for (int f = 0; f < features; ++f) row[f] = static_cast<float>(src[f]) * scale + offset;
    }
}

}  // namespace mlpw
