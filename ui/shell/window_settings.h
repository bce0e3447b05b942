#pragma once
// What the window keeps between sessions, per user (QSettings: $XDG_CONFIG_HOME/MLP Workbench/mlp-workbench.conf,
// i.e. ~/.config/...): its geometry and toolbar state, the sizes of its splitters (found by object name) and the
// last data set. The recent files (recent_files.h) and the language (language.h) are kept there too.
#include <QString>

class QMainWindow;

namespace window_settings {

// Restores the geometry, the state and the sizes of the window's named QSplitters, when stored.
void restoreLayout(QMainWindow* window);
void saveLayout(const QMainWindow* window);
// The data source of the last experiment the window had ("mnist", "fashion_mnist" or a folder; "" when none).
QString lastDataSet();
void setLastDataSet(const QString& source);

}  // namespace window_settings
