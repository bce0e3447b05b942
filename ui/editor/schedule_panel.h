#pragma once
// The optimiser's learning rate as a constant or a Keras schedule (keras.optimizers.schedules): the schedule's
// type, then one row per mlpw::schedule_options() entry that type takes (Keras defaults), and for
// PiecewiseConstantDecay its boundaries and values as comma-separated lists.
#include <QMap>
#include <QWidget>

#include "mlpw/errors.h"
#include "mlpw/experiment/learning_rate_schedule.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class NumberEdit;

class SchedulePanel : public QWidget {
    Q_OBJECT
public:
    explicit SchedulePanel(QWidget* parent = nullptr);

    void setSchedule(const mlpw::LearningRateSchedule& schedule);
    mlpw::LearningRateSchedule schedule() const;  // type constant: the optimiser's learning_rate number counts
    // Fields that do not parse, at "optimizer.learning_rate.<key>".
    std::vector<mlpw::SpecProblem> entryProblems() const;
    QComboBox* typeBox() const { return m_type; }
    // The constant rate a newly chosen schedule starts from (its initial_learning_rate and piecewise values).
    void setStartingRate(float rate) { m_startingRate = rate; }

signals:
    void edited();
    void typeChanged(mlpw::ScheduleType type);

private:
    void showRows(mlpw::ScheduleType type);
    void onTypeChosen();
    mlpw::ScheduleType currentType() const;

    QComboBox* m_type;
    QFormLayout* m_form;
    QMap<QString, NumberEdit*> m_numbers;
    QMap<QString, QCheckBox*> m_checks;
    QMap<QString, QWidget*> m_rows;  // key -> its field (shown for the types that take it)
    QLineEdit* m_boundaries;
    QLineEdit* m_values;
    float m_startingRate = 0.001f;
};
