#pragma once
// The values of ONNX TensorProtos (initializers, Constant nodes): raw_data (little-endian) or the typed fields.
#include <cstdint>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

namespace mlpw::onnx_detail {

// Element count of `t` (product of dims; 1 for a scalar). Throws ModelFileError naming `where` for negative or
// absurd dims.
int64_t element_count(const onnx::TensorProto& t, const std::string& where);
// Throws ModelFileError naming `where` unless `t` is a float tensor held in the file.
std::vector<float> float_values(const onnx::TensorProto& t, const std::string& where);
// int64 or int32 values (Reshape's shape).
std::vector<int64_t> integer_values(const onnx::TensorProto& t, const std::string& where);

}  // namespace mlpw::onnx_detail
