// Keyboard mnemonics in the experiment editor: on every tab page no two shown labels (with a buddy), buttons or
// group boxes share an Alt letter, nor take one of the tab titles, the Name field or the menu bar, in English and
// in Spanish, with the rows every choice shows (each optimiser with each schedule, each layer type's options,
// every callback on). The letters move only where they clash (mnemonic_text::with_free_letter).
#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "editor/experiment_editor.h"
#include "editor/layer_editor.h"
#include "editor/mnemonic_text.h"
#include "mlpw/experiment/experiment.h"
#include "shell/language.h"
#include "shell/main_window.h"

namespace {

using mnemonic_text::letter_of;

// The Alt-shortcut text of each widget of `page` shown within it (Qt grabs one for these kinds only).
QStringList mnemonicTexts(QWidget* page) {
    QStringList texts;
    for (QWidget* w : page->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(page)) continue;
        const auto* label = qobject_cast<QLabel*>(w);
        if (label && label->buddy()) texts << label->text();
        if (const auto* button = qobject_cast<QAbstractButton*>(w)) texts << button->text();
        if (const auto* box = qobject_cast<QGroupBox*>(w)) texts << box->title();
    }
    return texts;
}

// "Training: 'e' in “&Epsilon” and “&Epochs”" per clash among `texts`, whose letters may not be in `reserved`
// either (letter -> the text that holds it).
QStringList clashes(const QString& where, const QStringList& texts, const QHash<QChar, QString>& reserved) {
    QStringList out;
    QHash<QChar, QString> taken = reserved;
    for (const QString& text : texts) {
        const QChar letter = letter_of(text);
        if (letter.isNull()) continue;
        if (taken.contains(letter))
            out << QStringLiteral("%1: '%2' in “%3” and “%4”").arg(where, letter, taken[letter], text);
        else taken.insert(letter, text);
    }
    return out;
}

// The letters the pages leave alone: the menu bar's, the tab titles' and the Name field's.
QHash<QChar, QString> reservedLetters(const MainWindow& window, const ExperimentEditor& editor) {
    QStringList texts;
    for (const QAction* a : window.menuBar()->actions()) texts << a->text();
    for (int i = 0; i < editor.tabs()->count(); ++i) texts << editor.tabs()->tabText(i);
    for (const QLabel* label : editor.findChildren<QLabel*>())
        if (label->buddy() && !editor.tabs()->isAncestorOf(label)) texts << label->text();
    QHash<QChar, QString> letters;
    for (const QString& text : texts)
        if (const QChar letter = letter_of(text); !letter.isNull()) letters.insert(letter, text);
    return letters;
}

// The specs whose rows the test shows: each optimiser with each schedule (cosine with its warm-up), every
// callback on, a layer of every type.
std::vector<mlpw::ExperimentSpec> specsShowingEveryRow() {
    mlpw::ExperimentSpec base;
    base.name = "mnemonics";
    base.data.source = "mnist";
    for (const auto& info : mlpw::layer_types()) {
        mlpw::LayerSpec layer;
        layer.type = info.type;
        layer.units = 10;
        base.model.layers.push_back(layer);
    }
    base.callbacks.early_stopping.emplace_back();
    base.callbacks.early_stopping_threshold.emplace_back();
    base.callbacks.stop_at.emplace_back();
    base.callbacks.model_checkpoint.emplace_back();
    base.callbacks.reduce_lr_on_plateau.emplace_back();
    base.callbacks.learning_rate_scheduler.emplace_back();
    std::vector<mlpw::LearningRateSchedule> schedules(1);
    for (const auto& info : mlpw::schedule_table()) {
        mlpw::LearningRateSchedule s;
        s.type = info.type;
        s.warmup_target = 0.01f;
        s.warmup_steps = 100;
        schedules.push_back(s);
    }
    std::vector<mlpw::ExperimentSpec> specs;
    for (const auto& info : mlpw::optimizer_table()) {
        for (const auto& schedule : schedules) {
            mlpw::ExperimentSpec spec = base;
            spec.optimizer = mlpw::defaults_for(info.type);
            spec.optimizer.schedule = schedule;
            specs.push_back(spec);
        }
    }
    return specs;
}

// Lets the editor's pass after a shown or hidden row run.
void settle() {
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

}  // namespace

