#pragma once
// The optimiser and its options, one row per option of mlpw::optimizer_options(); only the options of the
// chosen type are shown, each with its Keras default. Choosing another type starts from its Keras defaults (the
// learning-rate schedule is kept). The learning rate is a number or a schedule (SchedulePanel).
#include <QMap>
#include <QWidget>

#include "mlpw/experiment/experiment.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class NumberEdit;
class SchedulePanel;

class OptimizerPanel : public QWidget {
    Q_OBJECT
public:
    explicit OptimizerPanel(QWidget* parent = nullptr);
    void setSpec(const mlpw::OptimizerSpec& spec);
    void applyTo(mlpw::OptimizerSpec& spec) const;
    std::vector<mlpw::SpecProblem> entryProblems() const;
    SchedulePanel* schedulePanel() const { return m_schedule; }
    QComboBox* typeBox() const { return m_type; }

signals:
    void edited();

private:
    void addNumber(const QString& key, const QString& label, const QString& tip);
    void addCheck(const QString& key, const QString& label, const QString& tip);
    void showRowsFor(mlpw::OptimizerType type);
    void showRateRow();  // the number only while the rate is constant
    void onTypeChosen();

    QComboBox* m_type;
    QFormLayout* m_form;
    SchedulePanel* m_schedule;
    QMap<QString, NumberEdit*> m_numbers;
    QMap<QString, QCheckBox*> m_checks;
    QMap<QString, QWidget*> m_rows;  // key -> the row's field (to show or hide it)
    QMap<QString, QLabel*> m_hints;  // key -> "Keras default: ..."
};
