#include "editor/layer_options_panel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

#include "editor/spec_problem.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/experiment/float_text.h"

namespace {

// The table's texts in the window's language (marked for lupdate in core, context "LayerOption").
QString translated(const char* text) { return QCoreApplication::translate("LayerOption", text); }
QString numberText(float v) { return QString::fromStdString(mlpw::shortest_text(v)); }
const QString kBad = QStringLiteral("background: #ffcdcd;");

}  // namespace

LayerOptionsPanel::LayerOptionsPanel(QWidget* parent)
    : QWidget(parent), m_form(new QFormLayout(this)), m_empty(new QLabel(this)) {
    m_empty->setEnabled(false);
    m_form->addRow(m_empty);
    const auto& options = mlpw::layer_options();
    for (size_t i = 0; i < options.size(); ++i) {
        const mlpw::LayerOption& o = options[i];
        QWidget* field = nullptr;
        if (o.choices) {
            auto* box = new QComboBox(this);
            for (const auto& name : o.choices()) box->addItem(QString::fromStdString(name));
            connect(box, &QComboBox::activated, this, [this, i] { onEdited(int(i)); });
            field = box;
        } else {
            auto* edit = new QLineEdit(this);
            edit->setMaximumWidth(140);
            if (o.optional) edit->setPlaceholderText(tr("none"));
            connect(edit, &QLineEdit::textEdited, this, [this, i] { onEdited(int(i)); });
            field = edit;
        }
        field->setToolTip(translated(o.help));
        field->setObjectName(QString::fromLatin1(o.key));
        auto* label = new QLabel(translated(o.label), this);
        label->setBuddy(field);
        m_form->addRow(label, field);
        m_fields.push_back(field);
    }
    setLayer(-1, {});
}

QWidget* LayerOptionsPanel::field(const QString& key) const {
    const auto& options = mlpw::layer_options();
    for (size_t i = 0; i < options.size(); ++i)
        if (key == QLatin1String(options[i].key) && options[i].applies(m_layer) && m_row >= 0) return m_fields[i];
    return nullptr;
}

void LayerOptionsPanel::setLayer(int row, const mlpw::LayerSpec& layer) {
    if (row != m_row || layer.type != m_layer.type) m_badText.clear();  // typed text of another layer
    m_row = row;
    m_layer = layer;
    showRows();
    markProblems();
}

void LayerOptionsPanel::showRows() {
    const auto& options = mlpw::layer_options();
    int shown = 0;
    for (size_t i = 0; i < options.size(); ++i) {
        const mlpw::LayerOption& o = options[i];
        const bool applies = m_row >= 0 && o.applies(m_layer);
        m_form->setRowVisible(m_fields[i], applies);
        if (!applies) continue;
        ++shown;
        mlpw::LayerSpec copy = m_layer;  // the accessors hand out fields of a spec they may fill in
        if (auto* box = qobject_cast<QComboBox*>(m_fields[i])) {
            const QSignalBlocker block(box);
            box->setCurrentIndex(o.choice(m_layer));
        } else if (auto* edit = qobject_cast<QLineEdit*>(m_fields[i]); !m_badText.contains(int(i))) {
            const std::optional<float> value = o.number ? std::optional<float>(*o.number(copy)) : *o.optional(copy);
            edit->setText(value ? numberText(*value) : QString());
            edit->setStyleSheet({});
        }
    }
    m_empty->setText(m_row < 0        ? tr("Select a layer to see its options.")
                         : shown == 0 ? tr("A %1 layer has no further options.")
                                            .arg(QString::fromLatin1(mlpw::layer_type_info(m_layer.type).keras_class))
                                      : QString());
    m_form->setRowVisible(m_empty, shown == 0);
}

void LayerOptionsPanel::onEdited(int index) {
    const mlpw::LayerOption& o = mlpw::layer_options()[size_t(index)];
    if (auto* box = qobject_cast<QComboBox*>(m_fields[size_t(index)])) {
        o.choose(m_layer, box->currentIndex());
        showRows();  // a constraint's own options appear or go
    } else if (auto* edit = qobject_cast<QLineEdit*>(m_fields[size_t(index)])) {
        const QString text = edit->text().trimmed();
        bool ok = false;
        const float value = text.toFloat(&ok);
        if (o.optional && text.isEmpty()) *o.optional(m_layer) = std::nullopt;
        else if (ok && o.number) *o.number(m_layer) = value;
        else if (ok) *o.optional(m_layer) = value;
        const bool bad = !ok && !(o.optional && text.isEmpty());
        if (bad) m_badText[index] = edit->text();
        else m_badText.remove(index);
        edit->setStyleSheet(bad ? kBad : QString());
    }
    emit layerEdited(m_row, m_layer);
}

QString LayerOptionsPanel::pathOf(int index) const {
    return QStringLiteral("model.layers[%1].%2")
        .arg(m_row)
        .arg(QLatin1String(mlpw::layer_options()[size_t(index)].key));
}

std::vector<mlpw::SpecProblem> LayerOptionsPanel::entryProblems() const {
    std::vector<mlpw::SpecProblem> out;
    for (auto it = m_badText.begin(); it != m_badText.end(); ++it)
        out.push_back(
            {pathOf(it.key()).toStdString(),
             mlpw::layer_options()[size_t(it.key())].optional ? "must be a number or empty (none)" : "must be a number",
             ProblemText::typed(it.value())});
    return out;
}

void LayerOptionsPanel::setProblems(const std::vector<mlpw::SpecProblem>& problems) {
    m_problems = problems;
    markProblems();
}

void LayerOptionsPanel::markProblems() {
    const auto& options = mlpw::layer_options();
    for (size_t i = 0; i < options.size(); ++i) {
        if (m_row < 0 || !options[i].applies(m_layer)) continue;
        QStringList messages;
        for (const auto& p : m_problems)
            if (QString::fromStdString(p.path) == pathOf(int(i))) messages << ProblemText::message(p);
        QWidget* f = m_fields[i];
        const QString help = translated(options[i].help);
        f->setToolTip(messages.isEmpty() ? help : messages.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + help);
        if (qobject_cast<QLineEdit*>(f) && !m_badText.contains(int(i)))
            f->setStyleSheet(messages.isEmpty() ? QString() : kBad);
        if (qobject_cast<QComboBox*>(f)) f->setStyleSheet(messages.isEmpty() ? QString() : kBad);
    }
}
