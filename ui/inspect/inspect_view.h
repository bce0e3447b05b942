#pragma once
// The "Inspect" tab: the current run's validation confusion matrix beside its sample digits (or the first
// layer's weights), all at the epoch of one shared EpochSlider (following the newest epoch while training).
// A view of RunStore::currentChanged; every part exports from its context menu.
#include <QWidget>

#include "run/training_types.h"

class QCheckBox;
class QTabWidget;
class ConfusionMatrixView;
class EpochSlider;
class FirstLayerWeightsView;
class RunStore;
class SampleDigitsPanel;

class InspectView : public QWidget {
    Q_OBJECT
public:
    explicit InspectView(RunStore* runs, QWidget* parent = nullptr);

    // cellActivated(true class, predicted class) of the matrix: connect a gallery here.
    ConfusionMatrixView* confusion() const { return m_confusion; }
    SampleDigitsPanel* samples() const { return m_samples; }
    FirstLayerWeightsView* weights() const { return m_weights; }
    EpochSlider* slider() const { return m_slider; }
    QTabWidget* tabs() const { return m_tabs; }

public slots:
    void showRecord(const RunSnapshot& record);

private:
    void showEpoch(int epoch);

    EpochSlider* m_slider;
    QCheckBox* m_rowPercent;
    ConfusionMatrixView* m_confusion;
    SampleDigitsPanel* m_samples;
    FirstLayerWeightsView* m_weights;
    QTabWidget* m_tabs;
};
