// libFuzzer target: the model file reader's payload parser (detail::parse_model_payload, model_archive.cpp),
// the part of load_model reached once the header's size and CRC check out (model_io.cpp checks those first,
// so a fuzzer going through the file would rarely get past the CRC).
// Contract: refused with the reader's own errors (ModelFileError, SpecError, the archive's, its base64
// decoder's or the JSON parser's: load_model words them all as "corrupt (...)"), never anything else (bad_alloc, length_error...: an unchecked count); a parsed model writes back
// to a payload that parses to the same payload, and its network builds or is refused with a ModelFileError.
#include <boost/archive/archive_exception.hpp>
#include <boost/archive/iterators/dataflow_exception.hpp>
#include <nlohmann/json.hpp>

#include "fuzz_check.h"
#include "io/model_archive.h"
#include "mlpw/errors.h"
#include "mlpw/io/model_io.h"
#include "mlpw/report/summary.h"

using mlpw::fuzz::require;

namespace {

// Builds the network only when the stored tensors are at least as large as the model's parameters, so the
// network's allocation stays in proportion to the input (a spec alone may ask for gigabytes; issue 9's
// memory guard is about that, not the reader).
void build_network(const mlpw::ModelFile& model) {
    const mlpw::DataShape shape{model.image_rows * model.image_cols, static_cast<int>(model.class_names.size())};
    size_t stored = 0;
    for (const auto& tensor : model.weights) stored += tensor.values.size();
    if (static_cast<unsigned long long>(mlpw::summarize(model.experiment.model, shape).total_params) > stored) return;
    try {
        mlpw::make_network(model, /*capacity=*/2);
    } catch (const mlpw::ModelFileError&) {}
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string payload(reinterpret_cast<const char*>(data), size);
    mlpw::ModelFile model;
    try {
        model = mlpw::detail::parse_model_payload(payload);
    } catch (const mlpw::ModelFileError&) {
        return 0;
    } catch (const mlpw::SpecError&) {
        return 0;
    } catch (const boost::archive::archive_exception&) {
        return 0;
    } catch (const boost::archive::iterators::dataflow_exception&) {
        return 0;
    } catch (const nlohmann::json::exception&) {
        return 0;
    }
    const std::string written = mlpw::detail::model_payload(model);
    require(mlpw::detail::model_payload(mlpw::detail::parse_model_payload(written)) == written,
            "a written payload does not read back the same");
    build_network(model);
    return 0;
}
