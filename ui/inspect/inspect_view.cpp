// See inspect_view.h.
#include "inspect/inspect_view.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "export/export_actions.h"
#include "inspect/confusion_matrix_view.h"
#include "inspect/epoch_slider.h"
#include "inspect/first_layer_weights_view.h"
#include "inspect/sample_digits_panel.h"
#include "run/run_store.h"

InspectView::InspectView(RunStore* runs, QWidget* parent)
    : QWidget(parent), m_slider(new EpochSlider), m_rowPercent(new QCheckBox(tr("&Row %"))),
      m_confusion(new ConfusionMatrixView), m_samples(new SampleDigitsPanel), m_weights(new FirstLayerWeightsView),
      m_tabs(new QTabWidget) {
    m_rowPercent->setToolTip(tr("Show each cell as a percentage of its true class (row) instead of a count"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_slider, 1);
    top->addWidget(m_rowPercent);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_samples, tr("&Sample digits"));
    m_tabs->addTab(m_weights, tr("First layer &weights"));
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_confusion);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    add_export_actions(
        m_confusion, [this] { return m_confusion->figure(); }, [this] { return m_confusion->csv(); },
        tr("validation confusion matrices"));
    add_export_actions(m_samples, [this] { return m_samples->figure(); });
    add_export_actions(m_weights, [this] { return m_weights->figure(); });

    connect(m_slider, &EpochSlider::epochChanged, this, &InspectView::showEpoch);
    connect(m_rowPercent, &QCheckBox::toggled, m_confusion, &ConfusionMatrixView::setRowPercent);
    if (runs) connect(runs, &RunStore::currentChanged, this, &InspectView::showRecord);
}

void InspectView::showRecord(const RunSnapshot& record) {
    m_confusion->setRecord(record);
    m_samples->setRecord(record);
    m_weights->setRecord(record);
    m_slider->setEpochs(record ? record->epochs_run() : 0);  // emits epochChanged when the epoch shown moves
    showEpoch(m_slider->epoch());
}

void InspectView::showEpoch(int epoch) {
    m_confusion->setEpoch(epoch);
    m_samples->setEpoch(epoch);
    m_weights->setEpoch(epoch);
}
