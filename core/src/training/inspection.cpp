// See inspection.h.
#include "mlpw/training/inspection.h"

#include <algorithm>
#include <cmath>

namespace mlpw {

SamplePanel choose_sample_panel(const ImageSet& set, const std::vector<uint32_t>& validation, int classes,
                                int max_samples) {
    SamplePanel panel;
    panel.rows = set.rows;
    panel.cols = set.cols;
    for (int c = 0; c < classes; ++c) {
        int taken = 0;
        for (size_t i = 0; i < validation.size() && taken < kPanelSamplesPerClass && panel.size() < max_samples; ++i) {
            const uint32_t index = validation[i];
            if (set.labels[index] != c) continue;
            panel.indices.push_back(index);
            panel.labels.push_back(static_cast<uint8_t>(c));
            panel.pixels.insert(panel.pixels.end(), set.image(static_cast<int>(index)),
                                set.image(static_cast<int>(index)) + set.features());
            ++taken;
        }
    }
    return panel.size() > 0 ? panel : SamplePanel{};
}

bool KernelSnapshot::operator==(const KernelSnapshot& other) const {
    if (tensor != other.tensor || units != other.units || inputs != other.inputs || scale != other.scale ||
        empty() != other.empty())
        return false;
    return empty() || *values == *other.values;
}

KernelSnapshot quantize_kernel(const NamedTensor& kernel) {
    KernelSnapshot snapshot;
    snapshot.tensor = kernel.name;
    snapshot.units = kernel.shape.at(0);
    snapshot.inputs = kernel.shape.at(1);
    float largest = 0.0f;
    for (const float w : kernel.values) largest = std::max(largest, std::abs(w));
    snapshot.scale = largest > 0.0f ? largest / 127.0f : 1.0f;
    std::vector<int8_t> values(kernel.values.size());
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<int8_t>(std::clamp(std::lround(kernel.values[i] / snapshot.scale), -127L, 127L));
    snapshot.values = std::make_shared<const std::vector<int8_t>>(std::move(values));
    return snapshot;
}

KernelSnapshot first_layer_kernel(const ModelState& state) {
    const auto kernel = std::find_if(state.begin(), state.end(), [](const NamedTensor& t) {
        return t.shape.size() == 2 && t.name.size() > 7 && t.name.compare(t.name.size() - 7, 7, "/kernel") == 0;
    });
    return kernel == state.end() ? KernelSnapshot{} : quantize_kernel(*kernel);
}

}  // namespace mlpw
