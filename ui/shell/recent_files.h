#pragma once
// The recently opened or saved experiment files (QSettings), as a File menu sub-menu.
#include <QMenu>

class RecentFiles : public QMenu {
    Q_OBJECT
public:
    explicit RecentFiles(QWidget* parent = nullptr);
    void add(const QString& path);

signals:
    void chosen(const QString& path);

private:
    void rebuild();
    static constexpr int kMaxFiles = 8;
};
