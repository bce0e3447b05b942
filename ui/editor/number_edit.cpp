#include "editor/number_edit.h"

NumberEdit::NumberEdit(QWidget* parent) : QLineEdit(parent) {
    connect(this, &QLineEdit::textEdited, this, &NumberEdit::onTextEdited);
    setMaximumWidth(140);
}

void NumberEdit::setValue(double value) {
    m_value = value;
    m_valid = true;
    setStyleSheet({});
    setText(QString::number(value, 'g', 7));
}

void NumberEdit::onTextEdited(const QString& text) {
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    m_valid = ok;
    setStyleSheet(ok ? QString() : QStringLiteral("background: #ffcdcd;"));
    setToolTip(ok ? toolTip().section(QStringLiteral("\n\nNot a number"), 0, 0)
                  : toolTip().section(QStringLiteral("\n\nNot a number"), 0, 0) + tr("\n\nNot a number"));
    if (ok) {
        m_value = v;
        emit valueEdited(v);
    }
    emit edited();
}
