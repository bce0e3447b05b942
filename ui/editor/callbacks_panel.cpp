#include "editor/callbacks_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include "editor/number_edit.h"
#include "editor/spec_problem.h"

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QComboBox* box) { return box->currentText().toStdString(); }

QGroupBox* group(const QString& title, const QString& tip, QWidget* parent) {
    auto* box = new QGroupBox(title, parent);
    box->setCheckable(true);
    box->setChecked(false);
    box->setToolTip(tip);
    return box;
}

}  // namespace

QComboBox* CallbacksPanel::monitorBox(const QString& tip) {
    auto* box = new QComboBox(this);
    for (const auto& name : mlpw::monitor_names()) box->addItem(QString::fromStdString(name));
    box->setToolTip(tip);
    connect(box, &QComboBox::currentIndexChanged, this, &CallbacksPanel::edited);
    return box;
}

QComboBox* CallbacksPanel::modeBox() {
    auto* box = new QComboBox(this);
    for (const auto& name : mlpw::mode_names()) box->addItem(QString::fromStdString(name));
    box->setToolTip(
        tr("Whether lower or higher is better (Keras mode, default \"auto\": min for losses, max for accuracies)"));
    connect(box, &QComboBox::currentIndexChanged, this, &CallbacksPanel::edited);
    return box;
}

NumberEdit* CallbacksPanel::number(const QString& tip) {
    auto* e = new NumberEdit(this);
    e->setToolTip(tip);
    connect(e, &NumberEdit::edited, this, &CallbacksPanel::edited);
    return e;
}

QSpinBox* CallbacksPanel::count(const QString& tip) {
    auto* b = new QSpinBox(this);
    b->setRange(0, 100000);
    b->setToolTip(tip);
    connect(b, &QSpinBox::valueChanged, this, &CallbacksPanel::edited);
    return b;
}

QCheckBox* CallbacksPanel::check(const QString& tip) {
    auto* b = new QCheckBox(this);
    b->setToolTip(tip);
    connect(b, &QCheckBox::toggled, this, &CallbacksPanel::edited);
    return b;
}

