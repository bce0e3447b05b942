#include "inspect/my_digits_score.h"

#include <algorithm>
#include <numeric>

#include "mlpw/training/evaluation.h"

std::optional<double> my_digits_accuracy(const mlpw::RunRecord& record, const mlpw::ImageSet& set) {
    const int classes = int(record.data.class_names.size());
    if (set.count == 0 || record.final_weights.empty() || set.rows != record.data.image_rows ||
        set.cols != record.data.image_cols ||
        std::any_of(set.labels.begin(), set.labels.end(), [classes](uint8_t label) { return label >= classes; }))
        return std::nullopt;
    constexpr int kRows = 64;  // drawings per forward pass
    mlpw::Network net = mlpw::make_network(mlpw::model_file_of(record, record.final_weights), kRows);
    const mlpw::BatchAssembler assembler(record.experiment.data.normalization, record.data.normalization_mean,
                                         record.data.normalization_stddev);
    std::vector<uint32_t> all(size_t(set.count));
    std::iota(all.begin(), all.end(), 0u);
    return mlpw::evaluate(net, assembler, set, all, kRows).accuracy;
}

void MyDigitsScores::scoreLatest(const mlpw::RunRecord& record) {
    m_scores.resize(record.history.size());
    if (m_set && !m_scores.empty()) m_scores.back() = my_digits_accuracy(record, *m_set);
}

mlpw::RunRecord MyDigitsScores::annotated(const mlpw::RunRecord& record) const {
    mlpw::RunRecord copy = record;
    for (size_t e = 0; e < std::min(copy.history.size(), m_scores.size()); ++e)
        if (m_scores[e]) {
            copy.history[e].has_my_digits = true;
            copy.history[e].my_digits_accuracy = *m_scores[e];
        }
    return copy;
}
