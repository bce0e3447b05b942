#include "editor/training_options_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>

#include "editor/spec_problem.h"
#include "mlpw/nn/network.h"

TrainingOptionsPanel::TrainingOptionsPanel(QWidget* parent)
    : QWidget(parent), m_epochs(new QSpinBox(this)), m_batchSize(new QSpinBox(this)), m_seed(new QLineEdit(this)),
      m_shuffle(new QCheckBox(this)), m_threads(new QSpinBox(this)), m_initialWeights(new QLineEdit(this)),
      m_dtypePolicy(new QComboBox(this)) {
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
    m_initialWeights->setObjectName(QStringLiteral("initial_weights"));
    m_initialWeights->setPlaceholderText(tr("none: the layers' initialisers"));
    m_initialWeights->setToolTip(
        tr("A model file (.mlpw) whose weights the run starts from, for fine-tuning (Keras "
           "model.load_weights(path) before fit); its layers must match this model's"));
    auto* browse = new QPushButton(tr("Bro&wse…"), this);
    browse->setToolTip(tr("Choose the model file to start from"));
    connect(browse, &QPushButton::clicked, this, &TrainingOptionsPanel::chooseInitialWeights);
    auto* weightsRow = new QHBoxLayout;
    weightsRow->addWidget(m_initialWeights, 1);
    weightsRow->addWidget(browse);
    auto* weightsLabel = new QLabel(tr("&Initial weights"), this);
    weightsLabel->setBuddy(m_initialWeights);
    form->addRow(weightsLabel, weightsRow);
    m_dtypePolicy->setObjectName(QStringLiteral("dtype_policy"));
    for (const auto& name : mlpw::dtype_policy_names()) m_dtypePolicy->addItem(QString::fromStdString(name));
    m_dtypePolicy->setToolTip(
        tr("Keras' mixed precision policy for fit. mixed_bfloat16: the Dense layers' matrix products round their "
           "inputs, weights and gradients to bfloat16 and add in float32, about twice as fast on CPUs with "
           "AVX512_BF16; the weights, the optimiser and every evaluation stay float32. Default float32."));
    if (!mlpw::mixed_bfloat16_available()) {
        // Disabled, not hidden: a file that asks for it still shows it (and the run then says why it cannot).
        const int mixed = static_cast<int>(mlpw::DTypePolicy::mixed_bfloat16);
        QStandardItem* item = qobject_cast<QStandardItemModel*>(m_dtypePolicy->model())->item(mixed);
        item->setEnabled(false);
        item->setToolTip(tr("This CPU has no bfloat16 instructions (AVX512_BF16 or AMX)"));
    }
    form->addRow(tr("Dtype &policy"), m_dtypePolicy);
    connect(m_initialWeights, &QLineEdit::textEdited, this, &TrainingOptionsPanel::edited);
    connect(m_dtypePolicy, &QComboBox::currentIndexChanged, this, &TrainingOptionsPanel::edited);
    for (QSpinBox* s : {m_epochs, m_batchSize, m_threads})
        connect(s, &QSpinBox::valueChanged, this, &TrainingOptionsPanel::edited);
    connect(m_seed, &QLineEdit::textEdited, this, &TrainingOptionsPanel::edited);
    connect(m_shuffle, &QCheckBox::toggled, this, &TrainingOptionsPanel::edited);
}

void TrainingOptionsPanel::setSpec(const mlpw::TrainingSpec& s) {
    const QSignalBlocker b1(m_epochs), b2(m_batchSize), b3(m_shuffle), b4(m_threads), b5(m_dtypePolicy);
    m_epochs->setValue(s.epochs);
    m_batchSize->setValue(s.batch_size);
    m_seed->setText(QString::number(s.seed));
    m_shuffle->setChecked(s.shuffle);
    m_threads->setValue(s.threads);
    m_initialWeights->setText(QString::fromStdString(s.initial_weights));
    m_dtypePolicy->setCurrentIndex(static_cast<int>(s.dtype_policy));
}

void TrainingOptionsPanel::chooseInitialWeights() {
    const QString start = m_initialWeights->text().isEmpty() ? QString() : QFileInfo(m_initialWeights->text()).path();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Initial weights"), start, tr("Model files (*.mlpw);;All files (*)"));
    if (path.isEmpty()) return;
    m_initialWeights->setText(path);
    emit edited();
}

void TrainingOptionsPanel::applyTo(mlpw::TrainingSpec& s) const {
    s.epochs = m_epochs->value();
    s.batch_size = m_batchSize->value();
    bool ok = false;
    const qulonglong seed = m_seed->text().toULongLong(&ok);
    if (ok) s.seed = seed;  // otherwise entryProblems() reports the text
    s.shuffle = m_shuffle->isChecked();
    s.threads = m_threads->value();
    s.initial_weights = m_initialWeights->text().trimmed().toStdString();
    s.dtype_policy = static_cast<mlpw::DTypePolicy>(m_dtypePolicy->currentIndex());
}

std::vector<mlpw::SpecProblem> TrainingOptionsPanel::entryProblems() const {
    std::vector<mlpw::SpecProblem> out;
    bool ok = false;
    m_seed->text().toULongLong(&ok);
    if (!ok)
        out.push_back({"training.seed", "must be a whole number from 0 to 18446744073709551615",
                       ProblemText::typed(m_seed->text())});
    const QString weights = m_initialWeights->text().trimmed();
    if (!weights.isEmpty() && !QFileInfo(weights).isFile())
        out.push_back({"training.initial_weights", "must be an existing model file (.mlpw) or empty",
                       ProblemText::typed(weights)});
    return out;
}
