// The ranges of the option tables, written so that NaN is never in range.
#include "mlpw/experiment/option_table.h"

#include <cmath>

#include "mlpw/experiment/float_text.h"

namespace mlpw {

bool in_range(float v, Range range) {
    switch (range) {
        case Range::any: return true;
        case Range::positive: return v > 0.0f;
        case Range::non_negative: return v >= 0.0f;
        case Range::unit_interval: return v >= 0.0f && v < 1.0f;
    }
    return false;
}

std::string range_text(Range range) {
    switch (range) {
        case Range::any: return "";
        case Range::positive: return "must be > 0";
        case Range::non_negative: return "must be >= 0";
        case Range::unit_interval: return "must be in [0, 1)";
    }
    return "";
}

bool Interval::contains(float v) const {
    const bool above = low_open ? v > low : v >= low;
    const bool below = high_open ? v < high : v <= high;
    return above && below;
}

std::string Interval::text() const {
    if (std::isinf(high) && std::isinf(low)) return "";
    if (std::isinf(high)) return (low_open ? "must be > " : "must be >= ") + shortest_text(low) + note;
    return std::string("must be in ") + (low_open ? "(" : "[") + shortest_text(low) + ", " + shortest_text(high) +
        (high_open ? ")" : "]") + note;
}

}  // namespace mlpw
