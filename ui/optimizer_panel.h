#pragma once
// The optimiser and its options; only the options of the chosen type are shown, each with its Keras default.
// Choosing another type starts from that type's Keras defaults.
#include <QMap>
#include <QWidget>

#include "mlpw/experiment.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class NumberEdit;

class OptimizerPanel : public QWidget {
    Q_OBJECT
public:
    explicit OptimizerPanel(QWidget* parent = nullptr);
    void setSpec(const mlpw::OptimizerSpec& spec);
    void applyTo(mlpw::OptimizerSpec& spec) const;
    std::vector<std::string> entryProblems() const;

signals:
    void edited();

private:
    NumberEdit* addNumber(const QString& key, const QString& label, const QString& tip);
    QCheckBox* addCheck(const QString& key, const QString& label, const QString& tip);
    void showRowsFor(mlpw::OptimizerType type);
    void onTypeChosen();

    QComboBox* m_type;
    QFormLayout* m_form;
    QMap<QString, NumberEdit*> m_numbers;
    QMap<QString, QCheckBox*> m_checks;
    QMap<QString, QWidget*> m_rows;  // key -> the row's field (to show or hide it)
    QMap<QString, QLabel*> m_hints;  // key -> "Keras default: ..."
};
