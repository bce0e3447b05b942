#include "compare/sweep_builder.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "compare/queued_experiments.h"

namespace {

void collect_paths(const nlohmann::ordered_json& value, const QString& path, QStringList& out) {
    if (value.is_object()) {
        if (value.contains("type") && !path.isEmpty()) out << path;
        for (const auto& [key, child] : value.items()) {
            if (path.isEmpty() && (key == "name" || key == "description" || key == "sweep")) continue;
            collect_paths(
                child,
                path.isEmpty() ? QString::fromStdString(key) : path + QLatin1Char('.') + QString::fromStdString(key),
                out);
        }
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i)
            collect_paths(value[i], QStringLiteral("%1[%2]").arg(path).arg(i), out);
    } else if (!path.isEmpty()) {
        out << path;
    }
}

}  // namespace

QStringList sweep_field_paths(const mlpw::ExperimentSpec& spec) {
    QStringList paths;
    collect_paths(nlohmann::ordered_json(mlpw::experiment_to_json(spec)), QString(), paths);
    return paths;
}

SweepBuilder::SweepBuilder(const mlpw::ExperimentSpec& base, QWidget* parent)
    : QDialog(parent), m_base(base), m_seeds(new QSpinBox(this)), m_summary(new QLabel(this)) {
    setWindowTitle(tr("Sweep %1").arg(QString::fromStdString(base.name)));
    const QStringList paths = sweep_field_paths(base);
    auto* form = new QFormLayout;
    const QString hints[2] = {tr("e.g. 32, 64, 128  or  adam, sgd  or  {\"type\": \"sgd\", \"momentum\": 0.9}, …"),
                              tr("optional: a second field makes a grid")};
    for (int row = 0; row < 2; ++row) {
        m_fields[row] = new QComboBox(this);
        m_fields[row]->setEditable(true);
        m_fields[row]->addItem(QString());
        m_fields[row]->addItems(paths);
        m_fields[row]->completer()->setFilterMode(Qt::MatchContains);
        m_fields[row]->setToolTip(tr("An option path of the experiment file, as in the CLI's sweep section"));
        m_values[row] = new QLineEdit(this);
        m_values[row]->setPlaceholderText(hints[row]);
        form->addRow(tr("Field %1:").arg(row + 1), m_fields[row]);
        form->addRow(tr("Values:"), m_values[row]);
        connect(m_fields[row], &QComboBox::currentTextChanged, this, &SweepBuilder::update);
        connect(m_values[row], &QLineEdit::textChanged, this, &SweepBuilder::update);
    }
    m_seeds->setRange(1, 20);
    m_seeds->setToolTip(tr("Each point is run with this many seeds (the table groups them: mean ± sd)"));
    form->addRow(tr("Seeds per point:"), m_seeds);
    connect(m_seeds, &QSpinBox::valueChanged, this, &SweepBuilder::update);
    m_summary->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_queue = buttons->addButton(tr("&Queue the runs"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
    update();
}

void SweepBuilder::setField(int row, const QString& path, const QString& values) {
    m_fields[row]->setCurrentText(path);
    m_values[row]->setText(values);
}

void SweepBuilder::setSeeds(int seeds) { m_seeds->setValue(seeds); }
int SweepBuilder::seeds() const { return m_seeds->value(); }

nlohmann::json SweepBuilder::sweep() const {
    nlohmann::json sweep = nlohmann::json::object();
    for (int row = 0; row < 2; ++row) {
        const std::string path = m_fields[row]->currentText().trimmed().toStdString();
        const nlohmann::json values = sweep_values(m_values[row]->text());
        if (!path.empty() && !values.empty()) sweep[path] = values;
    }
    return sweep;
}

std::vector<mlpw::ExperimentSpec> SweepBuilder::experiments(QString* problem) const {
    const nlohmann::json grid = sweep();
    QString why;
    std::vector<mlpw::ExperimentSpec> runs;
    if (grid.empty()) why = tr("Choose a field and type its values.");
    else try {
            runs = sweep_experiments(m_base, grid, seeds());
        } catch (const std::exception& e) {
            why = QString::fromUtf8(e.what());
        }
    if (problem) *problem = why;
    return runs;
}

std::string SweepBuilder::plottedField() const {
    const nlohmann::json grid = sweep();
    if (grid.size() != 1) return {};
    for (const auto& value : grid.begin().value())
        if (!value.is_number()) return {};
    return grid.begin().key();
}

void SweepBuilder::update() {
    QString problem;
    const auto runs = experiments(&problem);
    m_queue->setEnabled(!runs.empty());
    m_summary->setText(runs.empty() ? problem
                                    : tr("%n run(s), one after the other; the results land in the Runs table.", nullptr,
                                         int(runs.size())));
}
