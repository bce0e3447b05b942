#pragma once
// Keras-style model summary: layer (type), output shape, parameter count, totals and size in MB.
#include <string>
#include <vector>

#include "mlpw/experiment/experiment.h"

namespace mlpw {

struct SummaryRow {
    std::string name;        // "dense_1"
    std::string type;        // "Dense", "Activation", "LeakyReLU", "Dropout", "BatchNormalization", "Flatten"
    std::vector<int> shape;  // output shape without the batch dimension: {512}
    long long params = 0;
};

struct ModelSummary {
    std::vector<SummaryRow> rows;
    long long total_params = 0, trainable_params = 0, non_trainable_params = 0;
    double megabytes() const { return static_cast<double>(total_params) * 4.0 / (1024.0 * 1024.0); }
    // The text Keras' model.summary() prints (with "(1.55 MB)" after each total, as Keras 3 does).
    std::string text(const std::string& model_name = "sequential") const;
};

// Dense params = in * units + units; BatchNormalization 4 * features (2 trainable, 2 moving statistics).
ModelSummary summarize(const ModelSpec& model, const DataShape& shape);

// "407,050"
std::string with_thousands(long long n);
// Keras' readable_memory_size: "1.55 MB", "0.00 Byte" (powers of 1024).
std::string readable_size(double bytes);

}  // namespace mlpw