CallbacksPanel::CallbacksPanel(QWidget* parent) : QWidget(parent) {
    const QString restoreTip =
        tr("At the end, go back to the weights of the best epoch (Keras restore_best_weights, default off)");
    const QString deltaTip = tr("Smallest change that counts as an improvement (Keras min_delta, default 0)");
    const QString patienceTip = tr("Epochs without improvement before stopping (Keras patience, default 0)");

    m_early =
        group(tr("&Early stopping"), tr("Stop when the monitored value stops improving (Keras EarlyStopping)"), this);
    m_earlyMonitor = monitorBox(tr("The value to watch (Keras monitor, default \"val_loss\")"));
    m_earlyMinDelta = number(deltaTip);
    m_earlyPatience = count(patienceTip);
    m_earlyMode = modeBox();
    m_earlyRestore = check(restoreTip);
    m_earlyStartFrom = count(tr("Epochs to wait before watching at all (Keras start_from_epoch, default 0)"));
    auto* f1 = new QFormLayout(m_early);
    f1->addRow(tr("Monitor"), m_earlyMonitor);
    f1->addRow(tr("Min delta"), m_earlyMinDelta);
    f1->addRow(tr("Patience"), m_earlyPatience);
    f1->addRow(tr("Mode"), m_earlyMode);
    f1->addRow(tr("Restore best weights"), m_earlyRestore);
    f1->addRow(tr("Start from epoch"), m_earlyStartFrom);

    m_threshold =
        group(tr("&Threshold early stopping"),
              tr("Early stopping that starts watching only once the monitored value has reached a threshold"), this);
    m_thresholdMonitor = monitorBox(tr("The value to watch (default \"val_accuracy\")"));
    m_thresholdValue = number(tr("The value the monitor must reach first (default 0.95)"));
    m_thresholdMinDelta = number(deltaTip);
    m_thresholdPatience = count(patienceTip);
    m_thresholdMode = modeBox();
    m_thresholdRestore = check(restoreTip);
    auto* f2 = new QFormLayout(m_threshold);
    f2->addRow(tr("Monitor"), m_thresholdMonitor);
    f2->addRow(tr("Threshold"), m_thresholdValue);
    f2->addRow(tr("Min delta"), m_thresholdMinDelta);
    f2->addRow(tr("Patience"), m_thresholdPatience);
    f2->addRow(tr("Mode"), m_thresholdMode);
    f2->addRow(tr("Restore best weights"), m_thresholdRestore);

    m_stopAt = group(tr("Stop at &target"), tr("Stop as soon as the monitored value crosses a target"), this);
    m_stopAtMonitor = monitorBox(tr("The value to watch (default \"accuracy\")"));
    m_stopAtValue = number(tr("The target (default 0.85): above it for accuracies, below it for losses"));
    m_stopAtMode = modeBox();
    auto* f3 = new QFormLayout(m_stopAt);
    f3->addRow(tr("Monitor"), m_stopAtMonitor);
    f3->addRow(tr("Target"), m_stopAtValue);
    f3->addRow(tr("Mode"), m_stopAtMode);

    m_checkpoint = group(tr("Model &checkpoint"), tr("Save the model after epochs (Keras ModelCheckpoint)"), this);
    m_checkpointPath = new QLineEdit(this);
    m_checkpointPath->setToolTip(tr("File to write, may contain {epoch} (Keras filepath; written atomically)"));
    connect(m_checkpointPath, &QLineEdit::textEdited, this, &CallbacksPanel::edited);
    m_checkpointMonitor = monitorBox(tr("The value that decides the best epoch (Keras monitor, default \"val_loss\")"));
    m_checkpointBestOnly =
        check(tr("Write only when the monitored value improved (Keras save_best_only, default off)"));
    m_checkpointMode = modeBox();
    auto* f4 = new QFormLayout(m_checkpoint);
    f4->addRow(tr("File"), m_checkpointPath);
    f4->addRow(tr("Monitor"), m_checkpointMonitor);
    f4->addRow(tr("Save best only"), m_checkpointBestOnly);
    f4->addRow(tr("Mode"), m_checkpointMode);

    auto* layout = new QVBoxLayout(this);
    for (QGroupBox* g : {m_early, m_threshold, m_stopAt, m_checkpoint}) {
        layout->addWidget(g);
        connect(g, &QGroupBox::toggled, this, &CallbacksPanel::edited);
    }
    layout->addStretch();
    setSpec({});
}

void CallbacksPanel::setSpec(const mlpw::CallbackSpecs& c) {
    const QSignalBlocker block(this);
    const auto early = c.early_stopping.empty() ? mlpw::EarlyStoppingSpec{} : c.early_stopping.front();
    m_early->setChecked(!c.early_stopping.empty());
    m_earlyMonitor->setCurrentText(q(early.monitor));
    m_earlyMinDelta->setValue(early.min_delta);
    m_earlyPatience->setValue(early.patience);
    m_earlyMode->setCurrentText(q(early.mode));
    m_earlyRestore->setChecked(early.restore_best_weights);
    m_earlyStartFrom->setValue(early.start_from_epoch);

    const auto th =
        c.early_stopping_threshold.empty() ? mlpw::ThresholdEarlyStoppingSpec{} : c.early_stopping_threshold.front();
    m_threshold->setChecked(!c.early_stopping_threshold.empty());
    m_thresholdMonitor->setCurrentText(q(th.monitor));
    m_thresholdValue->setValue(th.threshold);
    m_thresholdMinDelta->setValue(th.min_delta);
    m_thresholdPatience->setValue(th.patience);
    m_thresholdMode->setCurrentText(q(th.mode));
    m_thresholdRestore->setChecked(th.restore_best_weights);

    const auto at = c.stop_at.empty() ? mlpw::StopAtSpec{} : c.stop_at.front();
    m_stopAt->setChecked(!c.stop_at.empty());
    m_stopAtMonitor->setCurrentText(q(at.monitor));
    m_stopAtValue->setValue(at.value);
    m_stopAtMode->setCurrentText(q(at.mode));

    const auto cp = c.model_checkpoint.empty() ? mlpw::ModelCheckpointSpec{} : c.model_checkpoint.front();
    m_checkpoint->setChecked(!c.model_checkpoint.empty());
    m_checkpointPath->setText(q(cp.filepath));
    m_checkpointMonitor->setCurrentText(q(cp.monitor));
    m_checkpointBestOnly->setChecked(cp.save_best_only);
    m_checkpointMode->setCurrentText(q(cp.mode));
}

