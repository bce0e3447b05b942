#include "shell/language_menu.h"

#include <QActionGroup>
#include <QMessageBox>

#include "shell/language.h"

LanguageMenu::LanguageMenu(QWidget* parent) : QMenu(tr("&Language"), parent) {
    setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(this);
    const QString current = language::chosen();
    auto add = [this, group, current](const QString& label, const QString& code) {
        QAction* a = addAction(label);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            if (code == language::chosen()) return;
            language::setChosen(code);
            QMessageBox::information(parentWidget(), tr("Language"),
                                     tr("The new language applies when MLP Workbench is started again."));
        });
    };
    add(tr("System language"), QString());
    for (const QString& code : language::available()) add(language::nativeName(code), code);
}
