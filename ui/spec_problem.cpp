#include "spec_problem.h"

#include <QRegularExpression>

SpecProblem SpecProblem::parse(const QString& line) {
    SpecProblem p;
    const int colon = line.indexOf(QStringLiteral(": "));
    p.path = colon < 0 ? QString() : line.left(colon).trimmed();
    p.message = colon < 0 ? line.trimmed() : line.mid(colon + 2).trimmed();
    static const QRegularExpression layerPath(QStringLiteral(R"(^model\.layers\[(\d+)\](?:\.(.+))?$)"));
    const auto m = layerPath.match(p.path);
    if (m.hasMatch()) {
        p.layer = m.captured(1).toInt();
        p.field = m.captured(2);
    }
    return p;
}

QList<SpecProblem> SpecProblem::parseAll(const std::vector<std::string>& lines) {
    QList<SpecProblem> out;
    for (const auto& line : lines) out.append(parse(QString::fromStdString(line)));
    return out;
}

QString SpecProblem::describe() const {
    if (layer < 0) return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    QString where = QStringLiteral("Layer %1").arg(layer + 1);
    if (!field.isEmpty()) where += QStringLiteral(", ") + field;
    return where + QStringLiteral(": ") + message;
}
