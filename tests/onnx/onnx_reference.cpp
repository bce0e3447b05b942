// onnx_reference MODEL.mlpw COUNT OUT.f32: the workbench's own class probabilities {COUNT, classes} (float32,
// little-endian, row-major) for the first COUNT test images of the model's data set, computed as mlpw
// evaluate does (the model's network and normalisation). The ONNX Runtime test compares the exported model's
// outputs with them.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "mlpw/data/dataset.h"
#include "mlpw/io/atomic_file.h"
#include "mlpw/io/model_io.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fputs("usage: onnx_reference MODEL.mlpw COUNT OUT.f32\n", stderr);
        return 2;
    }
    try {
        const mlpw::ModelFile model = mlpw::load_model(argv[1]);
        const mlpw::Dataset data = mlpw::load_dataset(model.experiment.data.source);
        const int count = std::min(std::stoi(argv[2]), data.test.count);
        const int classes = static_cast<int>(model.class_names.size());
        mlpw::Network net = mlpw::make_network(model, count);
        const mlpw::BatchAssembler assembler(model.experiment.data.normalization, model.normalization_mean,
                                             model.normalization_stddev);
        std::vector<uint32_t> rows(static_cast<size_t>(count));
        std::iota(rows.begin(), rows.end(), 0u);
        assembler.gather(data.test, rows.data(), count, net.input());
        const float* p = net.forward(count, mlpw::Pass::inference);  // {count, classes}
        const std::string_view bytes(reinterpret_cast<const char*>(p), sizeof(float) * count * classes);
        if (const auto error = mlpw::write_file_atomically(argv[3], {bytes})) {
            std::fprintf(stderr, "onnx_reference: %s: %s\n", argv[3], error.message().c_str());
            return 1;
        }
        std::printf("onnx_reference: %d x %d probabilities of %s written to %s\n", count, classes, argv[1], argv[3]);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "onnx_reference: %s\n", e.what());
        return 1;
    }
}
