#pragma once
// The payload of a model file: a ModelFile as a Boost.Serialization text archive (model_archive.cpp).
// The file around it (header, checksum, atomic write) is model_io.cpp.
#include <string>

#include "mlpw/errors.h"
#include "mlpw/io/model_io.h"

namespace mlpw::detail {

// The text archive of `model`. Floats and doubles are stored as their IEEE-754 bits (tensors as little-endian
// base64 blocks), so every value, NaN and infinities included, reads back bit for bit on any platform.
std::string model_payload(const ModelFile& model);

// A part of the payload uses a layout (class version) newer than this build knows.
struct NewerModelLayout : ModelFileError {
    using ModelFileError::ModelFileError;
};

// Parses a payload whose length and checksum were verified. Every count read is checked against the payload
// size before anything is allocated. Throws ModelFileError saying what is inconsistent (without the
// path), NewerModelLayout, SpecError (the stored experiment is invalid) or the archive's and the JSON parser's
// exceptions; the caller adds the path.
ModelFile parse_model_payload(const std::string& payload);

}  // namespace mlpw::detail
