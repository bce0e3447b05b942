#pragma once
// The tiny, safe expression language of LearningRateScheduler's "schedule" (Keras passes a Python function
// schedule(epoch, lr); a file cannot hold one). Grammar, evaluated in double:
//   expr  := term (("+" | "-") term)*          term := unary (("*" | "/") unary)*
//   unary := "-" unary | power                  power := atom (("^" | "**") unary)?
//   atom  := number | "epoch" | "lr" | "pi" | name "(" expr ("," expr)* ")" | "(" expr ")"
//   names: exp(x), log(x), sqrt(x), cos(x), floor(x), min(a, b), max(a, b)
// `epoch` is 0-based (Keras' argument), `lr` the current rate. Example: "lr * 0.95 ^ floor(epoch / 2)".
// No variables, loops or calls out: parsing either gives a program of at most kMaxOps steps or an error naming
// the position.
#include <optional>
#include <string>
#include <vector>

namespace mlpw {

class RateExpression {
public:
    static constexpr size_t kMaxOps = 256;
    // The compiled expression, or nullopt with `error` set ("unexpected ')' at character 7").
    static std::optional<RateExpression> parse(const std::string& text, std::string& error);
    double evaluate(double epoch, double lr) const;

    enum class Op { number, epoch, lr, add, sub, mul, div, pow, neg, exp, log, sqrt, cos, floor, min, max };
    struct Step {
        Op op;
        double value = 0.0;  // Op::number
    };

private:
    std::vector<Step> m_program;  // postfix
};

}  // namespace mlpw
