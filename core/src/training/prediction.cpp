// See prediction.h.
#include "mlpw/training/prediction.h"

#include <algorithm>
#include <numeric>

#include "mlpw/errors.h"

namespace mlpw {
namespace {

std::string geometry(int rows, int cols) { return std::to_string(rows) + "x" + std::to_string(cols); }

}  // namespace

InferenceModel::InferenceModel(const ModelFile& model, int rows_per_call)
    : m_network(make_network(model, rows_per_call)),
      m_assembler(model.experiment.data.normalization, model.normalization_mean, model.normalization_stddev),
      m_rows_per_call(rows_per_call) {}

void InferenceModel::prepare_for(size_t count) {
    if (count == 0) return;
    m_network.prepare(static_cast<int>(std::min<size_t>(count, size_t(m_rows_per_call))), Pass::inference);
    if (count % size_t(m_rows_per_call)) m_network.prepare(int(count % size_t(m_rows_per_call)), Pass::inference);
}

bool InferenceModel::predict(const ImageSet& set, const std::vector<uint32_t>& indices, float* probabilities,
                             const std::atomic<bool>* stop) {
    prepare_for(indices.size());
    const size_t k = size_t(num_classes());
    for (size_t start = 0; start < indices.size(); start += size_t(m_rows_per_call)) {
        if (stop && stop->load(std::memory_order_relaxed)) return false;
        const int rows = static_cast<int>(std::min(size_t(m_rows_per_call), indices.size() - start));
        // input {rows, features} = normalise(images); p {rows, k}
        m_assembler.gather(set, indices.data() + start, rows, m_network.input());
        const float* p = m_network.forward(rows, Pass::inference);
        std::copy(p, p + size_t(rows) * k, probabilities + start * k);
    }
    return true;
}

EvaluationResult InferenceModel::evaluate(const ImageSet& set) {
    std::vector<uint32_t> all(static_cast<size_t>(set.count));
    std::iota(all.begin(), all.end(), 0u);
    prepare_for(all.size());
    return mlpw::evaluate(m_network, m_assembler, set, all, m_rows_per_call);
}

void check_model_fits(const ModelFile& model, const Dataset& data, const std::string& model_name) {
    const ImageSet& test = data.test;
    const int model_classes = static_cast<int>(model.class_names.size());
    if (test.features() != model.image_rows * model.image_cols)
        throw Error(model_name + ": the model takes " + geometry(model.image_rows, model.image_cols) + " images (" +
                    std::to_string(model.image_rows * model.image_cols) + " inputs) but the data set " + data.name +
                    " has " + geometry(test.rows, test.cols) + " images (" + std::to_string(test.features()) +
                    " inputs)");
    // Fewer is fine: a folder of some digits only (0-7) derives 8 classes, a subset of the model's 10.
    if (data.num_classes() > model_classes)
        throw Error(model_name + ": the model predicts " + std::to_string(model_classes) +
                    " classes but the data set " + data.name + " has " + std::to_string(data.num_classes()));
}

}  // namespace mlpw
