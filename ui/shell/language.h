#pragma once
// The window's language: English (the source texts) or Spanish (mlp-workbench_es.qm). The setting "language"
// ("en", "es"; absent or empty: follow the system locale, e.g. LANG=es_ES.UTF-8) is read once at start-up, so
// a change applies at the next start. The .qm files are in <share_dir>/translations (mlpw/io/share_dir.h);
// Qt's own texts (dialog buttons) come from Qt's translations when qt6-translations-l10n is installed.
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace language {

// The languages the window speaks, as codes ("en", "es").
QStringList available();
// The language's own name, for the menu ("English", "Español").
QString nativeName(const QString& code);
// The stored choice: "en", "es", or "" for the system's language.
QString chosen();
void setChosen(const QString& code);
// The language used for a choice on a system: the choice when available, else the system's language when
// available, else English.
QString resolve(const QString& choice, const QLocale& system);
// Folder of the window's .qm files.
QString translationsDir();
// Installs the translators of resolve(chosen(), QLocale::system()) into app (they live as its children);
// returns the language code in use.
QString install(QCoreApplication& app);

}  // namespace language
