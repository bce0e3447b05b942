#pragma once
// The study's preset experiments: share/mlp-workbench/presets beside the program (mlpw/io/share_dir.h), installed
// or in the build tree (a link to resources/presets); $MLPW_PRESETS_DIR, when set, instead.
#include <QString>
#include <QStringList>

class PresetLibrary {
public:
    static QString directory();
    static QStringList files();                // absolute paths, sorted by name
    static QString path(const QString& name);  // "baseline" -> .../baseline.json (empty when missing)
};
