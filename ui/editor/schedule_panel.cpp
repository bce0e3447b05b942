#include "editor/schedule_panel.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

#include "editor/number_edit.h"
#include "editor/spec_problem.h"
#include "mlpw/experiment/float_text.h"

namespace {

// The table's texts in the window's language (marked for lupdate in core, context "ScheduleOption").
QString translated(const char* text) { return QCoreApplication::translate("ScheduleOption", text); }

template <typename T>
QString listText(const std::vector<T>& list) {
    QStringList parts;
    for (const T v : list) parts << QString::fromStdString(mlpw::shortest_text(v));
    return parts.join(QStringLiteral(", "));
}

// "1000, 2000" -> {1000, 2000}; false when a part is not a number ("" is the empty list).
template <typename T>
bool parseList(const QString& text, std::vector<T>& out) {
    out.clear();
    if (text.trimmed().isEmpty()) return true;
    for (const QString& part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok) return false;
        out.push_back(static_cast<T>(v));
    }
    return true;
}

}  // namespace

SchedulePanel::SchedulePanel(QWidget* parent)
    : QWidget(parent), m_type(new QComboBox(this)), m_form(new QFormLayout(this)), m_boundaries(new QLineEdit(this)),
      m_values(new QLineEdit(this)) {
    m_form->setContentsMargins(0, 0, 0, 0);
    m_type->addItem(tr("constant"), QString());
    for (const auto& info : mlpw::schedule_table()) m_type->addItem(QString::fromLatin1(info.keras_name), info.name);
    m_type->setToolTip(
        tr("A constant rate, or a Keras schedule that sets the rate from the optimiser's step count "
           "(learning_rate=keras.optimizers.schedules...). Choosing one starts from its Keras defaults."));
    m_form->addRow(tr("Learning rate &schedule"), m_type);
    for (const auto& option : mlpw::schedule_options()) {
        const QString key = QString::fromLatin1(option.key);
        QWidget* field = nullptr;
        if (option.number) {
            auto* edit = new NumberEdit(this);
            connect(edit, &NumberEdit::edited, this, &SchedulePanel::edited);
            m_numbers[key] = edit;
            field = edit;
        } else {
            auto* box = new QCheckBox(tr("(Keras default: off)"), this);
            connect(box, &QCheckBox::toggled, this, &SchedulePanel::edited);
            m_checks[key] = box;
            field = box;
        }
        field->setToolTip(translated(option.help));
        field->setObjectName(key);
        auto* label = new QLabel(translated(option.label), this);
        label->setBuddy(field);
        m_form->addRow(label, field);
        m_rows[key] = field;
    }
    m_boundaries->setObjectName(QStringLiteral("boundaries"));
    m_boundaries->setToolTip(
        tr("Optimiser steps where the rate changes, strictly increasing, comma-separated (Keras boundaries)"));
    m_values->setObjectName(QStringLiteral("values"));
    m_values->setToolTip(
        tr("The rates before, between and after the boundaries: one more than the boundaries "
           "(Keras values)"));
    m_form->addRow(tr("&Boundaries"), m_boundaries);
    m_form->addRow(tr("&Values"), m_values);
    for (QLineEdit* e : {m_boundaries, m_values}) connect(e, &QLineEdit::textEdited, this, &SchedulePanel::edited);
    connect(m_type, &QComboBox::activated, this, &SchedulePanel::onTypeChosen);
    setSchedule({});
}

mlpw::ScheduleType SchedulePanel::currentType() const {
    mlpw::ScheduleType type = mlpw::ScheduleType::constant;
    mlpw::parse_schedule_type(m_type->currentData().toString().toStdString(), type);
    return type;
}

