// See evaluation.h.
#include "mlpw/training/evaluation.h"

#include <algorithm>

namespace mlpw {

EvaluationResult evaluate(Network& net, const BatchAssembler& assembler, const ImageSet& set,
                          const std::vector<uint32_t>& indices, int rows_per_call, const std::atomic<bool>* stop) {
    const int k = net.num_classes();
    EvaluationResult result;
    result.confusion = ConfusionMatrix(k);
    std::vector<uint8_t> labels(static_cast<size_t>(rows_per_call));
    double loss_sum = 0.0;
    size_t done = 0;
    for (size_t start = 0; start < indices.size(); start += static_cast<size_t>(rows_per_call)) {
        if (stop && stop->load(std::memory_order_relaxed)) break;
        const int rows = static_cast<int>(std::min<size_t>(static_cast<size_t>(rows_per_call), indices.size() - start));
        // input {rows, features} = normalise(images), labels {rows}
        assembler.gather(set, indices.data() + start, rows, net.input());
        for (int r = 0; r < rows; ++r) labels[r] = set.labels[indices[start + r]];
        const float* p = net.forward(rows, Pass::inference);  // {rows, k}
        loss_sum += net.loss(labels.data(), rows).loss_sum;
        for (int r = 0; r < rows; ++r) {
            const float* pr = p + static_cast<size_t>(r) * k;
            const int predicted = static_cast<int>(std::max_element(pr, pr + k) - pr);
            result.confusion.add(labels[r], predicted);
            if (predicted != labels[r])
                result.misclassified.push_back({indices[start + r], labels[r], uint8_t(predicted), pr[predicted]});
        }
        done += static_cast<size_t>(rows);
    }
    result.samples = static_cast<int>(done);
    result.data_loss = done == 0 ? 0.0 : loss_sum / static_cast<double>(done);
    result.loss = result.data_loss + net.regularization_penalty();  // the weights are those just evaluated
    result.accuracy = result.confusion.accuracy();
    std::sort(result.misclassified.begin(), result.misclassified.end(),
              [](const Misclassified& a, const Misclassified& b) { return a.confidence > b.confidence; });
    if (result.misclassified.size() > kMisclassifiedKept) result.misclassified.resize(kMisclassifiedKept);
    return result;
}

}  // namespace mlpw
