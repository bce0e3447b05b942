#include "preset_library.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

QString PresetLibrary::directory() {
    const QString chosen = qEnvironmentVariable("MLPW_PRESETS_DIR");  // overrides both (and lets tests remove it)
    if (!chosen.isEmpty()) return QFileInfo(chosen).isDir() ? QDir(chosen).canonicalPath() : QString();
    const QString installed = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/mlp-workbench/presets");
    if (QFileInfo(installed).isDir()) return QDir(installed).canonicalPath();
#ifdef MLPW_PRESETS_DIR
    if (QFileInfo(QStringLiteral(MLPW_PRESETS_DIR)).isDir()) return QStringLiteral(MLPW_PRESETS_DIR);
#endif
    return {};
}

QStringList PresetLibrary::files() {
    const QString dir = directory();
    if (dir.isEmpty()) return {};
    QStringList out;
    for (const QFileInfo& f : QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << f.absoluteFilePath();
    return out;
}

QString PresetLibrary::path(const QString& name) {
    const QString p = directory() + QLatin1Char('/') + name + QStringLiteral(".json");
    return QFileInfo::exists(p) ? p : QString();
}
