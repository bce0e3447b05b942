// ModelFile <-> Boost.Serialization text archive (the payload of a .mlpw file).
// Layout, version 1 of ModelFile and NamedTensor, version 4 of EpochMetrics:
//   ModelFile:    experiment JSON, tensor count, NamedTensor..., image rows, cols, mean, stddev,
//                 class count, names..., history count, EpochMetrics..., written_by
//   NamedTensor:  name, rank, dims..., value count, values (little-endian float32, base64)
//   EpochMetrics: epoch, epochs, batches, has_validation, then the doubles in declaration order
//                 (version 2 adds val_data_loss last; version 1's val_loss was the cross-entropy alone;
//                 version 3 adds lr after it, 0 meaning not recorded; version 4 writes EpochMetrics::kLrNotRecorded
//                 (-1) for that, so that a rate of 0 is kept)
// Strings are a length and a base64 block; floats and doubles their IEEE-754 bits. Reading checks every count
// against what the payload can hold before allocating, so a damaged or hostile file cannot ask for gigabytes.
// A new field means: version 2 of its type, written always, read when the stored version is >= 2.
#include "io/model_archive.h"

#include <bit>
#include <climits>
#include <cstdint>
#include <locale>
#include <sstream>
#include <string_view>

#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>
#include <nlohmann/json.hpp>

#include "mlpw/experiment/experiment.h"

namespace mlpw::detail {
namespace {

constexpr unsigned kLayoutVersion = 1;   // of ModelFile and NamedTensor
constexpr unsigned kHistoryVersion = 4;  // of EpochMetrics
constexpr uint64_t kMaxRank = 8;

// The payload size, which bounds every count and length read from it. Kept by the archive as a helper.
struct LoadBudget {
    uint64_t bytes = 0;
};
int g_budget_key = 0;  // the helper's id

template <class Archive>
uint64_t budget(Archive& ar) {
    return ar.template get_helper<LoadBudget>(&g_budget_key).bytes;
}

void check_layout(unsigned version, const char* type, unsigned newest = kLayoutVersion) {
    if (version > newest)
        throw NewerModelLayout(std::string(type) + " layout " + std::to_string(version) + ", this build reads up to " +
                               std::to_string(newest));
}

// A count or length, refused when larger than `limit`.
template <class Archive>
uint64_t load_count(Archive& ar, uint64_t limit, const std::string& what) {
    uint64_t count = 0;
    ar >> count;
    if (count > limit)
        throw ModelFileError(what + " " + std::to_string(count) + " does not fit in " + std::to_string(budget(ar)) +
                             " bytes of model data");
    return count;
}

template <class Archive>
void save_text(Archive& ar, const std::string& text) {
    const uint64_t size = text.size();
    ar << size;
    ar << boost::serialization::make_binary_object(text.data(), text.size());
}

template <class Archive>
std::string load_text(Archive& ar, const std::string& what) {
    std::string text(load_count(ar, budget(ar), what + " length"), '\0');
    ar >> boost::serialization::make_binary_object(text.data(), text.size());
    return text;
}

template <class Archive, class Float>
void save_bits(Archive& ar, Float value) {
    using Bits = std::conditional_t<sizeof(Float) == 8, uint64_t, uint32_t>;
    const Bits bits = std::bit_cast<Bits>(value);
    ar << bits;
}

template <class Archive, class Float>
void load_bits(Archive& ar, Float& value) {
    using Bits = std::conditional_t<sizeof(Float) == 8, uint64_t, uint32_t>;
    Bits bits = 0;
    ar >> bits;
    value = std::bit_cast<Float>(bits);
}

// Tensors are little-endian on disk; big-endian hosts swap.
void to_little_endian(std::vector<float>& values) {
    if constexpr (std::endian::native == std::endian::big)
        for (float& v : values) {
            uint32_t bits = std::bit_cast<uint32_t>(v);
            bits = (bits >> 24) | ((bits >> 8) & 0xFF00u) | ((bits << 8) & 0xFF0000u) | (bits << 24);
            v = std::bit_cast<float>(bits);
        }
}

}  // namespace
}  // namespace mlpw::detail

