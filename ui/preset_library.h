#pragma once
// The study's preset experiments: resources/presets/*.json in the source tree (MLPW_PRESETS_DIR) or the
// installed share/mlp-workbench/presets next to the program; $MLPW_PRESETS_DIR, when set, instead of both.
#include <QString>
#include <QStringList>

class PresetLibrary {
public:
    static QString directory();
    static QStringList files();              // absolute paths, sorted by name
    static QString path(const QString& name);  // "baseline" -> .../baseline.json (empty when missing)
};
