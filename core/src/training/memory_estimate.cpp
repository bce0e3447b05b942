// See memory_estimate.h. The sizes mirror what Network, Optimizer and Trainer allocate (network.cpp, the
// layer files, optimizer.cpp, trainer.cpp); doubles, so that no layer size can overflow.
#include "mlpw/training/memory_estimate.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "mlpw/nn/optimizer.h"
#include "mlpw/report/summary.h"
#include "mlpw/training/evaluation.h"

namespace mlpw {
namespace {

constexpr double kFloat = sizeof(float);
// Plain copies of the weights alive at once: the last completed epoch's (the Trainer's fallback), a snapshot
// being taken (state() builds a new one), and the copy a model file is serialised from.
constexpr int kWeightCopies = 3;
// oneDNN's AVX-512 inner product keeps weights blocked: inputs padded to 16, outputs to 16 for narrow layers
// and to 64 otherwise (measured: 17->40 takes 32 x 64 floats, 40->10 takes 48 x 16). AVX2 keeps them plain.
constexpr double kInputBlock = 16, kNarrowOutputBlock = 16, kOutputBlock = 64;

double padded(double n, double block) { return std::ceil(n / block) * block; }
double padded_outputs(double units) {
    return padded(units, units <= kNarrowOutputBlock ? kNarrowOutputBlock : kOutputBlock);
}

}  // namespace

std::string MemoryEstimate::text() const {
    std::string out = "about " + readable_size(total()) + " (weights " + readable_size(weights) + ", gradients " +
        readable_size(gradients) + ", optimiser slots " + readable_size(optimizer_slots) + ", weight copies " +
        readable_size(weight_copies) + ", activations " + readable_size(activations);
    if (data > 0) out += ", data " + readable_size(data);
    return out + ")";
}

MemoryEstimate estimate_memory(const ExperimentSpec& spec, const DataShape& shape, int64_t images) {
    MemoryEstimate m;
    const double rows = std::max(spec.training.batch_size, kEvaluationRows);  // the network's capacity
    double features = shape.input_features, plain_params = 0, layout_params = 0, bfloat16_kernels = 0,
           bfloat16_data = 0;
    m.activations = rows * features * kFloat;  // the network's input
    for (const LayerSpec& layer : spec.model.layers) {
        switch (layer.type) {
            case LayerType::flatten:
            case LayerType::random_translation:
            case LayerType::random_rotation:
            case LayerType::random_zoom:
            case LayerType::elastic_deformation: break;
            case LayerType::dense: {
                const double units = layer.units, bias = layer.use_bias ? units : 0;
                plain_params += units * features + bias;
                layout_params += padded_outputs(units) * padded(features, kInputBlock) + bias;
                m.activations += rows * (units + features) * kFloat;  // dst {rows, units}, diff_src {rows, in}
                // mixed_bfloat16's copies (2 bytes each): the kernel, and src {rows, in}, diff_dst {rows, units}
                bfloat16_kernels += padded_outputs(units) * padded(features, kInputBlock);
                bfloat16_data += rows * (features + units);
                features = units;
                break;
            }
            case LayerType::activation:
            case LayerType::leaky_relu: m.activations += 2 * rows * features * kFloat; break;  // dst, diff_src
            case LayerType::dropout: m.activations += 3 * rows * features * kFloat; break;     // and the mask
            case LayerType::batch_normalization:
                plain_params += 4 * features;
                layout_params += 4 * features;
                m.activations += 2 * rows * features * kFloat;
                break;
        }
    }
    m.activations += 2 * rows * shape.num_classes * kFloat;  // probabilities, head gradient
    const bool mixed = spec.training.dtype_policy == DTypePolicy::mixed_bfloat16;
    m.weights = layout_params * kFloat;
    m.gradients = layout_params * kFloat;
    m.optimizer_slots = slots_per_parameter(spec.optimizer) * layout_params * kFloat;
    m.weight_copies = kWeightCopies * plain_params * kFloat;
    if (mixed) {
        m.weight_copies += bfloat16_kernels * 2;
        m.activations += bfloat16_data * 2;
    }
    m.data = static_cast<double>(images) * (shape.input_features + 1);  // uint8 pixels and a label each
    return m;
}

std::optional<double> available_memory() {
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line)) {
        std::istringstream fields(line);
        std::string key;
        double kilobytes = 0;
        if (fields >> key >> kilobytes && key == "MemAvailable:") return kilobytes * 1024.0;
    }
    return std::nullopt;
}

void check_memory(const MemoryEstimate& estimate, const std::string& what) {
    const std::optional<double> available = available_memory();
    if (!available || estimate.training() <= *available) return;
    MemoryEstimate needed = estimate;
    needed.data = 0;  // loaded already: counted in what is no longer available
    throw OutOfMemoryError(what + ": not enough memory to train: it needs " + needed.text() + " but only " +
                           readable_size(*available) +
                           " is available (MemAvailable in /proc/meminfo); make the layers or the batch smaller");
}

}  // namespace mlpw
