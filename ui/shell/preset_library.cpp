#include "shell/preset_library.h"

#include <QDir>
#include <QFileInfo>

#include "mlpw/io/share_dir.h"

QString PresetLibrary::directory() {
    const QString chosen = qEnvironmentVariable("MLPW_PRESETS_DIR");  // overrides share_dir (and lets tests remove it)
    if (!chosen.isEmpty()) return QFileInfo(chosen).isDir() ? QDir(chosen).canonicalPath() : QString();
    const QString presets = QString::fromStdString(mlpw::share_dir()) + QStringLiteral("/presets");
    return QFileInfo(presets).isDir() ? QDir(presets).canonicalPath() : QString();
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