BOOST_CLASS_VERSION(mlpw::ModelFile, 1)
BOOST_CLASS_VERSION(mlpw::NamedTensor, 1)
BOOST_CLASS_VERSION(mlpw::EpochMetrics, 4)
static_assert(boost::serialization::version<mlpw::EpochMetrics>::value == mlpw::detail::kHistoryVersion);
// Values, never pointed to: no object tracking.
BOOST_CLASS_TRACKING(mlpw::ModelFile, boost::serialization::track_never)
BOOST_CLASS_TRACKING(mlpw::NamedTensor, boost::serialization::track_never)
BOOST_CLASS_TRACKING(mlpw::EpochMetrics, boost::serialization::track_never)
BOOST_SERIALIZATION_SPLIT_FREE(mlpw::ModelFile)
BOOST_SERIALIZATION_SPLIT_FREE(mlpw::NamedTensor)
BOOST_SERIALIZATION_SPLIT_FREE(mlpw::EpochMetrics)

namespace boost::serialization {

using namespace mlpw::detail;

template <class Archive>
void save(Archive& ar, const mlpw::NamedTensor& tensor, unsigned) {
    save_text(ar, tensor.name);
    const uint64_t rank = tensor.shape.size();
    ar << rank;
    for (const int dim : tensor.shape) ar << dim;
    const uint64_t count = tensor.values.size();
    ar << count;
    if constexpr (std::endian::native == std::endian::little) {
        ar << make_binary_object(tensor.values.data(), count * sizeof(float));
    } else {
        std::vector<float> swapped = tensor.values;
        to_little_endian(swapped);
        ar << make_binary_object(swapped.data(), count * sizeof(float));
    }
}

template <class Archive>
void load(Archive& ar, mlpw::NamedTensor& tensor, unsigned version) {
    check_layout(version, "tensor");
    tensor.name = load_text(ar, "tensor name");
    const std::string what = "tensor \"" + tensor.name + "\"";
    const uint64_t rank = load_count(ar, kMaxRank, what + ": rank");
    uint64_t elements = 1;
    tensor.shape.assign(rank, 0);
    for (int& dim : tensor.shape) {
        ar >> dim;
        if (dim < 0) throw mlpw::ModelFileError(what + ": negative dimension " + std::to_string(dim));
        elements = dim == 0 ? 0 : (elements > UINT64_MAX / static_cast<uint64_t>(dim) ? UINT64_MAX : elements * dim);
    }
    const uint64_t count = load_count(ar, budget(ar) / sizeof(float), what + ": value count");
    if (count != elements)
        throw mlpw::ModelFileError(what + ": " + std::to_string(count) + " values for a shape of " +
                                   std::to_string(elements));
    tensor.values.assign(count, 0.0f);
    ar >> make_binary_object(tensor.values.data(), count * sizeof(float));
    to_little_endian(tensor.values);  // the swap is its own inverse
}

template <class Archive>
void save(Archive& ar, const mlpw::EpochMetrics& m, unsigned) {
    ar << m.epoch << m.epochs << m.batches << m.has_validation;
    for (const double v : {m.loss, m.accuracy, m.val_loss, m.val_accuracy, m.train_seconds, m.seconds, m.samples_per_s,
                           m.val_data_loss, m.lr})
        save_bits(ar, v);
}

template <class Archive>
void load(Archive& ar, mlpw::EpochMetrics& m, unsigned version) {
    check_layout(version, "history", kHistoryVersion);
    ar >> m.epoch >> m.epochs >> m.batches >> m.has_validation;
    for (double* v :
         {&m.loss, &m.accuracy, &m.val_loss, &m.val_accuracy, &m.train_seconds, &m.seconds, &m.samples_per_s})
        load_bits(ar, *v);
    if (version >= 2) load_bits(ar, m.val_data_loss);
    else m.val_data_loss = m.val_loss;  // before version 2, val_loss left the penalty out
    m.lr = mlpw::EpochMetrics::kLrNotRecorded;
    if (version >= 3) load_bits(ar, m.lr);
    if (version == 3 && m.lr == 0.0) m.lr = mlpw::EpochMetrics::kLrNotRecorded;  // version 3's marker
}

template <class Archive>
void save(Archive& ar, const mlpw::ModelFile& model, unsigned) {
    save_text(ar, mlpw::experiment_to_json(model.experiment).dump());
    const uint64_t tensors = model.weights.size();
    ar << tensors;
    for (const auto& tensor : model.weights) ar << tensor;
    ar << model.image_rows << model.image_cols;
    save_bits(ar, model.normalization_mean);
    save_bits(ar, model.normalization_stddev);
    const uint64_t classes = model.class_names.size();
    ar << classes;
    for (const auto& name : model.class_names) save_text(ar, name);
    const uint64_t epochs = model.history.size();
    ar << epochs;
    for (const auto& m : model.history) ar << m;
    save_text(ar, model.written_by);
}

template <class Archive>
void load(Archive& ar, mlpw::ModelFile& model, unsigned version) {
    check_layout(version, "model");
    const std::string experiment = load_text(ar, "experiment");
    model.experiment = mlpw::experiment_from_json(nlohmann::json::parse(experiment), "the stored experiment");
    // Each element takes several bytes of text, so the payload size bounds every element count.
    const uint64_t tensors = load_count(ar, budget(ar), "tensor count");
    model.weights.clear();
    for (uint64_t i = 0; i < tensors; ++i) {
        mlpw::NamedTensor tensor;
        ar >> tensor;
        model.weights.push_back(std::move(tensor));
    }
    ar >> model.image_rows >> model.image_cols;
    load_bits(ar, model.normalization_mean);
    load_bits(ar, model.normalization_stddev);
    const uint64_t classes = load_count(ar, budget(ar), "class count");
    model.class_names.clear();
    for (uint64_t i = 0; i < classes; ++i) model.class_names.push_back(load_text(ar, "class name"));
    const uint64_t epochs = load_count(ar, budget(ar), "history length");
    model.history.clear();
    for (uint64_t i = 0; i < epochs; ++i) {
        mlpw::EpochMetrics m;
        ar >> m;
        model.history.push_back(m);
    }
    model.written_by = load_text(ar, "written_by");
}

}  // namespace boost::serialization

