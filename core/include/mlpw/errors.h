#pragma once
// The project's error types. Each message names the file, field or layer at fault and says what was expected;
// the front ends catch them once (CLI: one line on stderr, exit code 1; GUI: a dialog).
#include <stdexcept>
#include <string>

namespace mlpw {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A data set file is missing, malformed or inconsistent.
struct DatasetError : Error {
    using Error::Error;
};

// An experiment (or a part of one) is invalid. Validation collects every problem into one message.
struct SpecError : Error {
    using Error::Error;
};

// A model file cannot be read or written.
struct ModelFileError : Error {
    using Error::Error;
};

// Memory ran out while allocating something, or a run would need more than the machine has: the message says
// what was being allocated and, when known, how much was needed and how much there is.
struct OutOfMemoryError : Error {
    using Error::Error;
};

}  // namespace mlpw
