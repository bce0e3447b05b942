// See data_overview.h.
#include "inspect/data_overview.h"

#include <cmath>

namespace {

QImage grayscale(const uint8_t* pixels, int rows, int cols) {
    return QImage(pixels, cols, rows, cols, QImage::Format_Grayscale8).copy();  // owns its pixels {rows, cols}
}

}  // namespace

std::shared_ptr<const DataOverview> makeDataOverview(const mlpw::Dataset& data, const mlpw::DataSpec& spec) {
    auto overview = std::make_shared<DataOverview>();
    overview->name = QString::fromStdString(data.name);
    for (const std::string& name : data.class_names) overview->classNames << QString::fromStdString(name);
    overview->validationSplit = spec.validation_split;
    overview->statistics = mlpw::dataset_statistics(data, spec.validation_split, kSamplesPerClass);
    const mlpw::DatasetStatistics& s = overview->statistics;
    const size_t features = size_t(s.rows) * size_t(s.cols);
    std::vector<uint8_t> mean(features);
    for (int c = 0; c < s.classes; ++c) {
        const float* m = s.mean_images.data() + size_t(c) * features;
        for (size_t f = 0; f < features; ++f) mean[f] = uint8_t(std::lround(std::clamp(m[f], 0.0f, 255.0f)));
        overview->meanImages.push_back(grayscale(mean.data(), s.rows, s.cols));
        std::vector<QImage> samples;
        for (uint32_t i : s.samples[size_t(c)]) samples.push_back(grayscale(data.train.image(int(i)), s.rows, s.cols));
        overview->samples.push_back(std::move(samples));
    }
    return overview;
}
