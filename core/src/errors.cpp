// The text of located experiment problems: "path: message, got value", one per line after a count.
#include "mlpw/errors.h"

namespace mlpw {
namespace {

std::string problems_text(const std::string& origin, const std::vector<SpecProblem>& problems) {
    std::string text = origin + ": ";
    if (problems.size() == 1) return text.append(problems.front().text());
    text.append(std::to_string(problems.size())).append(" problems");
    for (const auto& p : problems) text.append("\n").append(p.text());
    return text;
}

}  // namespace

std::string SpecProblem::text() const {
    std::string out = path.empty() ? message : path + ": " + message;
    return got.empty() ? out : out + ", got " + got;
}

SpecError::SpecError(const std::string& origin, std::vector<SpecProblem> problems)
    : Error(problems_text(origin, problems)), m_problems(std::move(problems)) {}

}  // namespace mlpw
