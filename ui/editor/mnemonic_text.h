#pragma once
// Alt-letter mnemonics in widget texts: "&Epochs" has the letter 'e', "Save && &close" 'c' ("&&" is a literal
// ampersand), "Folder" none. Letters compare in lower case.
#include <QChar>
#include <QSet>
#include <QString>
#include <QStringList>

namespace mnemonic_text {

QChar letter_of(const QString& text);   // null for none
QString stripped(const QString& text);  // without the mnemonic's '&' ("&&" kept)
// `text` with its own letter when that is not in `taken` (or as it is, without one: written so); else with the
// first free ASCII letter or digit that starts a word, then any free one; else with no mnemonic.
QString with_free_letter(const QString& text, const QSet<QChar>& taken);
// The texts of one page, in order, with no letter twice nor in `reserved`: each keeps its own letter unless one
// before it kept that letter or it is reserved; those that lose theirs then take free ones (with_free_letter),
// so a clash moves one letter, not every letter after it.
QStringList unique_letters(const QStringList& texts, QSet<QChar> reserved);

}  // namespace mnemonic_text
