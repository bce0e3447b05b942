#pragma once
// Epochs, batch size, seed, shuffling and threads: the "training" part of an experiment.
#include <QWidget>

#include "mlpw/experiment.h"

class QCheckBox;
class QSpinBox;
class NumberEdit;

class TrainingOptionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingOptionsPanel(QWidget* parent = nullptr);
    void setSpec(const mlpw::TrainingSpec& spec);
    void applyTo(mlpw::TrainingSpec& spec) const;
    std::vector<std::string> entryProblems() const;

signals:
    void edited();

private:
    QSpinBox* m_epochs;
    QSpinBox* m_batchSize;
    NumberEdit* m_seed;
    QCheckBox* m_shuffle;
    QSpinBox* m_threads;
};
