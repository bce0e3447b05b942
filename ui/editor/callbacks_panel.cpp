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
#include "mlpw/experiment/float_text.h"

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QComboBox* box) { return box->currentText().toStdString(); }

// LearningRateScheduler's schedule as one line: its expression, or its table as "0: 0.001, 10: 0.0005".
QString scheduleText(const mlpw::LearningRateSchedulerSpec& spec) {
    if (spec.table.empty()) return q(spec.expression);
    QStringList parts;
    for (const auto& [epoch, rate] : spec.table)
        parts << QStringLiteral("%1: %2").arg(epoch).arg(q(mlpw::shortest_text(rate)));
    return parts.join(QStringLiteral(", "));
}

// The line back: a table when it has a colon (an expression never does), else the expression. False when a
// table entry is not "<epoch>: <rate>".
bool parseSchedule(const QString& text, mlpw::LearningRateSchedulerSpec& out) {
    out = {};
    if (!text.contains(QLatin1Char(':'))) {
        out.expression = text.trimmed().toStdString();
        return true;
    }
    for (const QString& part : text.split(QLatin1Char(','))) {
        const QStringList pair = part.split(QLatin1Char(':'));
        bool epochOk = false, rateOk = false;
        const int epoch = pair.value(0).trimmed().toInt(&epochOk);
        const float rate = pair.value(1).trimmed().toFloat(&rateOk);
        if (pair.size() != 2 || !epochOk || !rateOk || epoch < 0) return false;
        out.table[epoch] = rate;
    }
    return true;
}

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

    m_plateau = group(tr("&Reduce learning rate on plateau"),
                      tr("Multiply the learning rate by a factor when the monitored value stops improving (Keras "
                         "ReduceLROnPlateau); needs a constant rate, not a schedule"),
                      this);
    m_plateauMonitor = monitorBox(tr("The value to watch (Keras monitor, default \"val_loss\")"));
    m_plateauFactor = number(tr("The rate is multiplied by this, in (0, 1) (Keras factor, default 0.1)"));
    m_plateauPatience = count(tr("Epochs without improvement before reducing (Keras patience, default 10)"));
    m_plateauMode = modeBox();
    m_plateauMinDelta = number(tr("Smallest change that counts as an improvement (Keras min_delta, default 0.0001)"));
    m_plateauCooldown = count(tr("Epochs to wait after a reduction before watching again (Keras cooldown, default 0)"));
    m_plateauMinLr = number(tr("The rate is never reduced below this (Keras min_lr, default 0)"));
    auto* f5 = new QFormLayout(m_plateau);
    f5->addRow(tr("Monitor"), m_plateauMonitor);
    f5->addRow(tr("Factor"), m_plateauFactor);
    f5->addRow(tr("Patience"), m_plateauPatience);
    f5->addRow(tr("Mode"), m_plateauMode);
    f5->addRow(tr("Min delta"), m_plateauMinDelta);
    f5->addRow(tr("Cooldown"), m_plateauCooldown);
    f5->addRow(tr("Minimum rate"), m_plateauMinLr);

    m_scheduler = group(tr("Learning rate sc&heduler"),
                        tr("Set the learning rate at each epoch's start (Keras LearningRateScheduler); needs a "
                           "constant rate, not a schedule"),
                        this);
    m_schedulerSchedule = new QLineEdit(this);
    m_schedulerSchedule->setObjectName(QStringLiteral("schedule"));
    m_schedulerSchedule->setPlaceholderText(QStringLiteral("lr * 0.95"));
    m_schedulerSchedule->setToolTip(
        tr("An expression in epoch (0-based) and lr, e.g. \"lr * 0.95\" or \"0.001 * 0.5 ^ floor(epoch / 5)\"; "
           "or a table \"0: 0.001, 10: 0.0005\": from each listed epoch on, its rate"));
    connect(m_schedulerSchedule, &QLineEdit::textEdited, this, &CallbacksPanel::edited);
    auto* f6 = new QFormLayout(m_scheduler);
    f6->addRow(tr("Schedule"), m_schedulerSchedule);

    auto* layout = new QVBoxLayout(this);
    for (QGroupBox* g : {m_early, m_threshold, m_stopAt, m_checkpoint, m_plateau, m_scheduler}) {
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

    const auto rp = c.reduce_lr_on_plateau.empty() ? mlpw::ReduceLROnPlateauSpec{} : c.reduce_lr_on_plateau.front();
    m_plateau->setChecked(!c.reduce_lr_on_plateau.empty());
    m_plateauMonitor->setCurrentText(q(rp.monitor));
    m_plateauFactor->setValue(rp.factor);
    m_plateauPatience->setValue(rp.patience);
    m_plateauMode->setCurrentText(q(rp.mode));
    m_plateauMinDelta->setValue(rp.min_delta);
    m_plateauCooldown->setValue(rp.cooldown);
    m_plateauMinLr->setValue(rp.min_lr);

    const auto ls =
        c.learning_rate_scheduler.empty() ? mlpw::LearningRateSchedulerSpec{} : c.learning_rate_scheduler.front();
    m_scheduler->setChecked(!c.learning_rate_scheduler.empty());
    m_schedulerSchedule->setText(scheduleText(ls));
    m_schedulerSchedule->setStyleSheet({});
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

    mlpw::ReduceLROnPlateauSpec r;
    r.monitor = s(m_plateauMonitor);
    r.factor = float(m_plateauFactor->value());
    r.patience = m_plateauPatience->value();
    r.mode = s(m_plateauMode);
    r.min_delta = float(m_plateauMinDelta->value());
    r.cooldown = m_plateauCooldown->value();
    r.min_lr = float(m_plateauMinLr->value());
    place(c.reduce_lr_on_plateau, m_plateau->isChecked(), r);

    mlpw::LearningRateSchedulerSpec l;
    if (!parseSchedule(m_schedulerSchedule->text(), l) && !c.learning_rate_scheduler.empty())
        l = c.learning_rate_scheduler.front();  // entryProblems() reports the text; the last good one stays
    place(c.learning_rate_scheduler, m_scheduler->isChecked(), l);
}

