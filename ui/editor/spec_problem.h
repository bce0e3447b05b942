#pragma once
// How the window words one validation problem (the problems themselves are core's mlpw::SpecProblem, located
// by option path; mlpw::layer_field finds the layer and field of a path inside model.layers).
#include <QCoreApplication>
#include <QString>

#include "mlpw/errors.h"

class ProblemText {
    Q_DECLARE_TR_FUNCTIONS(ProblemText)
public:
    // "Layer 4, units: must be a positive integer, got -5" / "optimizer.learning_rate: must be > 0, got 0"
    static QString describe(const mlpw::SpecProblem& problem);
    // What a problem says about its field: "must be a positive integer, got -5" (no path).
    static QString message(const mlpw::SpecProblem& problem);
    // A field's text as a problem's `got`: "\"abc\"".
    static std::string typed(const QString& text);
};
