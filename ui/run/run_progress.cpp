#include "run/run_progress.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QVBoxLayout>

namespace {

QString clock(double seconds) {
    const int s = qMax(0, qRound(seconds));
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

RunProgress::RunProgress(QWidget* parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_text(new QLabel(this)), m_log(new QPlainTextEdit(this)) {
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    m_bar->setAccessibleName(tr("Training progress"));
    m_text->setText(tr("Ready"));
    m_text->setAccessibleName(tr("Training progress details"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setAccessibleName(tr("Training log"));
    m_log->setToolTip(tr("One line per epoch, as Keras' fit(verbose=2) prints it, and the callbacks' messages"));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_text);
    layout->addWidget(m_log, 1);
}

QString RunProgress::progressText() const { return m_text->text(); }

void RunProgress::reset(int epochs) {
    m_epoch = 0;
    m_epochs = epochs;
    m_batches = 0;
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_text->setText(tr("Preparing…"));
}

void RunProgress::onEpochBegan(int epoch, int epochs, int batches) {
    m_epoch = epoch;
    m_epochs = epochs;
    m_batches = batches;
    m_bar->setRange(0, epochs * batches);
    m_bar->setValue((epoch - 1) * batches);
    showProgress(0, 0.0, 0.0);
}

void RunProgress::onBatches(const BatchUpdate& u) {
    const auto& m = u.latest;
    if (m.batches != m_batches || m.epoch != m_epoch) onEpochBegan(m.epoch, m_epochs, m.batches);
    m_bar->setValue((m.epoch - 1) * m.batches + m.batch);
    showProgress(m.batch, u.samples_per_s, m.batch > 0 ? u.epoch_elapsed_s / m.batch : 0.0);
}

void RunProgress::showProgress(int batch, double samplesPerS, double secondsPerBatch) {
    QString text = tr("Epoch %1/%2 · batch %3/%4").arg(m_epoch).arg(m_epochs).arg(batch).arg(m_batches);
    if (samplesPerS > 0) text += tr(" · %L1 samples/s").arg(qRound(samplesPerS));
    if (secondsPerBatch > 0) {
        const int left = (m_batches - batch) + (m_epochs - m_epoch) * m_batches;
        text += tr(" · ETA %1").arg(clock(left * secondsPerBatch));
    }
    m_text->setText(text);
}

void RunProgress::onEpochEnded(const mlpw::EpochMetrics& m) { m_bar->setValue(m.epoch * m.batches); }

void RunProgress::appendLog(const QString& line) { m_log->appendPlainText(line); }

void RunProgress::onFinished(const RunOutcome& outcome) {
    if (outcome.reason == RunOutcome::Reason::completed) m_bar->setValue(m_bar->maximum());
    m_text->setText(tr("Epoch %1/%2 · done").arg(outcome.epochs_run).arg(m_epochs));
}
