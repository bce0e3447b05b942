// A picture through a model: see digit_classifier.h.
#include "mlpw/training/digit_classifier.h"

#include <omp.h>

#include <algorithm>

#include "mlpw/errors.h"

namespace mlpw {
namespace {

const ModelFile& taking_digits(const ModelFile& model) {
    if (model.image_rows != kDigitSide || model.image_cols != kDigitSide)
        throw ModelFileError("the model takes " + std::to_string(model.image_rows) + "x" +
                             std::to_string(model.image_cols) + " images; reading a drawing needs a model of " +
                             std::to_string(kDigitSide) + "x" + std::to_string(kDigitSide) + " images");
    return model;
}

// One image is too little work to share: one OpenMP thread, for the caller's thread only and restored after
// (measured with mlp-workbench --measure-canvas at load 12 on 2 cores: p99 1.7 ms with one thread, 22 ms with two).
class OneThread {
public:
    OneThread() : m_threads(omp_get_max_threads()) { omp_set_num_threads(1); }
    ~OneThread() { omp_set_num_threads(m_threads); }
    OneThread(const OneThread&) = delete;
    OneThread& operator=(const OneThread&) = delete;

private:
    int m_threads;
};

}  // namespace

DigitClassifier::DigitClassifier(const ModelFile& model)
    : m_net(make_network(taking_digits(model), 1)),
      m_assembler(model.experiment.data.normalization, model.normalization_mean, model.normalization_stddev),
      m_classNames(model.class_names) {
    const OneThread one;
    m_net.prepare(1, Pass::inference);  // the primitives of one row on one thread, as read() runs them
}

DigitReading DigitClassifier::read(const GreyImage& picture, InkPolarity polarity) {
    const std::optional<DigitImage> digit = preprocess_digit(picture, polarity);
    if (!digit) return {};
    return read(*digit);
}

DigitReading DigitClassifier::read(const DigitImage& digit) {
    // A one-image set around the digit, so that the normalisation is the training's own code.
    ImageSet one;
    one.pixels.assign(digit.begin(), digit.end());
    one.count = 1, one.rows = kDigitSide, one.cols = kDigitSide;
    const uint32_t index = 0;
    m_assembler.gather(one, &index, 1, m_net.input());
    const OneThread single;
    const float* p = m_net.forward(1, Pass::inference);
    DigitReading reading;
    reading.input = digit;
    reading.probabilities.assign(p, p + m_net.num_classes());
    reading.predicted = static_cast<int>(std::max_element(reading.probabilities.begin(), reading.probabilities.end()) -
                                         reading.probabilities.begin());
    return reading;
}

}  // namespace mlpw
