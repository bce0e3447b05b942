#include "editor/callbacks_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <string_view>
#include <type_traits>

#include "editor/number_edit.h"
#include "editor/spec_problem.h"
#include "mlpw/experiment/float_text.h"

enum class CallbackFieldKind { monitor, mode, text, optional_number, number, integer, flag };

namespace {

using Kind = CallbackFieldKind;

QString q(const std::string& s) { return QString::fromStdString(s); }
// The tables' texts in the window's language (marked for lupdate in core, context "CallbacksPanel").
QString translated(const char* text) { return QCoreApplication::translate("CallbacksPanel", text); }
const QString kBad = QStringLiteral("background: #ffcdcd;");

template <typename Spec>
Kind kind_of(const mlpw::CallbackOption<Spec>& o) {
    if (o.text)
        return o.key == std::string_view("monitor") ? Kind::monitor
            : o.key == std::string_view("mode")     ? Kind::mode
                                                    : Kind::text;
    if (o.given) return Kind::optional_number;
    if (o.number) return Kind::number;
    return o.integer ? Kind::integer : Kind::flag;
}

// An optional number's text: empty for none (Keras None), else the number; false when it does not parse.
bool parseOptional(const QString& text, bool& given, float& value) {
    bool ok = true;
    const QString t = text.trimmed();
    const float v = t.isEmpty() ? 0.0f : t.toFloat(&ok);
    if (!ok) return false;
    given = !t.isEmpty();
    if (given) value = v;
    return true;
}

// The field shows the option's value of `spec`.
template <typename Spec>
void showValue(const mlpw::CallbackOption<Spec>& o, const Spec& spec, QWidget* field) {
    if (auto* box = qobject_cast<QComboBox*>(field)) box->setCurrentText(q(spec.*o.text));
    else if (auto* number = qobject_cast<NumberEdit*>(field)) number->setValue(spec.*o.number);
    else if (auto* edit = qobject_cast<QLineEdit*>(field); edit && o.given)
        edit->setText(spec.*o.given ? q(mlpw::shortest_text(spec.*o.number)) : QString()), edit->setStyleSheet({});
    else if (edit) edit->setText(q(spec.*o.text));
    else if (auto* spin = qobject_cast<QSpinBox*>(field)) spin->setValue(spec.*o.integer);
    else if (auto* check = qobject_cast<QCheckBox*>(field)) check->setChecked(spec.*o.flag);
}

// The field's value into `spec` (a number that does not parse keeps its last good value: entryProblems reports it).
template <typename Spec>
void takeValue(const mlpw::CallbackOption<Spec>& o, const QWidget* field, Spec& spec) {
    if (auto* box = qobject_cast<const QComboBox*>(field)) spec.*o.text = box->currentText().toStdString();
    else if (auto* number = qobject_cast<const NumberEdit*>(field)) spec.*o.number = float(number->value());
    else if (auto* edit = qobject_cast<const QLineEdit*>(field); edit && o.given)
        parseOptional(edit->text(), spec.*o.given, spec.*o.number);
    else if (edit) spec.*o.text = edit->text().toStdString();
    else if (auto* spin = qobject_cast<const QSpinBox*>(field)) spec.*o.integer = spin->value();
    else if (auto* check = qobject_cast<const QCheckBox*>(field)) spec.*o.flag = check->isChecked();
}

// The message for a number field whose text does not parse; "" when it does.
template <typename Spec>
std::string entryProblem(const mlpw::CallbackOption<Spec>& o, const QWidget* field) {
    if (auto* number = qobject_cast<const NumberEdit*>(field)) return number->isValid() ? "" : "must be a number";
    auto* edit = qobject_cast<const QLineEdit*>(field);
    bool given = false;
    float value = 0.0f;
    if (!edit || !o.given || parseOptional(edit->text(), given, value)) return "";
    return "must be a number or empty (none)";
}

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

template <typename Type>
constexpr bool is_scheduler = std::is_same_v<Type, mlpw::CallbackType<mlpw::LearningRateSchedulerSpec>>;

}  // namespace

QWidget* CallbacksPanel::makeField(CallbackFieldKind kind) {
    switch (kind) {
        case Kind::monitor:
        case Kind::mode: {
            auto* box = new QComboBox(this);
            for (const auto& name : kind == Kind::monitor ? mlpw::monitor_names() : mlpw::mode_names())
                box->addItem(q(name));
            connect(box, &QComboBox::currentIndexChanged, this, &CallbacksPanel::edited);
            return box;
        }
        case Kind::text:
        case Kind::optional_number: {
            auto* edit = new QLineEdit(this);
            if (kind == Kind::optional_number) {
                edit->setMaximumWidth(140);
                edit->setPlaceholderText(tr("none"));
                connect(edit, &QLineEdit::textEdited, edit, [edit](const QString& text) {
                    bool given = false;
                    float value = 0.0f;
                    edit->setStyleSheet(parseOptional(text, given, value) ? QString() : kBad);
                });
            }
            connect(edit, &QLineEdit::textEdited, this, &CallbacksPanel::edited);
            return edit;
        }
        case Kind::number: {
            auto* edit = new NumberEdit(this);
            connect(edit, &NumberEdit::edited, this, &CallbacksPanel::edited);
            return edit;
        }
        case Kind::integer: {
            auto* spin = new QSpinBox(this);
            spin->setRange(0, 100000);
            connect(spin, &QSpinBox::valueChanged, this, &CallbacksPanel::edited);
            return spin;
        }
        case Kind::flag: break;
    }
    auto* check = new QCheckBox(this);
    connect(check, &QCheckBox::toggled, this, &CallbacksPanel::edited);
    return check;
}