std::vector<mlpw::SpecProblem> CallbacksPanel::entryProblems(const mlpw::CallbackSpecs& applied) const {
    // Each box shows the first callback of its type; callbacks are numbered in CallbackSpecs' order.
    const size_t threshold = applied.early_stopping.size();
    const size_t stopAt = threshold + applied.early_stopping_threshold.size();
    const size_t plateau = stopAt + applied.stop_at.size() + applied.model_checkpoint.size();
    const size_t scheduler = plateau + applied.reduce_lr_on_plateau.size();
    const struct {
        const QGroupBox* box;
        const NumberEdit* edit;
        size_t index;
        const char* key;
    } fields[] = {{m_early, m_earlyMinDelta, 0, "min_delta"},
                  {m_threshold, m_thresholdValue, threshold, "threshold"},
                  {m_threshold, m_thresholdMinDelta, threshold, "min_delta"},
                  {m_stopAt, m_stopAtValue, stopAt, "value"},
                  {m_plateau, m_plateauFactor, plateau, "factor"},
                  {m_plateau, m_plateauMinDelta, plateau, "min_delta"},
                  {m_plateau, m_plateauMinLr, plateau, "min_lr"}};
    std::vector<mlpw::SpecProblem> out;
    for (const auto& f : fields)
        if (f.box->isChecked() && !f.edit->isValid())
            out.push_back({std::string("callbacks[").append(std::to_string(f.index)).append("].").append(f.key),
                           "must be a number", ProblemText::typed(f.edit->text())});
    mlpw::LearningRateSchedulerSpec parsed;
    const bool tableOk = parseSchedule(m_schedulerSchedule->text(), parsed);
    m_schedulerSchedule->setStyleSheet(tableOk ? QString() : QStringLiteral("background: #ffcdcd;"));
    if (m_scheduler->isChecked() && !tableOk)
        out.push_back({"callbacks[" + std::to_string(scheduler) + "].schedule",
                       "must be an expression in epoch and lr, or a table \"<epoch>: <rate>, ...\"",
                       ProblemText::typed(m_schedulerSchedule->text())});
    return out;
}
