// See dataset_statistics.h.
#include "mlpw/data/dataset_statistics.h"

#include <algorithm>
#include <numeric>

namespace mlpw {
namespace {

int sum(const std::vector<int>& counts) { return std::accumulate(counts.begin(), counts.end(), 0); }

void count_labels(const ImageSet& set, const std::vector<uint32_t>& indices, std::vector<int>& counts) {
    for (uint32_t i : indices) ++counts[set.labels[i]];
}

void widen_range(const ImageSet& set, uint8_t& lo, uint8_t& hi) {
    if (set.pixels.empty()) return;
    const auto [min, max] = std::minmax_element(set.pixels.begin(), set.pixels.end());
    lo = std::min(lo, *min);
    hi = std::max(hi, *max);
}

}  // namespace

int DatasetStatistics::train_samples() const { return sum(train_counts); }
int DatasetStatistics::validation_samples() const { return sum(validation_counts); }
int DatasetStatistics::test_samples() const { return sum(test_counts); }

DatasetStatistics dataset_statistics(const Dataset& data, float validation_split, int samples_per_class) {
    const SplitIndices split = split_for_validation(data.train.count, validation_split);
    DatasetStatistics s;
    s.classes = data.num_classes();
    s.rows = data.train.rows;
    s.cols = data.train.cols;
    const auto k = static_cast<size_t>(s.classes);
    s.train_counts.assign(k, 0);
    s.validation_counts.assign(k, 0);
    s.test_counts.assign(k, 0);
    count_labels(data.train, split.train, s.train_counts);
    count_labels(data.train, split.validation, s.validation_counts);
    for (uint8_t label : data.test.labels) ++s.test_counts[label];

    s.min_pixel = 255;
    s.max_pixel = 0;
    widen_range(data.train, s.min_pixel, s.max_pixel);
    widen_range(data.test, s.min_pixel, s.max_pixel);
    if (s.min_pixel > s.max_pixel) s.min_pixel = s.max_pixel = 0;  // no images at all

    // mean_images[c] = sum of the class's training-part images / their count, in double for 60,000 images.
    const auto features = static_cast<size_t>(data.train.features());
    std::vector<double> sums(k * features, 0.0);
    s.samples.assign(k, {});
    for (uint32_t i : split.train) {
        const uint8_t label = data.train.labels[i];
        const uint8_t* image = data.train.image(static_cast<int>(i));
        double* dst = sums.data() + label * features;
        for (size_t f = 0; f < features; ++f) dst[f] += image[f];
        if (static_cast<int>(s.samples[label].size()) < samples_per_class) s.samples[label].push_back(i);
    }
    s.mean_images.assign(k * features, 0.0f);
    for (size_t c = 0; c < k; ++c) {
        if (s.train_counts[c] == 0) continue;
        for (size_t f = 0; f < features; ++f)
            s.mean_images[c * features + f] = static_cast<float>(sums[c * features + f] / s.train_counts[c]);
    }
    return s;
}

}  // namespace mlpw
