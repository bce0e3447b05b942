// The window in Spanish: the built .qm (share/mlp-workbench/translations beside the program) is found and
// installed for the stored choice, and once it is, no text the window shows (menus, actions, tabs, buttons,
// labels, tool tips) is still an English source text that the .ts translates differently.
#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "mlpw/experiment/model_spec.h"
#include "shell/language.h"
#include "shell/main_window.h"

namespace {

// The .ts's English source texts whose Spanish text differs (identical ones: Keras names such as val_loss).
QSet<QString> translatedSources(const QString& tsPath) {
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QSet<QString> sources;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement()) continue;
        if (xml.name() == QLatin1String("source")) source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation") &&
                 xml.readElementText(QXmlStreamReader::IncludeChildElements) != source)
            sources.insert(source);
    }
    return sources;
}

// Every text of the window a person reads.
QStringList shownTexts(const QWidget& window) {
    QStringList texts;
    for (const QAction* a : window.findChildren<QAction*>()) texts << a->text() << a->toolTip();
    for (const QWidget* w : window.findChildren<QWidget*>()) texts << w->toolTip();
    for (const QAbstractButton* b : window.findChildren<QAbstractButton*>()) texts << b->text();
    for (const QLabel* l : window.findChildren<QLabel*>()) texts << l->text();
    for (const QGroupBox* g : window.findChildren<QGroupBox*>()) texts << g->title();
    for (const QTabWidget* t : window.findChildren<QTabWidget*>())
        for (int i = 0; i < t->count(); ++i) texts << t->tabText(i) << t->tabToolTip(i);
    texts.removeAll(QString());
    return texts;
}

}  // namespace

class TestLanguage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QVERIFY2(QFile::exists(language::translationsDir() + QStringLiteral("/mlp-workbench_es.qm")),
                 qPrintable(language::translationsDir()));
    }

    void englishByDefault() {
        language::setChosen(QStringLiteral("en"));
        QCOMPARE(language::install(*QCoreApplication::instance()), QStringLiteral("en"));
        MainWindow window;
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    }

    void spanishWindow() {
        language::setChosen(QStringLiteral("es"));
        QCOMPARE(language::install(*QCoreApplication::instance()), QStringLiteral("es"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&Archivo"));
        QCOMPARE(QCoreApplication::translate("OptimizerOption", "&Learning rate"),
                 QStringLiteral("&Tasa de aprendizaje"));  // a core option table's label
        QCOMPARE(QCoreApplication::translate("KerasLog", "Finished: %n epoch(s), best epoch %1", nullptr, 3),
                 QStringLiteral("Terminado: 3 épocas, mejor época %1"));
        MainWindow window;
        QStringList menus;
        for (const QAction* a : window.menuBar()->actions()) menus << a->text();
        QCOMPARE(menus, (QStringList{"&Archivo", "&Preajustes", "&Ejecutar", "&Configuración"}));

        const QSet<QString> english =
            translatedSources(QStringLiteral(MLPW_SOURCE_DIR "/resources/translations/mlp-workbench_es.ts"));
        QVERIFY(english.size() > 100);
        QSet<QString> keras;  // Keras class names (the Add menu's "Activation") stay as Keras writes them
        for (const mlpw::LayerTypeInfo& info : mlpw::layer_types()) keras.insert(QString::fromLatin1(info.keras_class));
        QStringList untranslated;
        for (const QString& text : shownTexts(window))
            if (english.contains(text) && !keras.contains(text)) untranslated << text;
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(" | "))));
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
