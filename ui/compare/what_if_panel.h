#pragma once
// The What-if tab: early-stopping parameters for the current finished run (monitor, min_delta, patience,
// restore best weights, start_from_epoch; or a threshold, Keras-style ThresholdEarlyStopping) and, without
// retraining, where the run would have stopped and which epoch's metrics it would have kept, marked on its curve
// (mlpw::replay_early_stopping: the Trainer's callback code over the recorded history).
#include <QWidget>

#include "run/training_types.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class OverlayView;
class RunStore;

class WhatIfPanel : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfPanel(RunStore* store, QWidget* parent = nullptr);

    OverlayView* chart() const { return m_chart; }
    QString resultText() const;
    void setMonitor(const QString& monitor);
    void setPatience(int patience);
    void setMinDelta(double minDelta);
    void setRestoreBest(bool restore);
    void setStartFromEpoch(int epoch);
    void setThreshold(bool enabled, double threshold);

public slots:
    void showRecord(const RunSnapshot& record);

private:
    void replay();

    RunSnapshot m_record;
    QComboBox* m_monitor;
    QDoubleSpinBox* m_minDelta;
    QSpinBox* m_patience;
    QCheckBox* m_restore;
    QSpinBox* m_startFrom;
    QCheckBox* m_useThreshold;
    QDoubleSpinBox* m_threshold;
    QLabel* m_result;
    OverlayView* m_chart;
};
