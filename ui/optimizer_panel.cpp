#include "optimizer_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include "number_edit.h"

namespace {

const mlpw::OptimizerType kTypes[] = {mlpw::OptimizerType::sgd, mlpw::OptimizerType::adagrad,
                                      mlpw::OptimizerType::rmsprop, mlpw::OptimizerType::adam};

// The options each type uses (all types: learning_rate, epsilon, clipnorm, clipvalue).
QStringList optionsOf(mlpw::OptimizerType t) {
    QStringList common{"learning_rate"};
    switch (t) {
        case mlpw::OptimizerType::sgd: return common << "momentum" << "nesterov" << "clipnorm" << "clipvalue";
        case mlpw::OptimizerType::adagrad:
            return common << "initial_accumulator_value" << "epsilon" << "clipnorm" << "clipvalue";
        case mlpw::OptimizerType::rmsprop:
            return common << "rho" << "momentum" << "centered" << "epsilon" << "clipnorm" << "clipvalue";
        case mlpw::OptimizerType::adam:
            return common << "beta_1" << "beta_2" << "amsgrad" << "epsilon" << "clipnorm" << "clipvalue";
    }
    return common;
}

}  // namespace

OptimizerPanel::OptimizerPanel(QWidget* parent) : QWidget(parent), m_type(new QComboBox(this)), m_form(new QFormLayout(this)) {
    m_type->addItem(tr("SGD"), "sgd");
    m_type->addItem(tr("Adagrad"), "adagrad");
    m_type->addItem(tr("RMSprop"), "rmsprop");
    m_type->addItem(tr("Adam"), "adam");
    m_type->setToolTip(tr("The update rule (Keras optimizer=...). SGD: plain or with momentum/Nesterov; Adagrad, "
                          "RMSprop and Adam adapt the step per weight. Changing it loads that optimiser's Keras defaults."));
    m_form->addRow(tr("&Optimiser"), m_type);
    addNumber("learning_rate", tr("&Learning rate"), tr("Step size (Keras learning_rate; SGD 0.01, the others 0.001)"));
    addNumber("momentum", tr("&Momentum"), tr("Velocity kept from the previous step (Keras momentum, default 0)"));
    addCheck("nesterov", tr("&Nesterov"), tr("Nesterov's look-ahead momentum (Keras nesterov, default off)"));
    addNumber("initial_accumulator_value", tr("Initial accumulator"),
              tr("Starting value of the squared-gradient sums (Keras initial_accumulator_value, default 0.1)"));
    addNumber("rho", tr("&Rho"), tr("Decay of the squared-gradient average (Keras rho, default 0.9)"));
    addCheck("centered", tr("&Centered"), tr("Normalise by the gradient's variance, not its second moment (Keras centered, default off)"));
    addNumber("beta_1", tr("Beta &1"), tr("Decay of the first-moment estimate (Keras beta_1, default 0.9)"));
    addNumber("beta_2", tr("Beta &2"), tr("Decay of the second-moment estimate (Keras beta_2, default 0.999)"));
    addCheck("amsgrad", tr("AMS&Grad"), tr("Use the maximum of past second moments (Keras amsgrad, default off)"));
    addNumber("epsilon", tr("&Epsilon"), tr("Added to the denominator for stability (Keras epsilon, default 1e-07)"));
    addNumber("clipnorm", tr("Clip &norm"), tr("Clip each gradient tensor to this L2 norm; 0 is off (Keras clipnorm, default None)"));
    addNumber("clipvalue", tr("Clip &value"), tr("Clip each gradient element to [-v, v]; 0 is off (Keras clipvalue, default None)"));
    connect(m_type, &QComboBox::activated, this, &OptimizerPanel::onTypeChosen);
    setSpec(mlpw::OptimizerSpec{});
}

NumberEdit* OptimizerPanel::addNumber(const QString& key, const QString& label, const QString& tip) {
    auto* row = new QWidget(this);
    auto* edit = new NumberEdit(row);
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
    return edit;
}

