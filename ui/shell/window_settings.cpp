#include "shell/window_settings.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitters = QStringLiteral("window/splitters/");
const QString kLastDataSet = QStringLiteral("lastDataSet");
}  // namespace

namespace window_settings {

void restoreLayout(QMainWindow* window) {
    const QSettings settings;
    if (settings.contains(kGeometry)) window->restoreGeometry(settings.value(kGeometry).toByteArray());
    if (settings.contains(kState)) window->restoreState(settings.value(kState).toByteArray());
    for (QSplitter* splitter : window->findChildren<QSplitter*>()) {
        const QString key = kSplitters + splitter->objectName();
        if (!splitter->objectName().isEmpty() && settings.contains(key))
            splitter->restoreState(settings.value(key).toByteArray());
    }
}

void saveLayout(const QMainWindow* window) {
    QSettings settings;
    settings.setValue(kGeometry, window->saveGeometry());
    settings.setValue(kState, window->saveState());
    for (const QSplitter* splitter : window->findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty())
            settings.setValue(kSplitters + splitter->objectName(), splitter->saveState());
}

QString lastDataSet() { return QSettings().value(kLastDataSet).toString(); }

void setLastDataSet(const QString& source) { QSettings().setValue(kLastDataSet, source); }

}  // namespace window_settings
