// libFuzzer target: the ONNX importer (import_onnx_bytes: protobuf parse, then the graph walk) on arbitrary bytes.
// Contract: refused only with ModelFileError whose message starts with the file's name (nothing else escapes:
// no bad_alloc from a forged tensor size, no protobuf or JSON exception); an accepted model builds its network
// and exports to ONNX bytes that import again to the same weights.
#include <cstring>

#include "fuzz_check.h"
#include "mlpw/errors.h"
#include "mlpw/io/onnx_export.h"
#include "mlpw/io/onnx_import.h"

using mlpw::fuzz::require;

namespace {

// Same names, shapes and bits (NaN weights included, which == would call different).
bool same_bits(const mlpw::ModelState& a, const mlpw::ModelState& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].shape != b[i].shape || a[i].values.size() != b[i].values.size() ||
            std::memcmp(a[i].values.data(), b[i].values.data(), a[i].values.size() * sizeof(float)) != 0)
            return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    mlpw::ModelFile model;
    try {
        model = mlpw::import_onnx_bytes(bytes, "fuzz.onnx");
    } catch (const mlpw::ModelFileError& e) {
        require(mlpw::fuzz::starts_with(e.what(), "fuzz.onnx: "), "a refusal does not name the file", e.what());
        return 0;
    }
    mlpw::make_network(model, /*capacity=*/2);
    const mlpw::ModelFile again = mlpw::import_onnx_bytes(mlpw::onnx_model_bytes(model), "export.onnx");
    require(same_bits(again.weights, model.weights),
            "an accepted model does not export and import to the same weights");
    return 0;
}
