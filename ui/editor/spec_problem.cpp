#include "editor/spec_problem.h"

#include "mlpw/experiment/experiment.h"

QString ProblemText::message(const mlpw::SpecProblem& p) {
    return QString::fromStdString(mlpw::SpecProblem{"", p.message, p.got}.text());
}

std::string ProblemText::typed(const QString& text) { return QStringLiteral("\"%1\"").arg(text).toStdString(); }

QString ProblemText::describe(const mlpw::SpecProblem& p) {
    const auto where = mlpw::layer_field(p.path);
    if (!where) return QString::fromStdString(p.text());
    if (where->field.empty()) return tr("Layer %1: %2").arg(where->layer + 1).arg(message(p));
    return tr("Layer %1, %2: %3").arg(where->layer + 1).arg(QString::fromStdString(where->field), message(p));
}
