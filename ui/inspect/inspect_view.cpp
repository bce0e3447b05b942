// See inspect_view.h.
#include "inspect/inspect_view.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "export/export_actions.h"
#include "inspect/confusion_matrix_view.h"
#include "inspect/epoch_slider.h"
#include "inspect/first_layer_weights_view.h"
#include "inspect/sample_digits_panel.h"
#include "run/run_store.h"

InspectView::InspectView(RunStore* runs, QWidget* parent)
    : QWidget(parent), m_slider(new EpochSlider), m_rowPercent(new QCheckBox(tr("&Row %"))),
      m_confusion(new ConfusionMatrixView), m_samples(new SampleDigitsPanel), m_weights(new FirstLayerWeightsView),
      m_tabs(new QTabWidget), m_notice(new QLabel), m_evaluate(new QPushButton(tr("E&valuate on the test set"))) {
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
    m_notice->setWordWrap(true);
    m_evaluate->setToolTip(
        tr("Test the run's final weights on its data set's test images (off the window's "
           "thread); the matrix then shows the result"));
    auto* notice = new QHBoxLayout;
    notice->addWidget(m_notice, 1);
    notice->addWidget(m_evaluate);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(notice);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    add_export_actions(
        m_confusion, [this] { return m_confusion->figure(); }, [this] { return m_confusion->csv(); },
        tr("validation confusion matrices"));
    add_export_actions(m_samples, [this] { return m_samples->figure(); });
    add_export_actions(m_weights, [this] { return m_weights->figure(); });

    connect(m_evaluate, &QPushButton::clicked, this, &InspectView::evaluateRequested);
    connect(m_slider, &EpochSlider::epochChanged, this, &InspectView::showEpoch);
    connect(m_rowPercent, &QCheckBox::toggled, m_confusion, &ConfusionMatrixView::setRowPercent);
    if (runs) connect(runs, &RunStore::currentChanged, this, &InspectView::showRecord);
    updateNotice(nullptr);
}

void InspectView::showRecord(const RunSnapshot& record) {
    m_confusion->setRecord(record);
    m_samples->setRecord(record);
    m_weights->setRecord(record);
    m_slider->setEpochs(record ? record->epochs_run() : 0);  // emits epochChanged when the epoch shown moves
    showEpoch(m_slider->epoch());
    updateNotice(record);
}

QString InspectView::noticeText() const { return m_notice->isHidden() ? QString() : m_notice->text(); }

void InspectView::updateNotice(const RunSnapshot& record) {
    const bool validated = !record || record->history.empty() ||
        std::any_of(record->validation.begin(), record->validation.end(),
                    [](const mlpw::EpochValidation& v) { return v.confusion.classes > 0; });
    const bool tested = record && record->test.confusion.classes > 0;
    if (record && !record->validates())  // validation_split 0: by choice, not a model file's loss
        m_notice->setText(tested ? tr("This run has no validation split (validation_split 0): nothing is "
                                      "evaluated per epoch. The matrix is the test set's, of the final weights, "
                                      "evaluated once after training; the Gallery tab shows its images.")
                                 : tr("This run has no validation split (validation_split 0): nothing is "
                                      "evaluated per epoch. The test set's matrix appears once its final weights "
                                      "are evaluated, after training."));
    else
        m_notice->setText(tested
                              ? tr("This run has no per-epoch validation results (a model file keeps the weights and "
                                   "the history): the matrix is the test set's, of the final weights.")
                              : tr("This run has no per-epoch validation results (a model file keeps the weights and "
                                   "the history): nothing to show per epoch. Evaluate its final weights on the test "
                                   "set to see their confusion matrix."));
    m_notice->setVisible(!validated);
    m_evaluate->setVisible(!validated && !tested && !record->final_weights.empty());
}

void InspectView::showEpoch(int epoch) {
    m_confusion->setEpoch(epoch);
    m_samples->setEpoch(epoch);
    m_weights->setEpoch(epoch);
}
