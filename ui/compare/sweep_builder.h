#pragma once
// The sweep builder (Run > Sweep…): one or two experiment fields (option paths of the experiment file, offered
// from the experiment being edited, e.g. "optimizer", "training.batch_size", "model.layers[0].units"), their
// values, and the seeds per point; shows the grid's size as it is typed. The result is the CLI's `sweep`
// section ({"field": [values…]}), expanded by mlpw::expand_sweep.
#include <QDialog>

#include <nlohmann/json.hpp>

#include "mlpw/experiment/experiment.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class SweepBuilder : public QDialog {
    Q_OBJECT
public:
    SweepBuilder(const mlpw::ExperimentSpec& base, QWidget* parent = nullptr);

    void setField(int row, const QString& path, const QString& values);  // row 0 or 1
    void setSeeds(int seeds);
    nlohmann::json sweep() const;  // {"path": [values], ...} of the rows with a field and values
    int seeds() const;
    // The experiments the grid runs; empty, with *problem saying why, when the sweep is not valid.
    std::vector<mlpw::ExperimentSpec> experiments(QString* problem = nullptr) const;
    // The one field when a single numeric field is swept (for the plot against its values), else "".
    std::string plottedField() const;

private:
    void update();

    mlpw::ExperimentSpec m_base;
    QComboBox* m_fields[2];
    QLineEdit* m_values[2];
    QSpinBox* m_seeds;
    QLabel* m_summary;
    QPushButton* m_queue;
};

// The option paths of an experiment a sweep can vary: every value of its resolved file and every part with a
// "type" (optimizer, initialisers), in the file's order.
QStringList sweep_field_paths(const mlpw::ExperimentSpec& spec);
