#pragma once
// The model's augmentation layers (random_translation, random_rotation, random_zoom, elastic_deformation),
// applied while the training batch is assembled: each image goes through the layers' coordinate maps, composed
// as Keras stacks the layers (the output pixel p samples the input at T_1(T_2(... T_n(p)))), and is resampled once,
// bilinearly, from the uint8 pixels (Keras resamples after each layer; one resampling blurs less).
// Image i of training step s draws its transform from derive_seed(seed, stream, s) and i alone, so a batch
// is the same for any thread count; the images are spread over the OpenMP threads. Nothing is allocated per
// batch: the per-thread scratch (noise, smoothing passes, displacement fields) is sized at construction.
// The affine layers next to each other are composed into one matrix per image before the pixels are visited.
// The elastic field (uniform noise per pixel, Gaussian-smoothed) is the costly part: its Gaussian is truncated
// at 3 sigma (scipy's truncate=3.0; scipy's default 4 sigma adds the taps beyond, 0.27 % of the 1-D weight) and
// evaluated only on a grid of nodes every ElasticSmoothing::step pixels (<= sigma / 2), bilinearly
// interpolated in between: the field is smooth over sigma, so it moves by about 4 % RMS (tst_augmentation).
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

    // How an elastic layer smooths its noise: the kernel and the node grid the smoothed field is computed on.
    struct ElasticSmoothing {
        std::vector<float> kernel;  // {2 radius + 1}: the Gaussian, truncated at 3 sigma, normalised to sum 1
        int radius = 0;
        int step = 1;                  // pixels between nodes: max(1, floor(sigma / 2))
        int nodes_x = 0, nodes_y = 0;  // nodes at 0, step, ...: the last at or past the last pixel
        int padded_cols = 0;           // noise row length: the zeros either side let the row pass run branch-free
        ElasticSmoothing() = default;
        ElasticSmoothing(float sigma, int rows, int cols);
    };
    // One layer's displacement field {rows * cols} per axis, in pixels, from its noise: exposed for the tests.
    // noise_* {rows * cols}: uniform(-1, 1) per pixel; field_* = alpha * smoothed noise.
    void elastic_field(const ElasticSmoothing& smoothing, float alpha, const float* noise_x, const float* noise_y,
                       float* field_x, float* field_y) const;

private:
    struct Scratch {
        std::vector<float> noise, row, nodes;  // {rows * padded_cols}, {rows * nodes_x}, {nodes_y * nodes_x}
        std::vector<float> dx, dy;             // {rows * cols} each: the elastic field
        std::vector<Draw> draws;               // {augmentation layers}
    };
    void augment(const uint8_t* src, float scale, float offset, uint64_t step, uint32_t index, float* dst,
                 Scratch& scratch) const;
    // scratch.noise = the value(x, y) of each pixel, row by row, inside zero margins (the layout of `smoothing`).
    template <class Value>
    void load_noise(const ElasticSmoothing& smoothing, Scratch& scratch, Value value) const;
    // Smooths the noise in scratch.noise (interior written, margins zero) into field {rows * cols}, times alpha.
    void smooth(const ElasticSmoothing& smoothing, float alpha, Scratch& scratch, float* field) const;

    std::vector<LayerSpec> m_layers;
    std::vector<ElasticSmoothing> m_smoothing;  // per layer: set for an elastic layer
    int m_rows, m_cols;
    uint64_t m_seed;
    std::vector<Scratch> m_scratch;  // one per thread
};

}  // namespace mlpw
