#pragma once
// What the option tables say about an option: the values it allows. The tables themselves are next to the
// specs they describe: optimizer_spec.h (optimisers and their options), model_spec.h (layer types, activations,
// initialisers), callback_spec.h (callback types, monitors, modes). The reader, the writer, the validator and
// the window's panels iterate them, so a new option or optimiser is added in one place.
//
// Help texts and labels are plain English. MLPW_TRANSLATE_NOOP marks them for Qt's lupdate without bringing Qt
// into core: run lupdate with -tr-function-alias QT_TRANSLATE_NOOP+=MLPW_TRANSLATE_NOOP, and the window shows
// QCoreApplication::translate(context, text).
#include <limits>
#include <string>

#define MLPW_TRANSLATE_NOOP(context, text) text

namespace mlpw {

enum class Range {
    any,
    positive,       // > 0
    non_negative,   // >= 0
    unit_interval,  // [0, 1)
};
bool in_range(float value, Range range);
// The validation message: "must be > 0", "must be >= 0", "must be in [0, 1)" ("" for any).
std::string range_text(Range range);

// A range with ends of its own (the layer options': [0, 0.5], (0, 16]); the whole line by default.
struct Interval {
    float low = -std::numeric_limits<float>::infinity();
    float high = std::numeric_limits<float>::infinity();
    bool low_open = false, high_open = false;  // whether the end itself is outside
    const char* note = "";                     // what the numbers mean, after them: " (a fraction of a full turn)"
    bool contains(float value) const;          // never NaN
    // The validation message: "must be > 0", "must be >= 0", "must be in [0, 0.5] (a fraction of a full turn)"
    // ("" for the whole line).
    std::string text() const;
};

}  // namespace mlpw
