#pragma once
// What the window's data view shows of a data set: the class distribution of the training part, the validation
// part (Keras' validation_split, as split_for_validation holds it out) and the test set; the pixel range; the
// mean image per class and the first images of each class.
#include <cstdint>
#include <vector>

#include "mlpw/data/dataset.h"

namespace mlpw {

struct DatasetStatistics {
    int classes = 0, rows = 0, cols = 0;
    std::vector<int> train_counts, validation_counts, test_counts;  // {classes}
    uint8_t min_pixel = 0, max_pixel = 0;                           // over the training and test images
    std::vector<float> mean_images;              // {classes, rows * cols} of the training part's pixels (0..255)
    std::vector<std::vector<uint32_t>> samples;  // per class, up to samples_per_class training-part indices
    int train_samples() const;
    int validation_samples() const;
    int test_samples() const;
};

// One pass over the images. Throws SpecError for a validation_split that split_for_validation refuses.
DatasetStatistics dataset_statistics(const Dataset& data, float validation_split, int samples_per_class);

}  // namespace mlpw
