#pragma once
// The memory a training run needs, estimated from the experiment before anything is allocated, and the guard
// that refuses a run the machine cannot hold (a 2,000,000-unit Dense layer would otherwise fill the RAM and take
// the desktop down with it). The summary (CLI and window) shows the estimate; the Trainer checks it.
#include <cstdint>
#include <new>
#include <optional>
#include <string>

#include "mlpw/errors.h"
#include "mlpw/experiment/experiment.h"

namespace mlpw {

// Bytes, as the Trainer allocates them (float32 everywhere, images and labels as bytes).
struct MemoryEstimate {
    double weights = 0;          // every parameter, in the training layout (padded to oneDNN's blocks)
    double gradients = 0;        // one per trainable parameter, same layout
    double optimizer_slots = 0;  // the optimiser's per-parameter state (Adam: m and v)
    double weight_copies = 0;  // plain copies: the last completed epoch's, a snapshot being taken, a file being saved;
                               // with mixed_bfloat16 also the kernels' bfloat16 copies
    double activations = 0;    // per layer {rows, features} outputs and gradients, rows = max(batch, evaluation rows)
    double data = 0;           // the images and labels held (0 when not known)

    // What constructing and running a Trainer allocates (the data set is loaded before).
    double training() const { return weights + gradients + optimizer_slots + weight_copies + activations; }
    double total() const { return training() + data; }
    // "about 1.9 GB (weights 6.3 GB, gradients 6.3 GB, optimiser slots 12.5 GB, weight copies 18.8 GB,
    // activations 4.0 GB, data 52.3 MB)"
    std::string text() const;
};

// `images`: how many images (train + test) the data set holds, 0 when not known. Layer sizes come from the
// spec and `shape` alone, so this works for any size, also those that would overflow an int.
MemoryEstimate estimate_memory(const ExperimentSpec& spec, const DataShape& shape, int64_t images = 0);

// MemAvailable from /proc/meminfo, in bytes; nullopt when it cannot be read.
std::optional<double> available_memory();

// Throws OutOfMemoryError when `estimate.training()` exceeds the available memory, saying how much `what` needs
// and how much there is. Does nothing when the available memory is unknown.
void check_memory(const MemoryEstimate& estimate, const std::string& what);

// Runs f(); a std::bad_alloc inside becomes OutOfMemoryError("out of memory while allocating " + what).
template <class F>
decltype(auto) allocating(const std::string& what, F&& f) {
    try {
        return f();
    } catch (const std::bad_alloc&) {
        throw OutOfMemoryError("out of memory while allocating " + what);
    }
}

}  // namespace mlpw