QCheckBox* OptimizerPanel::addCheck(const QString& key, const QString& label, const QString& tip) {
    auto* box = new QCheckBox(tr("(Keras default: off)"), this);
    box->setToolTip(tip);
    m_form->addRow(label, box);
    m_checks[key] = box;
    m_rows[key] = box;
    connect(box, &QCheckBox::toggled, this, &OptimizerPanel::edited);
    return box;
}

void OptimizerPanel::showRowsFor(mlpw::OptimizerType type) {
    const QStringList used = optionsOf(type);
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) m_form->setRowVisible(it.value(), used.contains(it.key()));
    const mlpw::OptimizerSpec d = mlpw::defaults_for(type);
    const std::pair<const char*, float> defaults[] = {
        {"learning_rate", d.learning_rate}, {"momentum", d.momentum}, {"initial_accumulator_value", d.initial_accumulator_value},
        {"rho", d.rho}, {"beta_1", d.beta_1}, {"beta_2", d.beta_2}, {"epsilon", d.epsilon}, {"clipnorm", d.clipnorm},
        {"clipvalue", d.clipvalue}};
    for (const auto& [key, value] : defaults) {
        const bool off = value == 0.0f && QString::fromLatin1(key).startsWith(QLatin1String("clip"));
        m_hints[key]->setText(tr("Keras default: %1").arg(off ? tr("off") : QString::number(double(value), 'g', 7)));
    }
}

void OptimizerPanel::setSpec(const mlpw::OptimizerSpec& s) {
    const QSignalBlocker block(this);
    m_type->setCurrentIndex(m_type->findData(QString::fromStdString(mlpw::to_string(s.type))));
    const std::pair<const char*, double> numbers[] = {
        {"learning_rate", s.learning_rate}, {"momentum", s.momentum}, {"initial_accumulator_value", s.initial_accumulator_value},
        {"rho", s.rho}, {"beta_1", s.beta_1}, {"beta_2", s.beta_2}, {"epsilon", s.epsilon},
        {"clipnorm", s.clipnorm}, {"clipvalue", s.clipvalue}};
    for (const auto& [key, value] : numbers) m_numbers[key]->setValue(double(float(value)));
    const std::pair<const char*, bool> checks[] = {{"nesterov", s.nesterov}, {"centered", s.centered}, {"amsgrad", s.amsgrad}};
    for (const auto& [key, value] : checks) {
        const QSignalBlocker blockBox(m_checks[key]);
        m_checks[key]->setChecked(value);
    }
    showRowsFor(s.type);
}

void OptimizerPanel::applyTo(mlpw::OptimizerSpec& s) const {
    mlpw::parse_optimizer_type(m_type->currentData().toString().toStdString(), s.type);
    auto f = [this](const char* key) { return float(m_numbers[key]->value()); };
    s.learning_rate = f("learning_rate");
    s.momentum = f("momentum");
    s.initial_accumulator_value = f("initial_accumulator_value");
    s.rho = f("rho");
    s.beta_1 = f("beta_1");
    s.beta_2 = f("beta_2");
    s.epsilon = f("epsilon");
    s.clipnorm = f("clipnorm");
    s.clipvalue = f("clipvalue");
    s.nesterov = m_checks["nesterov"]->isChecked();
    s.centered = m_checks["centered"]->isChecked();
    s.amsgrad = m_checks["amsgrad"]->isChecked();
}

std::vector<std::string> OptimizerPanel::entryProblems() const {
    std::vector<std::string> out;
    for (auto it = m_numbers.begin(); it != m_numbers.end(); ++it)
        if (!it.value()->isValid() && !m_rows[it.key()]->isHidden())
            out.push_back("optimizer." + it.key().toStdString() + ": must be a number, got \"" +
                          it.value()->text().toStdString() + "\"");
    return out;
}

void OptimizerPanel::onTypeChosen() {
    mlpw::OptimizerType type = mlpw::OptimizerType::adam;
    mlpw::parse_optimizer_type(m_type->currentData().toString().toStdString(), type);
    setSpec(mlpw::defaults_for(type));
    emit edited();
}
