// mlpw import: an ONNX MLP as a workbench model file.
#include <cstdio>

#include "commands.h"
#include "mlpw/io/model_io.h"
#include "mlpw/io/onnx_import.h"
#include "mlpw/report/summary.h"

namespace mlpw::cli {

int import_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw import --onnx FILE.onnx --out FILE.mlpw [--input-range 0-1|0-255]\n"
            "Reads an ONNX MLP (as torch.onnx.export or tf2onnx write it, or mlpw export) into a model file\n"
            "that mlpw evaluate and the window use. Accepted: Flatten or Reshape, scalar Sub/Div/Mul/Add in\n"
            "front (the normalisation), Gemm or MatMul + Add, Relu, Sigmoid, Tanh, LeakyRelu, Elu,\n"
            "BatchNormalization (inference), Dropout, Identity and a Softmax, LogSoftmax or no head\n"
            "(docs/onnx.md). Any other operator is refused, naming the node.\n"
            "  --onnx FILE          the ONNX model\n"
            "  --out FILE           the model file to write (replaced atomically)\n"
            "  --input-range R      what the graph's input holds: 0-1 (pixel / 255, the default unless the\n"
            "                       file's mlpw.input_range metadata says otherwise) or 0-255 (raw pixels)");
        return 0;
    }
    const std::string onnx_path = take_option(args, "--onnx", "");
    const std::string out = take_option(args, "--out", "");
    const std::string range = take_option(args, "--input-range", "");
    expect_no_more(args, "import");
    if (onnx_path.empty()) throw UsageError("missing --onnx FILE (see mlpw import --help)");
    if (out.empty()) throw UsageError("missing --out FILE (see mlpw import --help)");
    OnnxImportOptions options;
    if (range == "0-1") options.input_range = OnnxInputRange::unit;
    else if (range == "0-255") options.input_range = OnnxInputRange::pixels;
    else if (!range.empty()) throw UsageError("--input-range: expected 0-1 or 0-255, got '" + range + "'");

    const ModelFile model = import_onnx(onnx_path, options);
    save_model(model, out);
    const DataShape shape{model.image_rows * model.image_cols, static_cast<int>(model.class_names.size())};
    std::fputs(summarize(model.experiment.model, shape).text(model.experiment.model.name).c_str(), stdout);
    std::printf("Normalization: %s\nWrote %s\n", to_string(model.experiment.data.normalization).c_str(), out.c_str());
    return 0;
}

}  // namespace mlpw::cli