class TestEditorMnemonics : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    }

    void aClashingLetterMoves_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("taken");
        QTest::addColumn<QString>("expected");
        QTest::newRow("own letter free") << QStringLiteral("&Weight decay") << QStringLiteral("ed")
                                         << QStringLiteral("&Weight decay");
        QTest::newRow("a word start first")
            << QStringLiteral("&Weight decay") << QStringLiteral("w") << QStringLiteral("Weight &decay");
        QTest::newRow("then any letter") << QStringLiteral("&Weight decay") << QStringLiteral("wd")
                                         << QStringLiteral("W&eight decay");
        QTest::newRow("digits count") << QStringLiteral("Beta &1") << QStringLiteral("1b") << QStringLiteral("B&eta 1");
        QTest::newRow("a text written without one gets none")
            << QStringLiteral("Folder") << QStringLiteral("f") << QStringLiteral("Folder");
        QTest::newRow("no ASCII letter left")
            << QStringLiteral("&Año") << QStringLiteral("ao") << QStringLiteral("Año");
        QTest::newRow("a literal ampersand stays")
            << QStringLiteral("Save && &close") << QStringLiteral("c") << QStringLiteral("&Save && close");
    }
    void aClashingLetterMoves() {
        QFETCH(QString, text);
        QFETCH(QString, taken);
        QFETCH(QString, expected);
        QSet<QChar> letters;
        for (const QChar c : taken) letters.insert(c);
        QCOMPARE(mnemonic_text::with_free_letter(text, letters), expected);
    }

    void aClashMovesOneLetter() {
        // "&Epsilon" keeps 'e' from "&Epochs" after it; "Learning rate &schedule" gives up the menu's 's' and takes
        // the first free word start, not the 'l' that "&Learning rate" after it keeps.
        const QStringList written{QStringLiteral("Learning rate &schedule"), QStringLiteral("&Learning rate"),
                                  QStringLiteral("&Epsilon"), QStringLiteral("&Epochs"), QStringLiteral("Folder")};
        const QStringList expected{QStringLiteral("Learning &rate schedule"), QStringLiteral("&Learning rate"),
                                   QStringLiteral("&Epsilon"), QStringLiteral("E&pochs"), QStringLiteral("Folder")};
        QCOMPARE(mnemonic_text::unique_letters(written, {QLatin1Char('s')}), expected);
    }

    void theCheckFindsAClash() {
        const QHash<QChar, QString> reserved{{QLatin1Char('d'), QStringLiteral("&Data")}};
        QCOMPARE(clashes(QStringLiteral("Data"), {QStringLiteral("&Data set"), QStringLiteral("Folder")}, reserved),
                 QStringList{QStringLiteral("Data: 'd' in “&Data” and “&Data set”")});
        QCOMPARE(clashes(QStringLiteral("Training"), {QStringLiteral("&Epsilon"), QStringLiteral("&Epochs")}, {}),
                 QStringList{QStringLiteral("Training: 'e' in “&Epsilon” and “&Epochs”")});
        QVERIFY(clashes(QStringLiteral("x"), {QStringLiteral("Rock && roll"), QStringLiteral("&Roll")}, {}).isEmpty());
    }

    void noClashOnAnyPage_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("Spanish") << QStringLiteral("es");
    }
    void noClashOnAnyPage() {
        QFETCH(QString, language);
        language::setChosen(language);
        QCOMPARE(language::install(*QCoreApplication::instance()), language);
        MainWindow window;
        auto* editor = window.findChild<ExperimentEditor*>();
        QVERIFY(editor);
        QTabWidget* tabs = editor->tabs();
        QCOMPARE(tabs->count(), 3);
        QStringList found;
        int states = 0, rowsShown = 0;
        const auto check = [&](const QString& state) {
            settle();
            const QHash<QChar, QString> reserved = reservedLetters(window, *editor);
            QVERIFY(reserved.size() >= 7);  // four menus, three tabs, Name
            for (int i = 0; i < tabs->count(); ++i) {
                const QStringList texts = mnemonicTexts(tabs->widget(i));
                rowsShown += int(texts.size());
                found << clashes(state + QStringLiteral(", ") + mnemonic_text::stripped(tabs->tabText(i)), texts,
                                 reserved);
            }
            ++states;
        };
        check(QStringLiteral("as opened"));
        for (const mlpw::ExperimentSpec& spec : specsShowingEveryRow()) {
            editor->setSpec(spec);
            const auto type = spec.optimizer.schedule.type;
            check(QStringLiteral("%1 with %2")
                      .arg(QLatin1String(mlpw::optimizer_info(spec.optimizer.type).keras_name),
                           type == mlpw::ScheduleType::constant ? QStringLiteral("a constant rate")
                                                                : QLatin1String(mlpw::schedule_info(type).keras_name)));
        }
        // Each layer's options (the panel under the layer table shows the current row's).
        QTableView* layers = editor->layerEditor()->view();
        for (int row = 0; row < layers->model()->rowCount(); ++row) {
            layers->setCurrentIndex(layers->model()->index(row, 0));
            check(QStringLiteral("layer %1 current").arg(row + 1));
        }
        QVERIFY(states > 20);
        QVERIFY(rowsShown > 20 * states);  // the pages were walked
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("\n"))));
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestEditorMnemonics)
#include "tst_editor_mnemonics.moc"
