#pragma once
// The class probabilities of one run's final weights on every image of its validation split or the test set,
// with each image as a QImage (converted once, off the GUI thread): what the gallery shows.
#include <QCoreApplication>
#include <QImage>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

#include "mlpw/data/dataset.h"
#include "run/training_types.h"

enum class SampleSplit { validation, test };
QString splitName(SampleSplit split);  // "validation" / "test", translated

struct SamplePredictions {
    RunSnapshot record;
    SampleSplit split = SampleSplit::validation;
    int classes = 0;
    std::vector<uint32_t> indices;     // {samples}: into the data set's training images (validation) or test images
    std::vector<uint8_t> labels;       // {samples}
    std::vector<float> probabilities;  // {samples, classes}
    std::vector<uint8_t> predicted;    // {samples}: arg-max of the row
    std::vector<QImage> images;        // {samples}: Format_Grayscale8, rows x cols

    int samples() const { return int(indices.size()); }
    const float* probabilitiesOf(int sample) const { return probabilities.data() + size_t(sample) * size_t(classes); }
    float confidence(int sample) const { return probabilitiesOf(sample)[predicted[size_t(sample)]]; }
    bool correct(int sample) const { return predicted[size_t(sample)] == labels[size_t(sample)]; }
    QString className(int c) const;  // RunData::class_names, or the number
};

// Runs the record's final weights over the split of `data` (the Trainer's split_for_validation for validation).
// Throws mlpw::Error (model and data do not fit, a bad split) or SpecError; null when `stop` became true.
std::shared_ptr<const SamplePredictions> predictSamples(const RunSnapshot& record, const mlpw::Dataset& data,
                                                        SampleSplit split, const std::atomic<bool>* stop);
