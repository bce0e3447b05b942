#pragma once
// Floats as a person wrote them: the shortest decimal text that reads back as the same value ("0.001", not
// "0.0010000000474974513"), and that decimal as a double (what Keras, in Python's float64, holds: 0.95f is
// compared as 0.95, not 0.949999988079071). Used for messages, JSON numbers, logs and thresholds alike.
#include <string>

namespace mlpw {

std::string shortest_text(float value);   // "0.95", "1e-07", "inf", "nan"
std::string shortest_text(double value);  // "0.9741"
double as_written(float value);           // 0.95f -> 0.95

}  // namespace mlpw
