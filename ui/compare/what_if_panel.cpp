#include "compare/what_if_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include "compare/overlay_view.h"
#include "compare/what_if_marks.h"
#include "mlpw/experiment/callback_spec.h"
#include "run/run_store.h"

WhatIfPanel::WhatIfPanel(RunStore* store, QWidget* parent)
    : QWidget(parent), m_monitor(new QComboBox(this)), m_minDelta(new QDoubleSpinBox(this)),
      m_patience(new QSpinBox(this)), m_restore(new QCheckBox(tr("Restore the best weights"), this)),
      m_startFrom(new QSpinBox(this)), m_useThreshold(new QCheckBox(tr("Only once the monitor reaches"), this)),
      m_threshold(new QDoubleSpinBox(this)), m_result(new QLabel(this)), m_chart(new OverlayView(this)) {
    const mlpw::EarlyStoppingSpec keras;  // Keras' defaults
    for (const std::string& name : mlpw::monitor_names()) m_monitor->addItem(QString::fromStdString(name));
    m_monitor->setCurrentText(QString::fromStdString(keras.monitor));
    m_minDelta->setDecimals(5);
    m_minDelta->setRange(0.0, 10.0);
    m_minDelta->setSingleStep(0.001);
    m_minDelta->setToolTip(tr("min_delta: a smaller change of the monitor is no improvement"));
    m_patience->setRange(0, 1000);
    m_patience->setValue(2);
    m_patience->setToolTip(tr("patience: epochs without improvement before stopping"));
    m_restore->setToolTip(tr("restore_best_weights: end with the weights of the best epoch seen"));
    m_startFrom->setRange(0, 1000);
    m_startFrom->setToolTip(tr("start_from_epoch: epochs to wait before watching the monitor"));
    m_threshold->setDecimals(4);
    m_threshold->setRange(0.0, 100.0);
    m_threshold->setSingleStep(0.005);
    m_threshold->setValue(double(mlpw::ThresholdEarlyStoppingSpec().threshold));
    m_useThreshold->setToolTip(
        tr("early_stopping_threshold: watch the monitor only once it has reached the "
           "threshold (no start_from_epoch)"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Monitor:"), m_monitor);
    form->addRow(tr("min_delta:"), m_minDelta);
    form->addRow(tr("Patience:"), m_patience);
    form->addRow(tr("start_from_epoch:"), m_startFrom);
    auto* threshold = new QHBoxLayout;
    threshold->addWidget(m_useThreshold);
    threshold->addWidget(m_threshold);
    form->addRow(threshold);
    form->addRow(m_restore);
    auto* top = new QHBoxLayout;
    top->addLayout(form);
    top->addWidget(m_result, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_chart, 1);

    connect(m_monitor, &QComboBox::currentIndexChanged, this, &WhatIfPanel::replay);
    connect(m_minDelta, &QDoubleSpinBox::valueChanged, this, &WhatIfPanel::replay);
    connect(m_patience, &QSpinBox::valueChanged, this, &WhatIfPanel::replay);
    connect(m_startFrom, &QSpinBox::valueChanged, this, &WhatIfPanel::replay);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &WhatIfPanel::replay);
    connect(m_restore, &QCheckBox::toggled, this, &WhatIfPanel::replay);
    connect(m_useThreshold, &QCheckBox::toggled, this, [this](bool on) {
        m_startFrom->setEnabled(!on);
        replay();
    });
    connect(store, &RunStore::currentChanged, this, &WhatIfPanel::showRecord);
    showRecord(store->current());
}

QString WhatIfPanel::resultText() const { return m_result->text(); }
void WhatIfPanel::setMonitor(const QString& monitor) { m_monitor->setCurrentText(monitor); }
void WhatIfPanel::setPatience(int patience) { m_patience->setValue(patience); }
void WhatIfPanel::setMinDelta(double minDelta) { m_minDelta->setValue(minDelta); }
void WhatIfPanel::setRestoreBest(bool restore) { m_restore->setChecked(restore); }
void WhatIfPanel::setStartFromEpoch(int epoch) { m_startFrom->setValue(epoch); }
void WhatIfPanel::setThreshold(bool enabled, double threshold) {
    m_threshold->setValue(threshold);
    m_useThreshold->setChecked(enabled);
}

void WhatIfPanel::showRecord(const RunSnapshot& record) {
    m_record = record;
    replay();
}

void WhatIfPanel::replay() {
    if (!m_record || m_record->history.empty()) {
        m_result->setText(
            tr("Select a finished run (Runs tab) to replay its history with other early-stopping "
               "settings."));
        m_chart->setData({});
        return;
    }
    const std::string monitor = m_monitor->currentText().toStdString();
    mlpw::EarlyStoppingReplay result;
    try {
        if (m_useThreshold->isChecked()) {
            mlpw::ThresholdEarlyStoppingSpec spec;
            spec.monitor = monitor;
            spec.threshold = float(m_threshold->value());
            spec.min_delta = float(m_minDelta->value());
            spec.patience = m_patience->value();
            spec.restore_best_weights = m_restore->isChecked();
            result = mlpw::replay_early_stopping(*m_record, spec);
        } else {
            mlpw::EarlyStoppingSpec spec;
            spec.monitor = monitor;
            spec.min_delta = float(m_minDelta->value());
            spec.patience = m_patience->value();
            spec.restore_best_weights = m_restore->isChecked();
            spec.start_from_epoch = m_startFrom->value();
            result = mlpw::replay_early_stopping(*m_record, spec);
        }
    } catch (const std::exception& e) {  // e.g. a validation monitor on a run without validation
        m_result->setText(QString::fromUtf8(e.what()));
        m_chart->setData({});
        return;
    }
    m_result->setText(what_if_text(*m_record, result));
    m_chart->setData(what_if_overlay(*m_record, result, monitor));
}
