// Shortest round-trip text (std::to_chars without a precision) and the double it spells.
#include "mlpw/experiment/float_text.h"

#include <charconv>

namespace mlpw {
namespace {

template <typename T>
std::string shortest(T value) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

}  // namespace

std::string shortest_text(float value) { return shortest(value); }
std::string shortest_text(double value) { return shortest(value); }

double as_written(float value) {
    const std::string text = shortest(value);
    double out = static_cast<double>(value);
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
}

}  // namespace mlpw
