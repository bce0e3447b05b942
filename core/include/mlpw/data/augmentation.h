#pragma once
// The model's augmentation layers (random_translation, random_rotation, random_zoom, elastic_deformation),
// applied while the training batch is assembled: each image goes through the layers' coordinate maps, composed
// as Keras stacks the layers (the output pixel p samples the input at T_1(T_2(... T_n(p)))), and is resampled once,
// bilinearly, from the uint8 pixels (Keras resamples after each layer; one resampling blurs less).
// Image i of training step s draws its transform from derive_seed(seed, stream, s) and i alone, so a batch
// is the same for any thread count; the images are spread over the OpenMP threads. Nothing is allocated per
// batch: the per-thread scratch (two displacement fields and a smoothing row buffer) is sized at construction.
#include <cstdint>
#include <vector>

#include "mlpw/data/dataset.h"
#include "mlpw/experiment/model_spec.h"

namespace mlpw {

class Augmenter {
public:
    // The augmentation layers of `model` (none: inactive) for images of rows x cols pixels.
    Augmenter(const ModelSpec& model, int rows, int cols, uint64_t seed);
    bool active() const { return !m_layers.empty(); }

    // dst {n, rows * cols} = normalise(augment(set.image(indices[i]))) with the assembler's normalisation;
    // `step` is the optimiser step the batch is for.
    void gather(const BatchAssembler& assembler, const ImageSet& set, const uint32_t* indices, int n, uint64_t step,
                float* dst);

    // What one layer drew for one image: a shift in pixels, an angle in radians (counter-clockwise), zoom factors.
    struct Draw {
        float dx = 0.0f, dy = 0.0f, angle = 0.0f, zx = 1.0f, zy = 1.0f;
    };
    // The resampling alone, from given draws (one per augmentation layer) and, with an elastic layer, its
    // displacement field {rows * cols} per axis in pixels: dst {rows * cols} = normalise(warped src).
    void warp(const uint8_t* src, float scale, float offset, const Draw* draws, const float* field_dx,
              const float* field_dy, float* dst) const;

private:
    struct Scratch {
        std::vector<float> dx, dy, row;  // {rows * cols} each: the elastic field, the smoothing pass
        std::vector<Draw> draws;         // {augmentation layers}
    };
    void augment(const uint8_t* src, float scale, float offset, uint64_t step, uint32_t index, float* dst,
                 Scratch& scratch) const;
    void smooth(std::vector<float>& field, std::vector<float>& row, const std::vector<float>& kernel) const;

    std::vector<LayerSpec> m_layers;
    std::vector<std::vector<float>> m_kernels;  // per layer: the normalised Gaussian of an elastic layer
    int m_rows, m_cols;
    uint64_t m_seed;
    std::vector<Scratch> m_scratch;  // one per thread
};

}  // namespace mlpw
