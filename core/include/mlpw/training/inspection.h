#pragma once
// What the window's live views need from a run beyond its metrics (kept in RunRecord, see run_record.h):
//   SamplePanel      a fixed set of validation images, chosen once per run, whose predictions each epoch records
//   KernelSnapshot   the first Dense layer's kernel at an epoch end, 8-bit (the weights view's picture)
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mlpw/data/dataset.h"
#include "mlpw/nn/network.h"

namespace mlpw {

constexpr int kPanelSamplesPerClass = 4;

// The first kPanelSamplesPerClass images of each class in the validation split's order (fewer when a class has
// fewer), ordered by class then position: the same panel for every run on the same data and split. At most
// max_samples images (the rows one inference call takes).
struct SamplePanel {
    int rows = 0, cols = 0;
    std::vector<uint32_t> indices;  // {n} into the training images
    std::vector<uint8_t> labels;    // {n}
    std::vector<uint8_t> pixels;    // {n, rows * cols}: the images themselves, so a bundle replays without the data
    int size() const { return static_cast<int>(indices.size()); }
    const uint8_t* image(int i) const { return pixels.data() + static_cast<size_t>(i) * rows * cols; }
    bool operator==(const SamplePanel&) const = default;
};
SamplePanel choose_sample_panel(const ImageSet& set, const std::vector<uint32_t>& validation, int classes,
                                int max_samples);

// The first Dense layer's kernel {units, inputs} quantised symmetrically: w ~ values[u * inputs + i] * scale,
// scale = max|w| / 127. 8 bits are all a colour map shows and a quarter of the floats' memory (784x512: 400 KB per
// epoch instead of 1.6 MB); the values are shared, so copying a record (a snapshot per epoch) copies no kernel.
struct KernelSnapshot {
    std::string tensor;  // "dense/kernel"
    int units = 0, inputs = 0;
    float scale = 0.0f;
    std::shared_ptr<const std::vector<int8_t>> values;  // {units, inputs}; null when empty
    bool empty() const { return !values; }
    float at(int unit, int input) const { return (*values)[static_cast<size_t>(unit) * inputs + input] * scale; }
    bool operator==(const KernelSnapshot& other) const;  // by value
};
// The first ".../kernel" tensor of `state` (the first Dense layer's) quantised; empty when there is none.
KernelSnapshot first_layer_kernel(const ModelState& state);
KernelSnapshot quantize_kernel(const NamedTensor& kernel);

}  // namespace mlpw
