// See page_mnemonics.h.
#include "editor/page_mnemonics.h"

#include <QAbstractButton>
#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QTabWidget>
#include <QTimer>
#include <QVariant>

#include "editor/mnemonic_text.h"

namespace {

// Dynamic properties of a holder: its text as written (by the panel, in the window's language) and as this pass
// set it; a text that differs from the one set was written anew.
constexpr const char* kWritten = "mnemonicWritten";
constexpr const char* kShown = "mnemonicShown";

// The text whose '&' Qt turns into the widget's Alt shortcut; null for widgets without one.
QString textOf(const QWidget* w) {
    if (const auto* label = qobject_cast<const QLabel*>(w)) return label->buddy() ? label->text() : QString();
    if (const auto* button = qobject_cast<const QAbstractButton*>(w)) return button->text();
    if (const auto* box = qobject_cast<const QGroupBox*>(w)) return box->title();
    return {};
}

void setTextOf(QWidget* w, const QString& text) {
    if (auto* label = qobject_cast<QLabel*>(w)) label->setText(text);
    else if (auto* button = qobject_cast<QAbstractButton*>(w)) button->setText(text);
    else if (auto* box = qobject_cast<QGroupBox*>(w)) box->setTitle(text);
}

void addLetterOf(const QString& text, QSet<QChar>& letters) {
    const QChar letter = mnemonic_text::letter_of(text);
    if (!letter.isNull()) letters.insert(letter);
}

}  // namespace

PageMnemonics::PageMnemonics(QTabWidget* tabs, const QList<QWidget*>& around)
    : QObject(tabs), m_tabs(tabs), m_around(around) {
    for (int i = 0; i < m_tabs->count(); ++i) watch(m_tabs->widget(i));
    schedule();  // after the window around the tabs has its menu bar
}

QList<QWidget*> PageMnemonics::holders(QWidget* page) {
    QList<QWidget*> out;
    for (QWidget* w : page->findChildren<QWidget*>())
        if (!textOf(w).isEmpty() && w->isVisibleTo(page)) out << w;
    return out;
}

void PageMnemonics::assignNow() {
    m_scheduled = false;
    const QSet<QChar> reserved = this->reserved();
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QList<QWidget*> shown = holders(m_tabs->widget(i));
        QStringList written;
        for (QWidget* w : shown) {
            const QString current = textOf(w);
            written << (w->property(kShown).toString() == current ? w->property(kWritten).toString() : current);
        }
        const QStringList texts = mnemonic_text::unique_letters(written, reserved);
        for (qsizetype k = 0; k < shown.size(); ++k) {
            if (texts[k] != textOf(shown[k])) setTextOf(shown[k], texts[k]);
            shown[k]->setProperty(kWritten, written[k]);
            shown[k]->setProperty(kShown, texts[k]);
        }
    }
}

QSet<QChar> PageMnemonics::reserved() const {
    QSet<QChar> letters;
    for (int i = 0; i < m_tabs->count(); ++i) addLetterOf(m_tabs->tabText(i), letters);
    for (const QWidget* w : m_around) addLetterOf(textOf(w), letters);
    for (const QMenuBar* bar : m_tabs->window()->findChildren<QMenuBar*>())
        for (const QAction* a : bar->actions()) addLetterOf(a->text(), letters);
    return letters;
}

void PageMnemonics::watch(QWidget* widget) {
    widget->installEventFilter(this);
    for (QWidget* child : widget->findChildren<QWidget*>()) child->installEventFilter(this);
}

void PageMnemonics::schedule() {
    if (m_scheduled) return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &PageMnemonics::assignNow);
}

bool PageMnemonics::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::ChildAdded:
            if (QObject* child = static_cast<QChildEvent*>(event)->child(); child->isWidgetType())
                watch(static_cast<QWidget*>(child));
            schedule();
            break;
        case QEvent::ShowToParent:
        case QEvent::HideToParent: schedule(); break;
        default: break;
    }
    return QObject::eventFilter(watched, event);
}
