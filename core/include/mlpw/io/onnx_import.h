#pragma once
// An ONNX MLP as a workbench model file. Accepted (docs/onnx.md): one float input {N, rows, cols}, {N, 1, rows,
// cols} or {N, features}; Flatten or Reshape to {N, features}; scalar Sub/Div/Mul/Add in front (the
// normalisation); Gemm (transB 0 or 1) or MatMul [+ Add] per Dense layer; Relu, Sigmoid, Tanh, LeakyRelu, Elu;
// BatchNormalization (inference); Dropout and Identity (skipped); a Softmax or LogSoftmax head, or none (logits:
// the workbench adds its softmax). Weights as initializers or Constant nodes, raw_data or float_data.
#include <string>

#include "mlpw/io/model_io.h"

namespace mlpw {

// What the graph's input holds: pixel / 255 (tf.keras and torchvision's ToTensor convention) or raw 0..255
// pixels. automatic: the file's mlpw.input_range metadata, else pixel / 255.
enum class OnnxInputRange { automatic, unit, pixels };

struct OnnxImportOptions {
    OnnxInputRange input_range = OnnxInputRange::automatic;
};

// Throws ModelFileError naming `origin` (the file) and, for a graph outside the subset, the node and its operator.
ModelFile import_onnx_bytes(const std::string& bytes, const std::string& origin, const OnnxImportOptions& options = {});
ModelFile import_onnx(const std::string& path, const OnnxImportOptions& options = {});

}  // namespace mlpw
