#pragma once
// The project's error types. Each message names the file, field or layer at fault and says what was expected;
// the front ends catch them once (CLI: one line on stderr, exit code 1; GUI: a dialog).
#include <stdexcept>
#include <string>
#include <vector>

namespace mlpw {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A data set file is missing, malformed or inconsistent.
struct DatasetError : Error {
    using Error::Error;
};

// One problem of an experiment, located by its option path, so that a front end can point at the field:
// {"model.layers[2].units", "must be a positive integer", "-5"}. `got` is the value as the file spells it
// ("nothing" for a missing key, "" when the message says it all).
struct SpecProblem {
    std::string path;     // "model.layers[2].units", "optimizer.learning_rate", "callbacks[0].patience", "sweep"
    std::string message;  // what is allowed: "must be a positive integer"
    std::string got;      // "-5"
    // "model.layers[2].units: must be a positive integer, got -5"
    std::string text() const;
    bool operator==(const SpecProblem&) const = default;
};

// An experiment (or a part of one) is invalid. Validation collects every problem; what() lists them.
struct SpecError : Error {
    using Error::Error;  // a problem that is not about one option (a file that cannot be read...)
    // what(): "<origin>: <problem>" for one problem, else "<origin>: N problems" and one line per problem.
    SpecError(const std::string& origin, std::vector<SpecProblem> problems);
    const std::vector<SpecProblem>& problems() const { return m_problems; }

private:
    std::vector<SpecProblem> m_problems;
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
