#pragma once
// One picture at a time through a trained model, as the canvas and `mlpw predict` use it:
//   GreyImage {rows, cols} -> preprocess_digit -> DigitImage {28, 28} -> the model's normalisation (BatchAssembler,
//   as in training) -> network {1, 784} -> probabilities {classes}.
// Move-only (it owns the network); not thread-safe: one caller at a time.
#include <optional>
#include <string>
#include <vector>

#include "mlpw/data/dataset.h"
#include "mlpw/data/digit_preprocess.h"
#include "mlpw/io/model_io.h"
#include "mlpw/nn/network.h"

namespace mlpw {

struct DigitReading {
    std::optional<DigitImage> input;   // what the network saw; nullopt: nothing to read
    std::vector<float> probabilities;  // {classes}; empty without input
    int predicted = -1;                // arg-max; -1 without input
};

class DigitClassifier {
public:
    // Throws ModelFileError when the model does not take 28x28 images.
    explicit DigitClassifier(const ModelFile& model);

    DigitReading read(const GreyImage& picture, InkPolarity polarity);
    // The probabilities {classes} of an image already in MNIST's form.
    DigitReading read(const DigitImage& digit);
    const std::vector<std::string>& class_names() const { return m_classNames; }

private:
    Network m_net;
    BatchAssembler m_assembler;
    std::vector<std::string> m_classNames;
};

}  // namespace mlpw
