// mlpw export: a saved model in another format (ONNX).
#include <cstdio>

#include "commands.h"
#include "mlpw/io/model_io.h"
#include "mlpw/io/onnx_export.h"

namespace mlpw::cli {

int export_command(const Args& arguments) {
    Args args = arguments;
    if (take_flag(args, "--help") || take_flag(args, "-h")) {
        std::puts(
            "usage: mlpw export --model FILE --format onnx --out FILE.onnx\n"
            "Writes a saved model (.mlpw) as an ONNX model (opset 13): input \"image\" {N, rows, cols} holding\n"
            "pixel / 255, output \"probabilities\" {N, classes}; the model's normalisation is in the graph\n"
            "(Sub/Div nodes) and in its metadata (docs/onnx.md).\n"
            "  --model FILE    the model file\n"
            "  --format onnx   the format (only onnx)\n"
            "  --out FILE      the file to write (replaced atomically)");
        return 0;
    }
    const std::string model_path = take_option(args, "--model", "");
    const std::string format = take_option(args, "--format", "onnx");
    const std::string out = take_option(args, "--out", "");
    expect_no_more(args, "export");
    if (model_path.empty()) throw UsageError("missing --model FILE (see mlpw export --help)");
    if (out.empty()) throw UsageError("missing --out FILE (see mlpw export --help)");
    if (format != "onnx") throw UsageError("--format: expected onnx, got '" + format + "'");

    export_onnx(load_model(model_path), out);
    std::printf("Wrote %s (ONNX, opset 13)\n", out.c_str());
    return 0;
}

}  // namespace mlpw::cli
