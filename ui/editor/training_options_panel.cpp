#include "editor/training_options_panel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSpinBox>

#include "editor/spec_problem.h"

TrainingOptionsPanel::TrainingOptionsPanel(QWidget* parent)
    : QWidget(parent), m_epochs(new QSpinBox(this)), m_batchSize(new QSpinBox(this)), m_seed(new QLineEdit(this)),
      m_shuffle(new QCheckBox(this)), m_threads(new QSpinBox(this)) {
    m_epochs->setRange(1, 100000);
    m_epochs->setToolTip(tr("Passes over the training data (Keras fit(epochs=...), default 1; the study uses 5)"));
    m_batchSize->setRange(1, 60000);
    m_batchSize->setToolTip(tr("Samples per optimiser step (Keras fit(batch_size=...), default 32)"));
    // Any uint64_t: digits only, read with toULongLong (a double would round seeds above 2^53).
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,20}")), m_seed));
    m_seed->setMaximumWidth(200);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setToolTip(
        tr("Drives initialisation, shuffling and dropout: the same seed gives the same run "
           "(Keras keras.utils.set_random_seed; the study uses 13)"));
    m_shuffle->setToolTip(tr("Shuffle the training samples before each epoch (Keras fit(shuffle=...), default on)"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("automatic"));
    m_threads->setToolTip(tr("OpenMP threads for training; automatic picks the measured best for this machine"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Epochs"), m_epochs);
    form->addRow(tr("&Batch size"), m_batchSize);
    form->addRow(tr("S&eed"), m_seed);
    form->addRow(tr("S&huffle"), m_shuffle);
    form->addRow(tr("&Threads"), m_threads);
    for (QSpinBox* s : {m_epochs, m_batchSize, m_threads})
        connect(s, &QSpinBox::valueChanged, this, &TrainingOptionsPanel::edited);
    connect(m_seed, &QLineEdit::textEdited, this, &TrainingOptionsPanel::edited);
    connect(m_shuffle, &QCheckBox::toggled, this, &TrainingOptionsPanel::edited);
}

void TrainingOptionsPanel::setSpec(const mlpw::TrainingSpec& s) {
    const QSignalBlocker b1(m_epochs), b2(m_batchSize), b3(m_shuffle), b4(m_threads);
    m_epochs->setValue(s.epochs);
    m_batchSize->setValue(s.batch_size);
    m_seed->setText(QString::number(s.seed));
    m_shuffle->setChecked(s.shuffle);
    m_threads->setValue(s.threads);
}

void TrainingOptionsPanel::applyTo(mlpw::TrainingSpec& s) const {
    s.epochs = m_epochs->value();
    s.batch_size = m_batchSize->value();
    bool ok = false;
    const qulonglong seed = m_seed->text().toULongLong(&ok);
    if (ok) s.seed = seed;  // otherwise entryProblems() reports the text
    s.shuffle = m_shuffle->isChecked();
    s.threads = m_threads->value();
}

std::vector<mlpw::SpecProblem> TrainingOptionsPanel::entryProblems() const {
    bool ok = false;
    m_seed->text().toULongLong(&ok);
    if (ok) return {};
    return {
        {"training.seed", "must be a whole number from 0 to 18446744073709551615", ProblemText::typed(m_seed->text())}};
}