void CallbacksPanel::applyTo(mlpw::CallbackSpecs& c) const {
    // The first of each type is the one shown; more of a type (from a file) stay as they are.
    auto place = [](auto& list, bool on, const auto& value) {
        if (!on) list.clear();
        else if (list.empty()) list.push_back(value);
        else list.front() = value;
    };
    mlpw::EarlyStoppingSpec e = c.early_stopping.empty() ? mlpw::EarlyStoppingSpec{} : c.early_stopping.front();
    e.monitor = s(m_earlyMonitor);
    e.min_delta = float(m_earlyMinDelta->value());
    e.patience = m_earlyPatience->value();
    e.mode = s(m_earlyMode);
    e.restore_best_weights = m_earlyRestore->isChecked();
    e.start_from_epoch = m_earlyStartFrom->value();
    place(c.early_stopping, m_early->isChecked(), e);

    mlpw::ThresholdEarlyStoppingSpec t;
    t.monitor = s(m_thresholdMonitor);
    t.threshold = float(m_thresholdValue->value());
    t.min_delta = float(m_thresholdMinDelta->value());
    t.patience = m_thresholdPatience->value();
    t.mode = s(m_thresholdMode);
    t.restore_best_weights = m_thresholdRestore->isChecked();
    place(c.early_stopping_threshold, m_threshold->isChecked(), t);

    mlpw::StopAtSpec a;
    a.monitor = s(m_stopAtMonitor);
    a.value = float(m_stopAtValue->value());
    a.mode = s(m_stopAtMode);
    place(c.stop_at, m_stopAt->isChecked(), a);

    mlpw::ModelCheckpointSpec p;
    p.filepath = m_checkpointPath->text().toStdString();
    p.monitor = s(m_checkpointMonitor);
    p.save_best_only = m_checkpointBestOnly->isChecked();
    p.mode = s(m_checkpointMode);
    place(c.model_checkpoint, m_checkpoint->isChecked(), p);
}

std::vector<mlpw::SpecProblem> CallbacksPanel::entryProblems(const mlpw::CallbackSpecs& applied) const {
    // Each box shows the first callback of its type; callbacks are numbered in CallbackSpecs' order.
    const size_t threshold = applied.early_stopping.size();
    const size_t stopAt = threshold + applied.early_stopping_threshold.size();
    const struct {
        const QGroupBox* box;
        const NumberEdit* edit;
        size_t index;
        const char* key;
    } fields[] = {{m_early, m_earlyMinDelta, 0, "min_delta"},
                  {m_threshold, m_thresholdValue, threshold, "threshold"},
                  {m_threshold, m_thresholdMinDelta, threshold, "min_delta"},
                  {m_stopAt, m_stopAtValue, stopAt, "value"}};
    std::vector<mlpw::SpecProblem> out;
    for (const auto& f : fields)
        if (f.box->isChecked() && !f.edit->isValid())
            out.push_back({std::string("callbacks[").append(std::to_string(f.index)).append("].").append(f.key),
                           "must be a number", ProblemText::typed(f.edit->text())});
    return out;
}
