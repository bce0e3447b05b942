#include "shell/english_plurals.h"

QString EnglishPlurals::translate(const char*, const char* sourceText, const char*, int n) const {
    const QString text = QString::fromUtf8(sourceText);
    if (n < 0 || !text.contains(QLatin1String("(s)"))) return {};  // not a plural text: Qt's own handling
    return QString(text).replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}
