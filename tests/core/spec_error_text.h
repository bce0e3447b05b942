#pragma once
// Test helper: the message of the SpecError that f() throws, or "" when it does not throw.
#include <string>

#include "mlpw/errors.h"

template <typename F>
std::string error_of(F f) {
    try {
        f();
    } catch (const mlpw::SpecError& e) {
        return e.what();
    }
    return {};
}
