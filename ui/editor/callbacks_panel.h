#pragma once
// The Keras callbacks of an experiment, one box each, built from the callback tables (callback_spec.h): a row per
// option of the type, in the table's order, with its label and help; LearningRateScheduler's schedule (an
// expression or an epoch table) is the one field made by hand. A box that is checked adds that callback (the
// first of its type in the experiment; further ones of the same type, possible in a file, are kept as they are).
#include <QWidget>

#include <vector>

#include "mlpw/experiment/experiment.h"

class QGroupBox;
class QLineEdit;
enum class CallbackFieldKind;  // callbacks_panel.cpp: what kind of option a field shows

// One callback type's box and its fields, parallel to the type's options (CallbackType::options).
struct CallbackBox {
    QGroupBox* group = nullptr;
    std::vector<QWidget*> fields;  // a QComboBox (monitor, mode), QLineEdit, NumberEdit, QSpinBox or QCheckBox
};

class CallbacksPanel : public QWidget {
    Q_OBJECT
public:
    explicit CallbacksPanel(QWidget* parent = nullptr);
    void setSpec(const mlpw::CallbackSpecs& spec);
    void applyTo(mlpw::CallbackSpecs& spec) const;
    // Number fields that do not parse, at the path their callback has in `applied` (what applyTo made of it):
    // "callbacks[1].min_delta" for the threshold box when one early_stopping comes first.
    std::vector<mlpw::SpecProblem> entryProblems(const mlpw::CallbackSpecs& applied) const;
    // The field of a type's option ("early_stopping", "min_delta"); nullptr for an unknown one.
    QWidget* field(const std::string& type, const std::string& key) const;

signals:
    void edited();

private:
    QWidget* makeField(CallbackFieldKind kind);

    std::vector<CallbackBox> m_boxes;          // in for_each_callback_type's order
    QLineEdit* m_schedulerSchedule = nullptr;  // "lr * 0.95", or the table as "0: 0.001, 10: 0.0005"
};