void SchedulePanel::showRows(mlpw::ScheduleType type) {
    const bool constant = type == mlpw::ScheduleType::constant;
    const std::vector<std::string> none;
    const auto& keys = constant ? none : mlpw::schedule_info(type).keys;
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it)
        m_form->setRowVisible(it.value(), std::find(keys.begin(), keys.end(), it.key().toStdString()) != keys.end());
    const bool piecewise = type == mlpw::ScheduleType::piecewise_constant_decay;
    m_form->setRowVisible(m_boundaries, piecewise);
    m_form->setRowVisible(m_values, piecewise);
}

void SchedulePanel::setSchedule(const mlpw::LearningRateSchedule& s) {
    const QSignalBlocker block(this);
    const int index = s.type == mlpw::ScheduleType::constant
        ? 0
        : m_type->findData(QString::fromLatin1(mlpw::schedule_info(s.type).name));
    m_type->setCurrentIndex(index);
    for (const auto& option : mlpw::schedule_options()) {
        const QString key = QString::fromLatin1(option.key);
        if (option.number) m_numbers[key]->setValue(double(s.*option.number));
        if (option.flag) {
            const QSignalBlocker blockBox(m_checks[key]);
            m_checks[key]->setChecked(s.*option.flag);
        }
    }
    m_boundaries->setText(listText(s.boundaries));
    m_values->setText(listText(s.values));
    for (QLineEdit* e : {m_boundaries, m_values}) e->setStyleSheet({});
    showRows(s.type);
}

mlpw::LearningRateSchedule SchedulePanel::schedule() const {
    mlpw::LearningRateSchedule s;
    s.type = currentType();
    if (s.type == mlpw::ScheduleType::constant) return s;  // a constant rate carries no schedule fields
    for (const auto& option : mlpw::schedule_options()) {
        const QString key = QString::fromLatin1(option.key);
        if (option.number) s.*option.number = float(m_numbers[key]->value());
        if (option.flag) s.*option.flag = m_checks[key]->isChecked();
    }
    if (s.type == mlpw::ScheduleType::piecewise_constant_decay) {
        parseList(m_boundaries->text(), s.boundaries);  // text that does not parse: entryProblems() says so
        parseList(m_values->text(), s.values);
    }
    return s;
}

std::vector<mlpw::SpecProblem> SchedulePanel::entryProblems() const {
    const mlpw::ScheduleType type = currentType();
    if (type == mlpw::ScheduleType::constant) return {};
    std::vector<mlpw::SpecProblem> out;
    const std::string path = "optimizer.learning_rate.";
    for (const auto& key : mlpw::schedule_info(type).keys) {
        const NumberEdit* edit = m_numbers.value(QString::fromStdString(key));
        if (edit && !edit->isValid()) out.push_back({path + key, "must be a number", ProblemText::typed(edit->text())});
    }
    if (type != mlpw::ScheduleType::piecewise_constant_decay) return out;
    std::vector<double> numbers;
    for (const auto& [edit, key] : {std::pair{m_boundaries, "boundaries"}, std::pair{m_values, "values"}}) {
        const bool ok = parseList(edit->text(), numbers);
        edit->setStyleSheet(ok ? QString() : QStringLiteral("background: #ffcdcd;"));
        if (!ok) out.push_back({path + key, "must be numbers separated by commas", ProblemText::typed(edit->text())});
    }
    return out;
}

void SchedulePanel::onTypeChosen() {
    mlpw::LearningRateSchedule s;  // the table's Keras defaults, from the rate the optimiser had
    s.type = currentType();
    for (const auto& option : mlpw::schedule_options()) {
        if (option.number) s.*option.number = option.default_value;
        if (option.flag) s.*option.flag = option.default_value != 0.0f;
    }
    s.initial_learning_rate = m_startingRate;
    if (s.type == mlpw::ScheduleType::piecewise_constant_decay) {
        s.boundaries = {1000.0};  // Keras has no default: a starting point, one step down by ten
        s.values = {m_startingRate, m_startingRate / 10.0f};
    }
    setSchedule(s);
    emit typeChanged(s.type);
    emit edited();
}
