#pragma once
// One experiment file describes a run completely: data, model, optimiser, training options, callbacks.
// JSON in, validated ExperimentSpec out; every problem is reported with its path and what is allowed.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mlpw/errors.h"
#include "mlpw/experiment/callback_spec.h"
#include "mlpw/experiment/model_spec.h"
#include "mlpw/experiment/optimizer_spec.h"

namespace mlpw {

enum class Normalization { scale, standardize, none };  // scale: x / 255 (the study's choice)
std::string to_string(Normalization n);
bool parse_normalization(const std::string& name, Normalization& out);

struct DataSpec {
    std::string source = "mnist";  // "mnist" | "fashion_mnist" | a folder of IDX files
    float validation_split = 0.25f;
    Normalization normalization = Normalization::scale;
    bool operator==(const DataSpec&) const = default;
};

// Keras' mixed precision policy for fit (keras.mixed_precision.set_global_policy). mixed_bfloat16: the Dense
// layers' matrix products read bfloat16 copies of their inputs, weights and gradients and accumulate in float32,
// about twice the float32 rate on CPUs with AVX512_BF16. The weights, the optimiser and every evaluation
// (validation, test, predict, export) stay float32, as Keras keeps variables in float32.
enum class DTypePolicy { float32, mixed_bfloat16 };
std::string to_string(DTypePolicy policy);
bool parse_dtype_policy(const std::string& name, DTypePolicy& out);
const std::vector<std::string>& dtype_policy_names();

struct TrainingSpec {
    int epochs = 5;
    int batch_size = 32;
    bool shuffle = true;
    uint64_t seed = 13;
    int threads = 0;  // 0: automatic
    // A model file (.mlpw) whose weights the run starts from, as Keras' model.load_weights(path) before fit;
    // empty: the layers' initialisers. See mlpw/training/initial_weights.h.
    std::string initial_weights;
    DTypePolicy dtype_policy = DTypePolicy::float32;
    bool operator==(const TrainingSpec&) const = default;
};

struct ExperimentSpec {
    std::string name;         // shown in titles and run tables
    std::string description;  // what the experiment shows
    DataSpec data;
    ModelSpec model;
    std::string loss = "categorical_crossentropy";
    OptimizerSpec optimizer;
    TrainingSpec training;
    CallbackSpecs callbacks;
    // "sweep": {"optimizer": [ {...}, ... ], "training.batch_size": [32, 64, 128]}; empty for a single run.
    nlohmann::json sweep;
    bool operator==(const ExperimentSpec&) const = default;
};

// The facts validation needs about the data (known before loading pixels: from the IDX headers).
struct DataShape {
    int input_features = 784;
    int num_classes = 10;
};

// Parses and validates. Throws SpecError carrying every problem (SpecError::problems()); its message lists them,
// one per line, as "model.layers[2].units: must be a positive integer, got -5", after `origin` (a file name).
ExperimentSpec experiment_from_json(const nlohmann::json& json, const std::string& origin = "experiment");
ExperimentSpec load_experiment(const std::string& path);
// The fully resolved form (every option written out, defaults included); parses back to an equal spec.
nlohmann::json experiment_to_json(const ExperimentSpec& spec);
void save_experiment(const ExperimentSpec& spec, const std::string& path);  // atomic

// Checks that the model fits the data (input size, the last Dense units against the number of classes...).
// Returns the problems (empty when fine).
std::vector<SpecProblem> check_against_data(const ExperimentSpec& spec, const DataShape& shape);

// The value rules alone, for a spec built in code (experiment_from_json applies them too): the problems, empty
// when the spec is valid. Callbacks are numbered in CallbackSpecs' order ("callbacks[1]": the second of them).
std::vector<SpecProblem> validate_experiment(const ExperimentSpec& spec);

// The layer an option path is inside: "model.layers[3].kernel_initializer.stddev" -> {3, "kernel_initializer.stddev"},
// "model.layers[3]" -> {3, ""}; nothing for a path outside model.layers.
struct LayerField {
    size_t layer = 0;
    std::string field;
};
std::optional<LayerField> layer_field(const std::string& path);

// One run of a sweep: the experiment with one value of every sweep key written over it.
struct SweepPoint {
    std::string label;    // "optimizer=adam, training.batch_size=64" (a value's "name", if it has one)
    ExperimentSpec spec;  // its sweep is empty
};
// The grid: keys in alphabetical order (a parent before the paths inside it), the last key varying fastest.
// Without a sweep, one point: the spec itself with an empty label. Throws SpecError for an invalid point.
std::vector<SweepPoint> expand_sweep(const ExperimentSpec& spec);

// Applies "key.path=value" overrides (the CLI's --set, the sweep's grid); value is JSON or a bare string.
nlohmann::json apply_override(nlohmann::json json, const std::string& key_path, const std::string& value);

}  // namespace mlpw
