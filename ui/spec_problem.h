#pragma once
// One validation problem of an experiment, located: "model.layers[3].units: must be ..." becomes
// {path, layer 3, field "units", message}. Layer -1 when the problem is not about one layer.
#include <QList>
#include <QString>

#include <string>
#include <vector>

struct SpecProblem {
    QString path;     // "model.layers[3].units"
    int layer = -1;   // 3
    QString field;    // "units" ("" for the whole layer)
    QString message;  // "must be a positive integer, got -5"

    static SpecProblem parse(const QString& line);
    static QList<SpecProblem> parseAll(const std::vector<std::string>& lines);
    // "Layer 4, units: must be a positive integer, got -5" / "optimizer.learning_rate: must be > 0, got 0"
    QString describe() const;
};
