#pragma once
// A text field for one real number (learning rates of 1e-7 and thresholds of 0.95 alike). Text that does not
// parse turns the field red and makes isValid() false; valueEdited fires on every keystroke that parses.
#include <QLineEdit>

class NumberEdit : public QLineEdit {
    Q_OBJECT
public:
    explicit NumberEdit(QWidget* parent = nullptr);

    void setValue(double value);
    double value() const { return m_value; }
    bool isValid() const { return m_valid; }

signals:
    void valueEdited(double value);
    void edited();  // any keystroke, valid or not

private:
    void onTextEdited(const QString& text);

    double m_value = 0.0;
    bool m_valid = true;
};
