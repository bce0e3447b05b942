#pragma once
// Epochs, batch size, seed, shuffling and threads: the "training" part of an experiment.
#include <QWidget>

#include "mlpw/experiment/experiment.h"

class QCheckBox;
class QLineEdit;
class QSpinBox;

class TrainingOptionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingOptionsPanel(QWidget* parent = nullptr);
    void setSpec(const mlpw::TrainingSpec& spec);
    void applyTo(mlpw::TrainingSpec& spec) const;
    std::vector<mlpw::SpecProblem> entryProblems() const;

signals:
    void edited();

private:
    QSpinBox* m_epochs;
    QSpinBox* m_batchSize;
    QLineEdit* m_seed;  // a uint64_t as digits
    QCheckBox* m_shuffle;
    QSpinBox* m_threads;
};