namespace mlpw::detail {

std::string model_payload(const ModelFile& model) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    {
        boost::archive::text_oarchive archive(out, boost::archive::no_codecvt);
        archive << model;
    }  // the archive finishes writing when it is destroyed
    return std::move(out).str();
}

ModelFile parse_model_payload(const std::string& payload) {
    // Boost reads its signature (a length, then the text) before the budget below applies: a damaged length
    // made it allocate that much or throw length_error (found by tests/fuzz/fuzz_model). Every payload
    // starts with the same signature, so it is checked here first.
    constexpr std::string_view kSignature = "22 serialization::archive ";
    if (!std::string_view(payload).starts_with(kSignature))
        throw ModelFileError("the payload does not start with the archive signature \"22 serialization::archive\"");
    std::istringstream in(payload);
    in.imbue(std::locale::classic());
    boost::archive::text_iarchive archive(in, boost::archive::no_codecvt);
    archive.get_helper<LoadBudget>(&g_budget_key).bytes = payload.size();
    ModelFile model;
    archive >> model;
    const auto fail = [](const std::string& what) { throw ModelFileError(what); };
    if (model.image_rows < 1 || model.image_rows > 4096 || model.image_cols < 1 || model.image_cols > 4096)
        fail("image size " + std::to_string(model.image_rows) + "x" + std::to_string(model.image_cols) +
             ", expected 1 to 4096 pixels a side");
    if (model.class_names.empty() || model.class_names.size() > 65536)
        fail(std::to_string(model.class_names.size()) + " class names, expected 1 to 65536");
    return model;
}

}  // namespace mlpw::detail
