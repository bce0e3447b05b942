#pragma once
// The "Inspect" tab: the current run's validation confusion matrix beside its sample digits (or the first
// layer's weights), all at the epoch of one shared EpochSlider (following the newest epoch while training).
// A view of RunStore::currentChanged; every part exports from its context menu. A run without per-epoch
// validation results (an opened model file) says so above the views, with a button asking for the test set's
// evaluation (evaluateRequested: the window runs it off the GUI thread; the matrix then shows the test result).
#include <QWidget>

#include "run/training_types.h"

class QCheckBox;
class QLabel;
class QPushButton;
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
    // The line about what the run lacks ("" and hidden when it has validation results), and its button.
    QString noticeText() const;
    QPushButton* evaluateButton() const { return m_evaluate; }

signals:
    void evaluateRequested();

public slots:
    void showRecord(const RunSnapshot& record);

private:
    void showEpoch(int epoch);
    void updateNotice(const RunSnapshot& record);

    EpochSlider* m_slider;
    QCheckBox* m_rowPercent;
    ConfusionMatrixView* m_confusion;
    SampleDigitsPanel* m_samples;
    FirstLayerWeightsView* m_weights;
    QTabWidget* m_tabs;
    QLabel* m_notice;
    QPushButton* m_evaluate;
};
