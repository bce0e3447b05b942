#pragma once
// What the ONNX exporter writes and the importer reads back (docs/onnx.md): the opset, the graph's names and
// the metadata_props keys, in one place.
#include <cstdint>

namespace mlpw::onnx_detail {

constexpr int64_t kIrVersion = 8;  // ONNX 1.12's IR version
constexpr int64_t kOpsetVersion = 13;
constexpr char kInputName[] = "image";           // float {N, rows, cols}: pixel / 255, 0..1
constexpr char kOutputName[] = "probabilities";  // float {N, classes}: softmax
constexpr char kBatchDim[] = "N";                // the dynamic batch dimension
constexpr int kSoftmaxAxis = -1;                 // the classes of {N, classes}

// metadata_props keys.
constexpr char kMetaInput[] = "mlpw.input";                  // what the input holds, in words
constexpr char kMetaInputRange[] = "mlpw.input_range";       // "0-1": pixel / 255; "0-255": raw pixels
constexpr char kMetaNormalization[] = "mlpw.normalization";  // scale | standardize | none, and what it does
constexpr char kMetaMean[] = "mlpw.normalization_mean";      // of pixel / 255 (standardize)
constexpr char kMetaStddev[] = "mlpw.normalization_stddev";
constexpr char kMetaClassNames[] = "mlpw.class_names";  // JSON array of strings
constexpr char kMetaExperiment[] = "mlpw.experiment";   // the experiment JSON the model came from
constexpr char kRangeUnit[] = "0-1";
constexpr char kRangePixels[] = "0-255";

}  // namespace mlpw::onnx_detail