CallbacksPanel::CallbacksPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    mlpw::for_each_callback_type([&](const auto& type) {
        CallbackBox box{new QGroupBox(translated(type.title), this), {}};
        box.group->setCheckable(true);
        box.group->setChecked(false);
        box.group->setToolTip(translated(type.help));
        auto* form = new QFormLayout(box.group);
        for (const auto& o : type.options) {
            QWidget* field = makeField(kind_of(o));
            field->setObjectName(QLatin1String(o.key));
            field->setToolTip(translated(o.help));
            form->addRow(translated(o.label), field);
            box.fields.push_back(field);
        }
        if constexpr (is_scheduler<std::decay_t<decltype(type)>>) {
            m_schedulerSchedule = new QLineEdit(this);
            m_schedulerSchedule->setObjectName(QStringLiteral("schedule"));
            m_schedulerSchedule->setPlaceholderText(QStringLiteral("lr * 0.95"));
            m_schedulerSchedule->setToolTip(
                tr("An expression in epoch (0-based) and lr, e.g. \"lr * 0.95\" or \"0.001 * 0.5 ^ floor(epoch / "
                   "5)\"; or a table \"0: 0.001, 10: 0.0005\": from each listed epoch on, its rate"));
            connect(m_schedulerSchedule, &QLineEdit::textEdited, this, &CallbacksPanel::edited);
            form->addRow(tr("Schedule"), m_schedulerSchedule);
        }
        layout->addWidget(box.group);
        connect(box.group, &QGroupBox::toggled, this, &CallbacksPanel::edited);
        m_boxes.push_back(box);
    });
    layout->addStretch();
    setSpec({});
}

QWidget* CallbacksPanel::field(const std::string& typeName, const std::string& key) const {
    QWidget* found = nullptr;
    size_t index = 0;
    mlpw::for_each_callback_type([&](const auto& type) {
        const CallbackBox& box = m_boxes[index++];
        if (typeName != type.name) return;
        for (size_t i = 0; i < type.options.size(); ++i)
            if (key == type.options[i].key) found = box.fields[i];
    });
    return found;
}

void CallbacksPanel::setSpec(const mlpw::CallbackSpecs& c) {
    const QSignalBlocker block(this);
    size_t index = 0;
    mlpw::for_each_callback_type([&](const auto& type) {
        const CallbackBox& box = m_boxes[index++];
        const auto& list = c.*type.specs;
        const auto shown = list.empty() ? typename std::decay_t<decltype(list)>::value_type{} : list.front();
        box.group->setChecked(!list.empty());
        for (size_t i = 0; i < type.options.size(); ++i) showValue(type.options[i], shown, box.fields[i]);
        if constexpr (is_scheduler<std::decay_t<decltype(type)>>) {
            m_schedulerSchedule->setText(scheduleText(shown));
            m_schedulerSchedule->setStyleSheet({});
        }
    });
}

void CallbacksPanel::applyTo(mlpw::CallbackSpecs& c) const {
    // The first of each type is the one shown; more of a type (from a file) stay as they are.
    size_t index = 0;
    mlpw::for_each_callback_type([&](const auto& type) {
        const CallbackBox& box = m_boxes[index++];
        auto& list = c.*type.specs;
        if (!box.group->isChecked()) return list.clear();
        auto value = list.empty() ? typename std::decay_t<decltype(list)>::value_type{} : list.front();
        for (size_t i = 0; i < type.options.size(); ++i) takeValue(type.options[i], box.fields[i], value);
        if constexpr (is_scheduler<std::decay_t<decltype(type)>>) {
            mlpw::LearningRateSchedulerSpec parsed;  // entryProblems() reports bad text; the last good one stays
            if (parseSchedule(m_schedulerSchedule->text(), parsed) || list.empty()) value = parsed;
        }
        if (list.empty()) list.push_back(value);
        else list.front() = value;
    });
}

std::vector<mlpw::SpecProblem> CallbacksPanel::entryProblems(const mlpw::CallbackSpecs& applied) const {
    // Each box shows the first callback of its type; callbacks are numbered in CallbackSpecs' order.
    std::vector<mlpw::SpecProblem> out;
    size_t index = 0, first = 0;
    mlpw::for_each_callback_type([&](const auto& type) {
        const CallbackBox& box = m_boxes[index++];
        const std::string path = "callbacks[" + std::to_string(first) + "].";
        first += (applied.*type.specs).size();
        const bool on = box.group->isChecked();
        for (size_t i = 0; i < type.options.size() && on; ++i) {
            const auto* edit = qobject_cast<const QLineEdit*>(box.fields[i]);
            if (const std::string message = entryProblem(type.options[i], box.fields[i]); !message.empty())
                out.push_back({path + type.options[i].key, message, ProblemText::typed(edit->text())});
        }
        if constexpr (is_scheduler<std::decay_t<decltype(type)>>) {
            mlpw::LearningRateSchedulerSpec parsed;
            const bool tableOk = parseSchedule(m_schedulerSchedule->text(), parsed);
            m_schedulerSchedule->setStyleSheet(tableOk ? QString() : kBad);
            if (on && !tableOk)
                out.push_back({path + "schedule",
                               "must be an expression in epoch and lr, or a table \"<epoch>: <rate>, ...\"",
                               ProblemText::typed(m_schedulerSchedule->text())});
        }
    });
    return out;
}
