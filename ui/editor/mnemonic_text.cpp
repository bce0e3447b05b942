// See mnemonic_text.h.
#include "editor/mnemonic_text.h"

#include <vector>

namespace mnemonic_text {
namespace {

// The position of the mnemonic's '&' in text, -1 for none.
qsizetype ampersand_of(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) continue;
        if (text[i + 1] != QLatin1Char('&')) return i;
        ++i;  // "&&": a literal '&'
    }
    return -1;
}

bool usable(QChar c) { return c.unicode() < 128 && c.isLetterOrNumber(); }

}  // namespace

QChar letter_of(const QString& text) {
    const qsizetype at = ampersand_of(text);
    return at < 0 ? QChar() : text[at + 1].toLower();
}

QString stripped(const QString& text) {
    const qsizetype at = ampersand_of(text);
    return at < 0 ? text : QString(text).remove(at, 1);
}

QString with_free_letter(const QString& text, const QSet<QChar>& taken) {
    const QChar own = letter_of(text);
    if (own.isNull() || !taken.contains(own)) return text;
    const QString plain = stripped(text);
    const auto candidate = [&](qsizetype i) { return usable(plain[i]) && !taken.contains(plain[i].toLower()); };
    for (const bool wordStartsOnly : {true, false}) {
        for (qsizetype i = 0; i < plain.size(); ++i) {
            if (wordStartsOnly && i > 0 && plain[i - 1].isLetterOrNumber()) continue;
            if (candidate(i)) return QString(plain).insert(i, QLatin1Char('&'));
        }
    }
    return plain;
}

QStringList unique_letters(const QStringList& texts, QSet<QChar> reserved) {
    QStringList out = texts;
    QSet<QChar>& taken = reserved;
    std::vector<bool> kept(size_t(texts.size()), false);
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QChar own = letter_of(texts[i]);
        kept[size_t(i)] = own.isNull() || !taken.contains(own);
        if (!own.isNull()) taken.insert(own);
    }
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (kept[size_t(i)]) continue;
        out[i] = with_free_letter(texts[i], taken);
        if (const QChar letter = letter_of(out[i]); !letter.isNull()) taken.insert(letter);
    }
    return out;
}

}  // namespace mnemonic_text
