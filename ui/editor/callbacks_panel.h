#pragma once
// The Keras callbacks of an experiment, one box each: EarlyStopping, threshold early stopping, stop at a
// target, ModelCheckpoint, ReduceLROnPlateau, LearningRateScheduler (an expression or an epoch table). A box that is checked adds that callback (the first of its type in the experiment;
// further ones of the same type, possible in a file, are kept as they are).
#include <QWidget>

#include "mlpw/experiment/experiment.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;
class NumberEdit;

class CallbacksPanel : public QWidget {
    Q_OBJECT
public:
    explicit CallbacksPanel(QWidget* parent = nullptr);
    void setSpec(const mlpw::CallbackSpecs& spec);
    void applyTo(mlpw::CallbackSpecs& spec) const;
    // Number fields that do not parse, at the path their callback has in `applied` (what applyTo made of it):
    // "callbacks[1].min_delta" for the threshold box when one early_stopping comes first.
    std::vector<mlpw::SpecProblem> entryProblems(const mlpw::CallbackSpecs& applied) const;

signals:
    void edited();

private:
    QComboBox* monitorBox(const QString& tip);
    QComboBox* modeBox();
    NumberEdit* number(const QString& tip);
    QSpinBox* count(const QString& tip);
    QCheckBox* check(const QString& tip);

    QGroupBox* m_early;
    QComboBox* m_earlyMonitor;
    NumberEdit* m_earlyMinDelta;
    QSpinBox* m_earlyPatience;
    QComboBox* m_earlyMode;
    QCheckBox* m_earlyRestore;
    QSpinBox* m_earlyStartFrom;

    QGroupBox* m_threshold;
    QComboBox* m_thresholdMonitor;
    NumberEdit* m_thresholdValue;
    NumberEdit* m_thresholdMinDelta;
    QSpinBox* m_thresholdPatience;
    QComboBox* m_thresholdMode;
    QCheckBox* m_thresholdRestore;

    QGroupBox* m_stopAt;
    QComboBox* m_stopAtMonitor;
    NumberEdit* m_stopAtValue;
    QComboBox* m_stopAtMode;

    QGroupBox* m_checkpoint;
    QLineEdit* m_checkpointPath;
    QComboBox* m_checkpointMonitor;
    QCheckBox* m_checkpointBestOnly;
    QComboBox* m_checkpointMode;

    QGroupBox* m_plateau;
    QComboBox* m_plateauMonitor;
    NumberEdit* m_plateauFactor;
    QSpinBox* m_plateauPatience;
    QComboBox* m_plateauMode;
    NumberEdit* m_plateauMinDelta;
    QSpinBox* m_plateauCooldown;
    NumberEdit* m_plateauMinLr;

    QGroupBox* m_scheduler;
    QLineEdit* m_schedulerSchedule;  // "lr * 0.95", or the table as "0: 0.001, 10: 0.0005"
};
