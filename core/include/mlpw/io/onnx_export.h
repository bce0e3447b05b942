#pragma once
// A model file as an ONNX model (opset 13), written with Debian's libonnx protobuf classes:
//   image {N, rows, cols} (pixel / 255) -> Flatten -> [Sub mean, Div stddev | Mul 255] -> Gemm -> activation ...
//   -> Softmax -> probabilities {N, classes}
// Dropout is left out (inference); BatchNormalization uses the moving statistics. The normalisation and the
// class names are also in metadata_props. Mapping and refusals: docs/onnx.md.
#include <string>

#include "mlpw/io/model_io.h"

namespace mlpw {

// The serialised ONNX ModelProto. Throws ModelFileError naming the layer that has no ONNX form, or what is
// wrong with the weights.
std::string onnx_model_bytes(const ModelFile& model);
// Writes onnx_model_bytes() to `path` atomically; throws ModelFileError naming the path on failure.
void export_onnx(const ModelFile& model, const std::string& path);

}  // namespace mlpw
