// What the window keeps between sessions (QSettings, here in a temporary folder): a second window, as after a
// restart, has the first one's size, splitter sizes, last data set and recent files; the language choice is
// stored and resolved against the system locale.
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QtTest>

#include "editor/experiment_editor.h"
#include "shell/language.h"
#include "shell/main_window.h"
#include "shell/recent_files.h"
#include "shell/window_settings.h"

class TestWindowSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QSettings().clear();
    }

    void layoutSurvivesRestart() {
        QList<int> mainSizes;
        QList<int> runSizes;
        QSize size;
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(window.size() + QSize(61, 37));  // not the default size
            size = window.size();
            QVERIFY(size != QSize(1280, 800));
            auto* main = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
            auto* run = window.findChild<QSplitter*>(QStringLiteral("runSplitter"));
            QVERIFY(main && run);
            main->setSizes({330, 660});
            run->setSizes({250, 350});
            mainSizes = main->sizes();
            runSizes = run->sizes();
            QVERIFY(window.close());
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), size);
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes(), mainSizes);
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("runSplitter"))->sizes(), runSizes);
    }

    void lastDataSetSurvivesRestart() {
        QTemporaryDir idx;  // a folder data set (empty: its preview fails quickly, which does not matter here)
        {
            MainWindow window;
            mlpw::ExperimentSpec spec = window.editor()->spec();
            QCOMPARE(spec.data.source, std::string("mnist"));  // the baseline's
            spec.data.source = idx.path().toStdString();
            window.editor()->setSpec(spec);
            QVERIFY(window.close());
        }
        QCOMPARE(window_settings::lastDataSet(), idx.path());
        MainWindow again;
        QCOMPARE(QString::fromStdString(again.editor()->spec().data.source), idx.path());
        QVERIFY(!again.isDirty());
        window_settings::setLastDataSet(QString());
    }

    void recentFilesSurviveRestart() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        {
            MainWindow window;
            QVERIFY(window.saveExperimentTo(path, true));
        }
        MainWindow again;
        auto* recent = again.findChild<RecentFiles*>();
        QVERIFY(recent);
        QVERIFY(!recent->actions().isEmpty());
        QCOMPARE(recent->actions().first()->toolTip(), path);
    }

    void languageChoiceIsStored() {
        QCOMPARE(language::chosen(), QString());  // nothing stored: the system's language
        language::setChosen(QStringLiteral("es"));
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("es"));
        QCOMPARE(language::chosen(), QStringLiteral("es"));
        language::setChosen(QStringLiteral("fr"));  // not one the window speaks: back to the system's
        QCOMPARE(language::chosen(), QString());
        QSettings().setValue(QStringLiteral("language"), QStringLiteral("xx"));  // a hand-edited file
        QCOMPARE(language::chosen(), QString());
        language::setChosen(QString());
    }

    void languageResolves_data() {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("expected");
        QTest::newRow("spanish system") << ""
                                        << "es_ES"
                                        << "es";
        QTest::newRow("mexican system") << ""
                                        << "es_MX"
                                        << "es";
        QTest::newRow("english system") << ""
                                        << "en_GB"
                                        << "en";
        QTest::newRow("german system: English") << ""
                                                << "de_DE"
                                                << "en";
        QTest::newRow("chosen English on Spanish") << "en"
                                                   << "es_ES"
                                                   << "en";
        QTest::newRow("chosen Spanish on English") << "es"
                                                   << "en_US"
                                                   << "es";
        QTest::newRow("unknown choice: system") << "fr"
                                                << "es_ES"
                                                << "es";
    }
    void languageResolves() {
        QFETCH(QString, choice);
        QFETCH(QString, system);
        QFETCH(QString, expected);
        QCOMPARE(language::resolve(choice, QLocale(system)), expected);
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestWindowSettings)
#include "tst_window_settings.moc"
