#pragma once
// A text field for one number (learning rates of 1e-7 and seeds of 10 digits alike). Text that does not parse
// turns the field red and is reported by problem(); valueEdited fires on every keystroke that parses.
#include <QLineEdit>

class NumberEdit : public QLineEdit {
    Q_OBJECT
public:
    enum class Kind { real, integer };
    explicit NumberEdit(Kind kind = Kind::real, QWidget* parent = nullptr);

    void setValue(double value);
    double value() const { return m_value; }
    bool isValid() const { return m_valid; }

signals:
    void valueEdited(double value);
    void edited();  // any keystroke, valid or not

private:
    void onTextEdited(const QString& text);

    Kind m_kind;
    double m_value = 0.0;
    bool m_valid = true;
};
