#pragma once
// Everything a person edits in an experiment, in three tabs (Data; Model with the layer editor and the live
// summary; Training with optimiser, options and callbacks). Validates after every edit: the problems are
// marked where they are and listed in words; isValid() says whether the experiment can be trained.
// The Alt letters of each tab page stay unique as rows come and go (PageMnemonics).
#include <QWidget>

#include "mlpw/experiment/experiment.h"

class QLabel;
class QLineEdit;
class QTabWidget;
class CallbacksPanel;
class DataPanel;
class DatasetCache;
class LayerEditor;
class OptimizerPanel;
class SummaryView;
class TrainingOptionsPanel;

class ExperimentEditor : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentEditor(DatasetCache* cache, QWidget* parent = nullptr);

    void setSpec(const mlpw::ExperimentSpec& spec);
    mlpw::ExperimentSpec spec() const;  // what the panels show, over the last spec set (sweep kept)
    bool isValid() const { return m_problems.empty(); }
    const std::vector<mlpw::SpecProblem>& problems() const { return m_problems; }

    LayerEditor* layerEditor() const { return m_layers; }
    SummaryView* summaryView() const { return m_summary; }
    DataPanel* dataPanel() const { return m_data; }
    OptimizerPanel* optimizerPanel() const { return m_optimizer; }
    TrainingOptionsPanel* trainingPanel() const { return m_training; }
    CallbacksPanel* callbacksPanel() const { return m_callbacks; }
    QTabWidget* tabs() const { return m_tabs; }

public slots:
    void revalidate();

signals:
    void edited();  // a person changed something
    void validityChanged(bool valid);

private:
    void onEdited();
    mlpw::DataShape dataShape() const;

    DatasetCache* m_cache;
    mlpw::ExperimentSpec m_base;
    QLineEdit* m_name;
    QTabWidget* m_tabs;
    DataPanel* m_data;
    LayerEditor* m_layers;
    SummaryView* m_summary;
    OptimizerPanel* m_optimizer;
    TrainingOptionsPanel* m_training;
    CallbacksPanel* m_callbacks;
    QLabel* m_problemList;
    std::vector<mlpw::SpecProblem> m_problems;
    bool m_valid = true;
};
