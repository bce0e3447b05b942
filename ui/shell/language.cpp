#include "shell/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include "mlpw/io/share_dir.h"

namespace {
const char* kKey = "language";
const QString kSource = QStringLiteral("en");  // the language of the source texts: no translator
}  // namespace

namespace language {

QStringList available() { return {kSource, QStringLiteral("es")}; }

QString nativeName(const QString& code) {
    // Written as each language writes its own name (QLocale's would be "American English").
    if (code == QLatin1String("es")) return QStringLiteral("Español");
    return code == kSource ? QStringLiteral("English") : code;
}

QString chosen() {
    const QString code = QSettings().value(kKey).toString();
    return available().contains(code) ? code : QString();
}

void setChosen(const QString& code) {
    QSettings settings;
    if (available().contains(code)) settings.setValue(kKey, code);
    else settings.remove(kKey);
}

QString resolve(const QString& choice, const QLocale& system) {
    if (available().contains(choice)) return choice;
    const QString own = QLocale::languageToCode(system.language());
    return available().contains(own) ? own : kSource;
}

QString translationsDir() { return QString::fromStdString(mlpw::share_dir()) + QStringLiteral("/translations"); }

QString install(QCoreApplication& app) {
    const QString code = resolve(chosen(), QLocale::system());
    if (code == kSource) return code;
    auto* qt = new QTranslator(&app);  // Qt's own texts first, so that the window's take precedence
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (!own->load(QStringLiteral("mlp-workbench_") + code, translationsDir())) {
        qWarning("mlp-workbench: no translation mlp-workbench_%s.qm in %s; the window stays in English",
                 qPrintable(code), qPrintable(translationsDir()));
        return kSource;
    }
    QCoreApplication::installTranslator(own);
    QLocale::setDefault(QLocale(code));
    return code;
}

}  // namespace language
