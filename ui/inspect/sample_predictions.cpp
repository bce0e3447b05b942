// See sample_predictions.h.
#include "inspect/sample_predictions.h"

#include <algorithm>
#include <numeric>

#include "mlpw/training/prediction.h"

QString splitName(SampleSplit split) {
    return split == SampleSplit::validation ? QCoreApplication::translate("SamplePredictions", "validation")
                                            : QCoreApplication::translate("SamplePredictions", "test");
}

QString SamplePredictions::className(int c) const {
    const auto& names = record->data.class_names;
    return c >= 0 && c < int(names.size()) ? QString::fromStdString(names[size_t(c)]) : QString::number(c);
}

std::shared_ptr<const SamplePredictions> predictSamples(const RunSnapshot& record, const mlpw::Dataset& data,
                                                        SampleSplit split, const std::atomic<bool>* stop) {
    const mlpw::ModelFile model = mlpw::model_file_of(*record, record->final_weights);
    mlpw::check_model_fits(model, data, record->experiment.name);
    const mlpw::ImageSet& set = split == SampleSplit::validation ? data.train : data.test;

    auto p = std::make_shared<SamplePredictions>();
    p->record = record;
    p->split = split;
    if (split == SampleSplit::validation) {
        p->indices = mlpw::split_for_validation(set.count, record->experiment.data.validation_split).validation;
    } else {
        p->indices.resize(size_t(set.count));
        std::iota(p->indices.begin(), p->indices.end(), 0u);
    }
    mlpw::InferenceModel inference(model);
    p->classes = inference.num_classes();
    const size_t n = p->indices.size(), k = size_t(p->classes);
    p->probabilities.resize(n * k);
    if (!inference.predict(set, p->indices, p->probabilities.data(), stop)) return nullptr;

    p->labels.resize(n);
    p->predicted.resize(n);
    p->images.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const float* row = p->probabilities.data() + i * k;
        p->labels[i] = set.labels[p->indices[i]];
        p->predicted[i] = uint8_t(std::max_element(row, row + k) - row);
        // The QImage owns a copy of the pixels {rows, cols} (bytesPerLine = cols).
        p->images.push_back(
            QImage(set.image(int(p->indices[i])), set.cols, set.rows, set.cols, QImage::Format_Grayscale8).copy());
    }
    return p;
}
