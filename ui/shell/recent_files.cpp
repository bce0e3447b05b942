#include "shell/recent_files.h"

#include <QFileInfo>
#include <QSettings>

RecentFiles::RecentFiles(QWidget* parent, const QString& title, const QString& key)
    : QMenu(title.isEmpty() ? tr("Open &Recent") : title, parent), m_key(key) {
    rebuild();
}

void RecentFiles::add(const QString& path) {
    QSettings settings;
    QStringList files = settings.value(m_key).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxFiles) files.removeLast();
    settings.setValue(m_key, files);
    rebuild();
}

void RecentFiles::rebuild() {
    clear();
    const QStringList files = QSettings().value(m_key).toStringList();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction* a = addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
                               [this, path] { emit chosen(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    setEnabled(!files.isEmpty());
}
