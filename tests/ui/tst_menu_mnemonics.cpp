// Keyboard mnemonics: in every menu of the window (the menu bar, each menu and submenu), no two entries share
// an Alt letter, in English and in Spanish (the built .qm installed as tst_language does).
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "editor/mnemonic_text.h"
#include "shell/language.h"
#include "shell/main_window.h"

namespace {

using mnemonic_text::letter_of;  // the letter after a single '&', lower case ("&&" is a literal ampersand)

// "File: 'A' in “&Import runs…” and “&Import ONNX…”" per clash, in this menu and every submenu.
void collectClashes(const QString& where, const QList<QAction*>& actions, QStringList& clashes) {
    QHash<QChar, QString> taken;
    for (QAction* a : actions) {
        if (a->isSeparator() || !a->isVisible()) continue;
        const QChar letter = letter_of(a->text());
        if (!letter.isNull()) {
            if (taken.contains(letter))
                clashes << QStringLiteral("%1: '%2' in “%3” and “%4”").arg(where, letter, taken[letter], a->text());
            else taken.insert(letter, a->text());
        }
        if (QMenu* sub = a->menu()) collectClashes(where + QStringLiteral(" > ") + a->text(), sub->actions(), clashes);
    }
}

QStringList clashesOf(const MainWindow& window) {
    QStringList clashes;
    collectClashes(QStringLiteral("menu bar"), window.menuBar()->actions(), clashes);
    return clashes;
}

}  // namespace

class TestMenuMnemonics : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    }

    void theCheckFindsAClash() {
        QMenu menu;
        menu.addAction(QStringLiteral("&Import runs…"));
        menu.addAction(QStringLiteral("Save && &close"));
        menu.addAction(QStringLiteral("&Import ONNX…"));
        QStringList clashes;
        collectClashes(QStringLiteral("File"), menu.actions(), clashes);
        QCOMPARE(clashes, QStringList{QStringLiteral("File: 'i' in “&Import runs…” and “&Import ONNX…”")});
        QCOMPARE(letter_of(QStringLiteral("Save && &close")), QLatin1Char('c'));
        QVERIFY(letter_of(QStringLiteral("Rock && roll")).isNull());
    }

    void noClash_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("Spanish") << QStringLiteral("es");
    }
    void noClash() {
        QFETCH(QString, language);
        language::setChosen(language);
        QCOMPARE(language::install(*QCoreApplication::instance()), language);
        MainWindow window;
        QVERIFY(window.menuBar()->actions().size() >= 4);
        const QStringList clashes = clashesOf(window);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("\n"))));
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestMenuMnemonics)
#include "tst_menu_mnemonics.moc"
