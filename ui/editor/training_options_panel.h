#pragma once
// Epochs, batch size, seed, shuffling, threads, the initial weights (a .mlpw file to fine-tune from) and the
// dtype policy (Keras' mixed precision): the "training" part of an experiment.
#include <QWidget>

#include "mlpw/experiment/experiment.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

class TrainingOptionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingOptionsPanel(QWidget* parent = nullptr);
    void setSpec(const mlpw::TrainingSpec& spec);
    void applyTo(mlpw::TrainingSpec& spec) const;
    std::vector<mlpw::SpecProblem> entryProblems() const;
    QLineEdit* initialWeightsField() const { return m_initialWeights; }

signals:
    void edited();

private:
    void chooseInitialWeights();

    QSpinBox* m_epochs;
    QSpinBox* m_batchSize;
    QLineEdit* m_seed;  // a uint64_t as digits
    QCheckBox* m_shuffle;
    QSpinBox* m_threads;
    QLineEdit* m_initialWeights;  // empty: the layers' initialisers
    QComboBox* m_dtypePolicy;     // DTypePolicy's names, in its order
};
