#pragma once
// The English plural forms of the window's %n texts: tr("%n epoch(s)", nullptr, n) reads "1 epoch", "7 epochs".
// Qt leaves "(s)" as written unless a translator supplies the forms; this one stands in for an English .qm
// (the build has no lrelease). A real translation installed after it takes precedence.
#include <QTranslator>

class EnglishPlurals : public QTranslator {
    Q_OBJECT
public:
    using QTranslator::QTranslator;
    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }
};
