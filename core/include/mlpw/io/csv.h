#pragma once
// CSV text as the run bundle and the sweep's results.csv write it, and the reading back of those files.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlpw {

// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);
// The shortest text that reads back as the same double ("0.9741"); "inf"/"-inf"; empty for NaN.
std::string csv_number(double value);
// The shortest text that reads back as the same float ("0.98765").
std::string csv_float(float value);

// The fields of one line (quotes removed, "" inside quotes read as "); nullopt when a quote is left open.
std::optional<std::vector<std::string>> csv_fields(std::string_view line);
// A number written by csv_number (empty reads as NaN); nullopt when the text is not one.
std::optional<double> csv_parse_number(std::string_view text);
std::optional<float> csv_parse_float(std::string_view text);
// A non-negative integer in plain decimal; nullopt otherwise.
std::optional<long long> csv_parse_count(std::string_view text);

}  // namespace mlpw
