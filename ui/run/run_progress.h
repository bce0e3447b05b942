#pragma once
// Where a run stands: a progress bar over all batches of all epochs, epoch x/N, batch, samples/s and the time
// left; below it the Keras-style training log.
#include <QWidget>

#include "mlpw/training/metrics.h"
#include "run/training_types.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;

class RunProgress : public QWidget {
    Q_OBJECT
public:
    explicit RunProgress(QWidget* parent = nullptr);
    QString progressText() const;
    QPlainTextEdit* log() const { return m_log; }

public slots:
    void reset(int epochs);
    void onEpochBegan(int epoch, int epochs, int batches);
    void onBatches(const BatchUpdate& update);
    void onEpochEnded(const mlpw::EpochMetrics& metrics);
    void appendLog(const QString& line);
    void onFinished(const RunOutcome& outcome);

private:
    void showProgress(int batch, double samplesPerS, double secondsPerBatch);

    QProgressBar* m_bar;
    QLabel* m_text;
    QPlainTextEdit* m_log;
    int m_epoch = 0, m_epochs = 0, m_batches = 0;
};
