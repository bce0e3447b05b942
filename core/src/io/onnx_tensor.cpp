// See onnx_tensor.h.
#include "io/onnx_tensor.h"

#include <bit>
#include <cstring>

#include "mlpw/errors.h"

namespace mlpw::onnx_detail {
namespace {

static_assert(std::endian::native == std::endian::little, "ONNX raw_data is little-endian, as this host");
constexpr int64_t kMaxElements = int64_t(1) << 31;  // 8 GiB of floats: no MLP of this workbench comes near

void check_stored_inside(const onnx::TensorProto& t, const std::string& where) {
    if (t.data_location() == onnx::TensorProto::EXTERNAL)
        throw ModelFileError(where + ": the tensor's data is in an external file, which is not supported");
}

// Copies `count` values of type T from raw_data, or from the typed field `field` when raw_data is empty.
template <typename T, typename Field>
std::vector<T> values_of(const onnx::TensorProto& t, const Field& field, int64_t count, const std::string& where) {
    // Sizes are checked before allocating: a forged count must not allocate gigabytes.
    const size_t n = static_cast<size_t>(count);
    if (!t.raw_data().empty()) {
        if (t.raw_data().size() != n * sizeof(T))
            throw ModelFileError(where + ": raw_data holds " + std::to_string(t.raw_data().size()) +
                                 " bytes, expected " + std::to_string(n * sizeof(T)) + " for " + std::to_string(count) +
                                 " values");
        std::vector<T> out(n);
        std::memcpy(out.data(), t.raw_data().data(), t.raw_data().size());
        return out;
    }
    if (field.size() != count)
        throw ModelFileError(where + ": the tensor holds " + std::to_string(field.size()) + " values, expected " +
                             std::to_string(count));
    return std::vector<T>(field.begin(), field.end());
}

}  // namespace

int64_t element_count(const onnx::TensorProto& t, const std::string& where) {
    int64_t count = 1;
    for (int64_t d : t.dims()) {
        if (d < 0 || (d > 0 && count > kMaxElements / d))
            throw ModelFileError(where + ": the tensor's dimensions are invalid or too large");
        count *= d;
    }
    return count;
}

std::vector<float> float_values(const onnx::TensorProto& t, const std::string& where) {
    check_stored_inside(t, where);
    if (t.data_type() != onnx::TensorProto::FLOAT)
        throw ModelFileError(where + ": expected a float tensor, got data type " + std::to_string(t.data_type()));
    return values_of<float>(t, t.float_data(), element_count(t, where), where);
}

std::vector<int64_t> integer_values(const onnx::TensorProto& t, const std::string& where) {
    check_stored_inside(t, where);
    const int64_t count = element_count(t, where);
    if (t.data_type() == onnx::TensorProto::INT64) return values_of<int64_t>(t, t.int64_data(), count, where);
    if (t.data_type() == onnx::TensorProto::INT32) {
        const auto values = values_of<int32_t>(t, t.int32_data(), count, where);
        return {values.begin(), values.end()};
    }
    throw ModelFileError(where + ": expected an integer tensor, got data type " + std::to_string(t.data_type()));
}

}  // namespace mlpw::onnx_detail
