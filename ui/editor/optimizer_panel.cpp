#include "editor/optimizer_panel.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include "editor/number_edit.h"
#include "editor/schedule_panel.h"
#include "editor/spec_problem.h"

namespace {

// The table's texts in the window's language (they are marked for lupdate in core, context "OptimizerOption").
QString translated(const char* text) { return QCoreApplication::translate("OptimizerOption", text); }

}  // namespace

OptimizerPanel::OptimizerPanel(QWidget* parent)
    : QWidget(parent), m_type(new QComboBox(this)), m_form(new QFormLayout(this)), m_schedule(new SchedulePanel(this)) {
    for (const auto& info : mlpw::optimizer_table()) m_type->addItem(QString::fromLatin1(info.keras_name), info.name);
    m_type->setToolTip(
        tr("The update rule (Keras optimizer=...). SGD: plain or with momentum/Nesterov; Adagrad, RMSprop, Adam, "
           "Nadam (Adam with Nesterov momentum) and AdamW (Adam with decoupled weight decay) adapt the step per "
           "weight. Changing it loads that optimiser's Keras defaults."));
    m_form->addRow(tr("&Optimiser"), m_type);
    m_form->addRow(m_schedule);
    for (const auto& option : mlpw::optimizer_options()) {
        const QString key = QString::fromLatin1(option.key);
        if (option.number) addNumber(key, translated(option.label), translated(option.help));
        if (option.flag) addCheck(key, translated(option.label), translated(option.help));
    }
    connect(m_type, &QComboBox::activated, this, &OptimizerPanel::onTypeChosen);
    connect(m_schedule, &SchedulePanel::edited, this, &OptimizerPanel::edited);
    connect(m_schedule, &SchedulePanel::typeChanged, this, &OptimizerPanel::showRateRow);
    connect(m_numbers[QStringLiteral("learning_rate")], &NumberEdit::valueEdited, this,
            [this](double rate) { m_schedule->setStartingRate(float(rate)); });
    setSpec(mlpw::OptimizerSpec{});
}

void OptimizerPanel::addNumber(const QString& key, const QString& label, const QString& tip) {
    auto* row = new QWidget(this);
    auto* edit = new NumberEdit(row);
    edit->setObjectName(key);
    edit->setToolTip(tip);
    auto* hint = new QLabel(row);
    hint->setEnabled(false);  // drawn grey: a hint, not a value
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit);
    layout->addWidget(hint, 1);
    auto* name = new QLabel(label, this);
    name->setBuddy(edit);
    m_form->addRow(name, row);
    m_numbers[key] = edit;
    m_rows[key] = row;
    m_hints[key] = hint;
    connect(edit, &NumberEdit::edited, this, &OptimizerPanel::edited);
}

void OptimizerPanel::addCheck(const QString& key, const QString& label, const QString& tip) {
    auto* box = new QCheckBox(tr("(Keras default: off)"), this);
    box->setToolTip(tip);
    m_form->addRow(label, box);
    m_checks[key] = box;
    m_rows[key] = box;
    connect(box, &QCheckBox::toggled, this, &OptimizerPanel::edited);
}

void OptimizerPanel::showRowsFor(mlpw::OptimizerType type) {
    const mlpw::OptimizerInfo& info = mlpw::optimizer_info(type);
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        const std::string key = it.key().toStdString();
        m_form->setRowVisible(it.value(), std::find(info.keys.begin(), info.keys.end(), key) != info.keys.end());
    }
    const mlpw::OptimizerSpec d = mlpw::defaults_for(type);
    for (const auto& option : mlpw::optimizer_options()) {
        if (!option.number) continue;
        const float value = d.*option.number;
        const bool off = value == 0.0f && option.zero_is_off;
        m_hints[QString::fromLatin1(option.key)]->setText(
            tr("Keras default: %1").arg(off ? tr("off") : QString::number(double(value), 'g', 7)));
    }
    showRateRow();
}

void OptimizerPanel::showRateRow() {
    const QString key = QStringLiteral("learning_rate");
    m_form->setRowVisible(m_rows[key], m_schedule->schedule().type == mlpw::ScheduleType::constant);
}

void OptimizerPanel::setSpec(const mlpw::OptimizerSpec& s) {
    const QSignalBlocker block(this);
    m_type->setCurrentIndex(m_type->findData(QString::fromStdString(mlpw::to_string(s.type))));
    for (const auto& option : mlpw::optimizer_options()) {
        const QString key = QString::fromLatin1(option.key);
        if (option.number) m_numbers[key]->setValue(double(s.*option.number));
        if (option.flag) {
            const QSignalBlocker blockBox(m_checks[key]);
            m_checks[key]->setChecked(s.*option.flag);
        }
    }
    m_schedule->setSchedule(s.schedule);
    m_schedule->setStartingRate(s.learning_rate);
    showRowsFor(s.type);
}

void OptimizerPanel::applyTo(mlpw::OptimizerSpec& s) const {
    mlpw::parse_optimizer_type(m_type->currentData().toString().toStdString(), s.type);
    for (const auto& option : mlpw::optimizer_options()) {
        const QString key = QString::fromLatin1(option.key);
        if (option.number) s.*option.number = float(m_numbers[key]->value());
        if (option.flag) s.*option.flag = m_checks[key]->isChecked();
    }
    s.schedule = m_schedule->schedule();
}

std::vector<mlpw::SpecProblem> OptimizerPanel::entryProblems() const {
    std::vector<mlpw::SpecProblem> out = m_schedule->entryProblems();
    for (auto it = m_numbers.begin(); it != m_numbers.end(); ++it)
        if (!it.value()->isValid() && !m_rows[it.key()]->isHidden())
            out.push_back({std::string("optimizer.").append(it.key().toStdString()), "must be a number",
                           ProblemText::typed(it.value()->text())});
    return out;
}

void OptimizerPanel::onTypeChosen() {
    mlpw::OptimizerType type = mlpw::OptimizerType::adam;
    mlpw::parse_optimizer_type(m_type->currentData().toString().toStdString(), type);
    mlpw::OptimizerSpec spec = mlpw::defaults_for(type);
    spec.schedule = m_schedule->schedule();
    setSpec(spec);
    emit edited();
}
