#pragma once
// Settings > Language: the system's language, English or Español. The choice is stored (language.h) and
// applies when the window is started again, which the menu says.
#include <QMenu>

class LanguageMenu : public QMenu {
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget* parent = nullptr);
};
