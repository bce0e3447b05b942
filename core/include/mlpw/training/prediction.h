#pragma once
// A trained model (a model file's weights, experiment and normalisation) used for inference: the class
// probabilities of every image of a set, and evaluation on a whole set. The window's gallery and test-set
// evaluation and `mlpw evaluate` use it.
//   model -> network {capacity rows} + assembler -> probabilities {images, classes}
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "mlpw/data/dataset.h"
#include "mlpw/io/model_io.h"
#include "mlpw/nn/network.h"
#include "mlpw/training/evaluation.h"
#include "mlpw/training/metrics.h"

namespace mlpw {

class InferenceModel {
public:
    // Rebuilds the network of `model` with its weights; rows_per_call rows per forward pass.
    explicit InferenceModel(const ModelFile& model, int rows_per_call = kEvaluationRows);

    int num_classes() const { return m_network.num_classes(); }
    // probabilities {indices.size(), num_classes()} = softmax(model(normalise(set.image(indices[i])))).
    // Batched (rows_per_call rows a call, primitives prepared before the loop, nothing allocated in it).
    // `stop`, when given, is checked before each call; returns false when it stopped the work.
    bool predict(const ImageSet& set, const std::vector<uint32_t>& indices, float* probabilities,
                 const std::atomic<bool>* stop = nullptr);
    // The model on every image of `set`: loss (penalty included), accuracy, confusion, most confident mistakes.
    EvaluationResult evaluate(const ImageSet& set);

private:
    void prepare_for(size_t count);

    Network m_network;
    BatchAssembler m_assembler;
    int m_rows_per_call;
};

// Throws Error, naming `model_name`, when `model` cannot read `data`: a different image geometry or more classes
// than the model predicts (e.g. "model.mlpw: the model takes 28x28 images (784 inputs) but the data set x has
// 32x32 images"). A data set with fewer classes (its labels a subset of the model's: "my digits" 0-7) fits.
void check_model_fits(const ModelFile& model, const Dataset& data, const std::string& model_name);

}  // namespace mlpw
