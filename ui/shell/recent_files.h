#pragma once
// The recently opened or saved files of one kind (QSettings key), as a File menu sub-menu: experiments by
// default, model files with their own key and title.
#include <QMenu>

class RecentFiles : public QMenu {
    Q_OBJECT
public:
    explicit RecentFiles(QWidget* parent = nullptr, const QString& title = {},
                         const QString& key = QStringLiteral("recentFiles"));
    void add(const QString& path);

signals:
    void chosen(const QString& path);

private:
    void rebuild();
    static constexpr int kMaxFiles = 8;
    QString m_key;
};
