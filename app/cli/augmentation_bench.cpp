#include "augmentation_bench.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <numeric>
#include <vector>

#include "bench_networks.h"
#include "mlpw/data/augmentation.h"
#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/report/machine_info.h"

namespace mlpw::cli {

void run_augmentation_bench(const std::string& experiment_path, int threads, int rounds) {
    const ExperimentSpec spec = load_experiment(experiment_path);
    if (std::none_of(spec.model.layers.begin(), spec.model.layers.end(),
                     [](const LayerSpec& l) { return is_augmentation(l.type); }))
        throw Error(experiment_path + ": the model has no augmentation layer to time");
    const Dataset data = load_dataset(spec.data.source);
    const ImageSet& train = data.train;
    std::vector<uint32_t> indices(static_cast<size_t>(train.count));
    std::iota(indices.begin(), indices.end(), 0u);
    const BatchAssembler assembler(spec.data.normalization, train, indices);
    if (threads > 0) omp_set_num_threads(threads);
    Augmenter augmenter(spec.model, train.rows, train.cols, spec.training.seed);
    const int batch = spec.training.batch_size, steps = (train.count + batch - 1) / batch;
    std::vector<float> input(static_cast<size_t>(batch) * train.features());

    // {wall, CPU} ms per step of one pass over the training set, the medians of `rounds` passes. The CPU time
    // (every thread's, from std::clock) is what the work costs even when other processes share the cores.
    struct Cost {
        double wall, cpu;
    };
    const auto time_pass = [&](bool augmented) {
        std::vector<double> ms, cpu_ms;
        for (int r = 0; r < rounds; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const std::clock_t cpu_start = std::clock();
            for (int s = 0; s < steps; ++s) {
                const int rows = std::min(batch, train.count - s * batch);
                const uint32_t* batch_indices = indices.data() + static_cast<size_t>(s) * batch;
                if (augmented)
                    augmenter.gather(assembler, train, batch_indices, rows, static_cast<uint64_t>(s), input.data());
                else assembler.gather(train, batch_indices, rows, input.data());
            }
            cpu_ms.push_back(1000.0 * double(std::clock() - cpu_start) / CLOCKS_PER_SEC / steps);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() /
                         steps);
        }
        return Cost{median(ms), median(cpu_ms)};
    };
    const Cost plain = time_pass(false), augmented = time_pass(true);
    std::printf(
        "%s: batch %d, %d steps, %d threads, median of %d passes\n"
        "plain gather:     %.3f ms/step wall, %.3f ms/step CPU\n"
        "augmented gather: %.3f ms/step wall (%.1f s per epoch more), %.3f ms/step CPU\n"
        "load average %s\n",
        spec.name.c_str(), batch, steps, omp_get_max_threads(), rounds, plain.wall, plain.cpu, augmented.wall,
        (augmented.wall - plain.wall) * steps / 1000.0, augmented.cpu, machine_info().load.c_str());
}

}  // namespace mlpw::cli
