#pragma once
// Image classification data sets from IDX files (MNIST layout), plain or gzip-compressed.
// Pixels stay uint8 in memory; batches are converted to float on the fly (see BatchAssembler).
#include <cstdint>
#include <string>
#include <vector>

#include "mlpw/experiment/experiment.h"

namespace mlpw {

// count images of rows x cols uint8 pixels, and one uint8 label each.
struct ImageSet {
    std::vector<uint8_t> pixels;  // {count, rows * cols}, row-major
    std::vector<uint8_t> labels;  // {count}
    int count = 0, rows = 0, cols = 0;
    int features() const { return rows * cols; }
    const uint8_t* image(int i) const { return pixels.data() + static_cast<size_t>(i) * features(); }
};

struct Dataset {
    std::string name;                      // "mnist", "fashion_mnist" or the folder
    std::vector<std::string> class_names;  // "0".."9" for MNIST; T-shirt/top, Trouser... for Fashion-MNIST
    ImageSet train, test;
    int num_classes() const { return static_cast<int>(class_names.size()); }
};

// Reads an IDX image file (magic 0x00000803, ubyte, 3-D) and its label file (0x00000801, ubyte, 1-D).
// Either may be gzip-compressed (detected from its first bytes, not its name). Throws DatasetError naming
// the file and saying what was expected and what was found: bad magic, wrong rank, truncated data, counts
// that disagree, a label >= num_classes, an empty file, corrupt gzip.
ImageSet load_idx(const std::string& images_path, const std::string& labels_path, int num_classes);

// Finds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte
// (each optionally with .gz) in `folder` and loads them. Empty `class_names`: "0".."N-1", N = 1 + the largest
// training label (at least 2). Test images must have the training images' rows x cols.
Dataset load_idx_folder(const std::string& folder, const std::string& name, std::vector<std::string> class_names);

// "mnist" -> <data dir>/mnist, "fashion_mnist" -> /usr/share/datasets/fashion-mnist, else a folder
// (class names "0".."N-1", N = 1 + the largest training label). The data dir is $MLPW_DATA_DIR, else
// <share_dir>/data when it exists (in a build tree: a link to the checkout's data/), else
// $XDG_DATA_HOME/mlp-workbench (~/.local/share/mlp-workbench). A missing MNIST's error says to run ./workbench setup.
Dataset load_dataset(const std::string& source);
std::string default_data_dir();

// Keras' validation_split: the LAST `fraction` of the training set is held out, taken before any shuffling.
// n_train = int(count * (1 - fraction)) in double, from the decimal the float was written as (0.1, not
// 0.100000001). Throws SpecError for a fraction outside [0, 1) or a split that leaves either part empty.
struct SplitIndices {
    std::vector<uint32_t> train;       // 0 .. n_train-1
    std::vector<uint32_t> validation;  // n_train .. count-1
};
SplitIndices split_for_validation(int count, float fraction);

// Converts rows of uint8 pixels to float features with the experiment's normalisation.
// scale: x / 255. standardize: (x / 255 - mean) / std with mean and std of the training part.
// none: x as is (0..255). mean()/stddev() are the standardize statistics (0 and 1 for the other modes);
// a stddev of 0 (constant images) only centres. Both constructors are cheap except standardize's first,
// one pass over the training part's pixels.
class BatchAssembler {
public:
    BatchAssembler(Normalization normalization, const ImageSet& train_part, const std::vector<uint32_t>& train_indices);
    BatchAssembler(Normalization normalization, float mean, float stddev);
    // dst {n, features} = normalise(set.image(indices[i])); no allocation.
    void gather(const ImageSet& set, const uint32_t* indices, int n, float* dst) const;
    float mean() const { return m_mean; }
    float stddev() const { return m_stddev; }
    // The normalisation as one affine map: feature = pixel * scale() + offset().
    float scale() const { return m_scale; }
    float offset() const { return m_offset; }

private:
    float m_scale = 1.0f / 255.0f;  // dst = pixel * m_scale + m_offset
    float m_offset = 0.0f;
    float m_mean = 0.0f, m_stddev = 1.0f;
    Normalization m_normalization;
};

}  // namespace mlpw
