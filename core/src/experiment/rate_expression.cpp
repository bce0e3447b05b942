// A recursive-descent parser to a postfix program, and a stack machine that runs it.
#include "mlpw/experiment/rate_expression.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <numbers>

namespace mlpw {
namespace {

using Op = RateExpression::Op;
using Step = RateExpression::Step;

struct Function {
    const char* name;
    Op op;
    int arguments;
};
constexpr Function kFunctions[] = {{"exp", Op::exp, 1}, {"log", Op::log, 1},     {"sqrt", Op::sqrt, 1},
                                   {"cos", Op::cos, 1}, {"floor", Op::floor, 1}, {"min", Op::min, 2},
                                   {"max", Op::max, 2}};

class Parser {
public:
    explicit Parser(const std::string& text) : m_text(text) {}

    bool parse(std::vector<Step>& out, std::string& error) {
        expr();
        skip_space();
        if (m_error.empty() && m_pos < m_text.size()) fail("unexpected '" + std::string(1, m_text[m_pos]) + "'");
        if (m_error.empty() && m_program.size() > RateExpression::kMaxOps) fail("the expression is too long");
        if (!m_error.empty()) {
            error = m_error;
            return false;
        }
        out = std::move(m_program);
        return true;
    }

private:
    void fail(const std::string& what) {
        if (m_error.empty())
            m_error =
                m_pos < m_text.size() ? what + " at character " + std::to_string(m_pos + 1) : what + " at the end";
    }
    void skip_space() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
    }
    bool accept(const char* token) {
        skip_space();
        const size_t n = std::char_traits<char>::length(token);
        if (m_text.compare(m_pos, n, token) != 0) return false;
        m_pos += n;
        return true;
    }
    void emit(Op op, double value = 0.0) { m_program.push_back({op, value}); }

    void expr() {
        term();
        for (;;) {
            if (accept("+")) term(), emit(Op::add);
            else if (accept("-")) term(), emit(Op::sub);
            else return;
        }
    }
    void term() {
        unary();
        for (;;) {
            if (accept("*")) unary(), emit(Op::mul);
            else if (accept("/")) unary(), emit(Op::div);
            else return;
        }
    }
    void unary() {
        if (++m_depth > 64) return fail("the expression nests too deeply");
        if (accept("-")) unary(), emit(Op::neg);
        else power();
        --m_depth;
    }
    void power() {
        atom();
        skip_space();
        if (accept("**") || accept("^")) unary(), emit(Op::pow);
    }
    void atom() {
        if (!m_error.empty()) return;
        skip_space();
        if (m_pos >= m_text.size()) return fail("a number, epoch, lr or a function expected");
        const char c = m_text[m_pos];
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            const char* begin = m_text.c_str() + m_pos;
            char* end = nullptr;
            const double value = std::strtod(begin, &end);
            if (end == begin || !std::isfinite(value)) return fail("a number expected");
            m_pos += static_cast<size_t>(end - begin);
            return emit(Op::number, value);
        }
        if (accept("(")) {
            expr();
            if (!accept(")")) fail("')' expected");
            return;
        }
        size_t end = m_pos;
        while (end < m_text.size() && std::isalpha(static_cast<unsigned char>(m_text[end]))) ++end;
        const std::string name = m_text.substr(m_pos, end - m_pos);
        if (name.empty()) return fail("unexpected '" + std::string(1, c) + "'");
        if (name == "epoch" || name == "lr" || name == "pi") {
            m_pos = end;
            if (name == "pi") return emit(Op::number, std::numbers::pi);
            return emit(name == "epoch" ? Op::epoch : Op::lr);
        }
        const auto* f = std::find_if(std::begin(kFunctions), std::end(kFunctions),
                                     [&](const Function& fn) { return name == fn.name; });
        if (f == std::end(kFunctions))
            return fail("unknown name '" + name +
                        "' (the names are epoch, lr, pi, exp, log, sqrt, cos, floor, min, max)");
        m_pos = end;
        if (!accept("(")) return fail("'(' expected after " + name);
        for (int a = 0; a < f->arguments; ++a) {
            if (a > 0 && !accept(","))
                return fail(name + " takes " + std::to_string(f->arguments) + " arguments: ',' expected");
            expr();
        }
        if (!accept(")")) return fail("')' expected after the arguments of " + name);
        emit(f->op);
    }

    const std::string& m_text;
    size_t m_pos = 0;
    int m_depth = 0;
    std::string m_error;
    std::vector<Step> m_program;
};

}  // namespace

std::optional<RateExpression> RateExpression::parse(const std::string& text, std::string& error) {
    RateExpression e;
    if (!Parser(text).parse(e.m_program, error)) return std::nullopt;
    return e;
}

double RateExpression::evaluate(double epoch, double lr) const {
    double stack[kMaxOps + 1];
    size_t top = 0;  // the parser guarantees every operator has its operands
    for (const Step& s : m_program) {
        if (s.op == Op::number || s.op == Op::epoch || s.op == Op::lr) {
            stack[top++] = s.op == Op::number ? s.value : s.op == Op::epoch ? epoch : lr;
            continue;
        }
        double& a = stack[top - 1];
        switch (s.op) {
            case Op::neg: a = -a; continue;
            case Op::exp: a = std::exp(a); continue;
            case Op::log: a = std::log(a); continue;
            case Op::sqrt: a = std::sqrt(a); continue;
            case Op::cos: a = std::cos(a); continue;
            case Op::floor: a = std::floor(a); continue;
            default: break;
        }
        const double b = stack[--top];
        double& x = stack[top - 1];
        switch (s.op) {
            case Op::add: x += b; break;
            case Op::sub: x -= b; break;
            case Op::mul: x *= b; break;
            case Op::div: x /= b; break;
            case Op::pow: x = std::pow(x, b); break;
            case Op::min: x = std::min(x, b); break;
            case Op::max: x = std::max(x, b); break;
            default: break;
        }
    }
    return top ? stack[top - 1] : 0.0;
}

}  // namespace mlpw
