// Keras' model.summary() for a Sequential model of Dense-style layers.
#include "mlpw/report/summary.h"

#include <cstdio>

namespace mlpw {
namespace {

constexpr int kLineLength = 65;
constexpr int kColumnEnds[] = {29, 55, 65};  // Keras' Sequential positions [.45, .85, 1] x 65
static_assert(kColumnEnds[2] == kLineLength);

std::string shape_text(const std::vector<int>& shape) {
    std::string text = "(None";
    for (int d : shape) text += ", " + std::to_string(d);
    return text + ")";
}

// One table row as Keras prints it: a leading space, each field cut to its column (keeping two spaces
// between columns) and continued on the next line when too long; trailing spaces dropped.
std::string table_row(std::vector<std::string> fields) {
    std::string out;
    bool more = true;
    while (more) {
        std::string line = " ";
        more = false;
        for (size_t col = 0; col < fields.size(); ++col) {
            const int start = col == 0 ? 1 : kColumnEnds[col - 1];
            const int room = kColumnEnds[col] - start - (col + 1 < fields.size() ? 2 : 0);
            line.append(fields[col], 0, static_cast<size_t>(room));
            fields[col].erase(0, std::min(fields[col].size(), static_cast<size_t>(room)));
            more = more || !fields[col].empty();
            if (col + 1 < fields.size()) line.resize(static_cast<size_t>(kColumnEnds[col]), ' ');
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    return out;
}

std::string memory_text(long long params) { return readable_size(static_cast<double>(params) * 4.0); }  // float32

}  // namespace

std::string readable_size(double bytes) {
    static const char* const units[] = {"Byte", "KB", "MB", "GB", "TB", "PB"};
    int unit = 0;
    while (bytes >= 1024.0 && unit < 5) bytes /= 1024.0, ++unit;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.2f %s", bytes, units[unit]);
    return buffer;
}

std::string with_thousands(long long n) {
    const bool negative = n < 0;
    const std::string digits = std::to_string(negative ? -(n + 1) + 1ull : static_cast<unsigned long long>(n));
    std::string out = negative ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

ModelSummary summarize(const ModelSpec& model, const DataShape& shape) {
    ModelSummary summary;
    const auto names = layer_names(model);
    long long features = shape.input_features;  // {batch, features} flows through; only Dense changes it
    for (size_t i = 0; i < model.layers.size(); ++i) {
        const LayerSpec& layer = model.layers[i];
        SummaryRow row{names[i], layer_type_info(layer.type).keras_class, {}, 0};
        long long trainable = 0, frozen = 0;
        if (layer.type == LayerType::dense) {
            trainable = features * layer.units + (layer.use_bias ? layer.units : 0);  // W {units, in} + b {units}
            features = layer.units;
        } else if (layer.type == LayerType::batch_normalization) {
            trainable = 2 * features;  // gamma, beta
            frozen = 2 * features;     // moving mean, moving variance
        }
        row.shape = {static_cast<int>(features)};
        row.params = trainable + frozen;
        summary.trainable_params += trainable;
        summary.non_trainable_params += frozen;
        summary.rows.push_back(row);
    }
    summary.total_params = summary.trainable_params + summary.non_trainable_params;
    return summary;
}

std::string ModelSummary::text(const std::string& model_name) const {
    const std::string rule(kLineLength, '_'), double_rule(kLineLength, '=');
    std::string out = "Model: \"" + model_name + "\"\n" + rule + "\n";
    out += table_row({"Layer (type)", "Output Shape", "Param #"});
    out += double_rule + "\n";
    for (const SummaryRow& row : rows)
        out += table_row({row.name + " (" + row.type + ")", shape_text(row.shape), std::to_string(row.params)});
    out += double_rule + "\n";
    out += "Total params: " + with_thousands(total_params) + " (" + memory_text(total_params) + ")\n";
    out += "Trainable params: " + with_thousands(trainable_params) + " (" + memory_text(trainable_params) + ")\n";
    out += "Non-trainable params: " + with_thousands(non_trainable_params) + " (" + memory_text(non_trainable_params) +
        ")\n";
    out += rule + "\n";
    return out;
}

}  // namespace mlpw
