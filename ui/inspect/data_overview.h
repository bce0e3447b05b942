#pragma once
// What the data view shows of the current experiment's data set, computed off the GUI thread: the statistics
// (class counts per part, pixel range, mean images) and the pictures (mean image and first images per class),
// converted to QImages once.
#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

#include "mlpw/data/dataset_statistics.h"
#include "mlpw/experiment/experiment.h"

struct DataOverview {
    QString name;  // the data set's name ("mnist", "fashion_mnist" or the folder)
    QStringList classNames;
    float validationSplit = 0.0f;
    mlpw::DatasetStatistics statistics;
    std::vector<QImage> meanImages;            // {classes}: Format_Grayscale8
    std::vector<std::vector<QImage>> samples;  // {classes}{up to kSamplesPerClass}
};

constexpr int kSamplesPerClass = 5;

// Throws SpecError for a validation_split the data set cannot be split by.
std::shared_ptr<const DataOverview> makeDataOverview(const mlpw::Dataset& data, const mlpw::DataSpec& spec);
