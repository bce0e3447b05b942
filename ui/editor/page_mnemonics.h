#pragma once
// Keeps the Alt letters of each page of a QTabWidget unique among the page's shown labels (those with a buddy),
// buttons and group boxes, and clear of the reserved letters: the tab titles, the widgets around the tabs (the
// editor's Name) and the window's menu bar. Qt hands an Alt letter that several shown widgets of a window share
// to each in turn, the field first and a menu bar entry only on a second press, so a shared letter costs presses.
// Why at run time: the texts come from ui/ and from core's option tables, in English or translated, and the
// panels show rows by choice (optimiser, schedule, layer type), so no fixed set of letters fits every page in
// every state (the Training tab has more fields than the alphabet has letters).
// Each holder keeps the letter it was written with unless a holder before it on its page (in creation order) kept
// it or it is reserved; then it takes a free letter of its text or none (mnemonic_text::unique_letters).
// A pass runs once the event loop turns after a widget of a page was shown, hidden or added.
#include <QList>
#include <QObject>
#include <QSet>

class QTabWidget;
class QWidget;

class PageMnemonics : public QObject {
    Q_OBJECT
public:
    // `around`: widgets outside the pages whose letters the pages leave to them. A child of `tabs`.
    PageMnemonics(QTabWidget* tabs, const QList<QWidget*>& around);

    // The widgets of `page` shown within it (isVisibleTo) that can carry a mnemonic, in creation order.
    static QList<QWidget*> holders(QWidget* page);
    void assignNow();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void watch(QWidget* widget);
    void schedule();
    QSet<QChar> reserved() const;

    QTabWidget* m_tabs;
    QList<QWidget*> m_around;
    bool m_scheduled = false;
};
