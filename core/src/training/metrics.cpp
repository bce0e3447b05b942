// Confusion matrix statistics.
#include "mlpw/training/metrics.h"

#include <numeric>

namespace mlpw {

int64_t ConfusionMatrix::total() const { return std::accumulate(counts.begin(), counts.end(), int64_t{0}); }

double ConfusionMatrix::accuracy() const {
    int64_t diagonal = 0;
    for (int c = 0; c < classes; ++c) diagonal += at(c, c);
    const int64_t n = total();
    return n ? static_cast<double>(diagonal) / static_cast<double>(n) : 0.0;
}

double ConfusionMatrix::precision(int c) const {
    int64_t predicted = 0;
    for (int t = 0; t < classes; ++t) predicted += at(t, c);
    return predicted ? static_cast<double>(at(c, c)) / static_cast<double>(predicted) : 0.0;
}

double ConfusionMatrix::recall(int c) const {
    int64_t actual = 0;
    for (int p = 0; p < classes; ++p) actual += at(c, p);
    return actual ? static_cast<double>(at(c, c)) / static_cast<double>(actual) : 0.0;
}

}  // namespace mlpw
