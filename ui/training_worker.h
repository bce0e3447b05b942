#pragma once
// Runs one experiment on its own thread (moved to a QThread by TrainingController) and turns the Trainer's
// events into queued signals carrying copies. Per-batch metrics are throttled here: at most one
// batchesReady every kUpdateInterval, carrying the latest values and the points decimated since the last one.
#include <QObject>

#include <atomic>
#include <chrono>
#include <memory>

#include "mlpw/dataset.h"
#include "mlpw/experiment.h"
#include "training_types.h"

// Shared by the controller (GUI thread) and the worker; outlives both.
struct RunFlags {
    std::atomic<bool> stop{false};
    std::atomic<bool> pause{false};
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kUpdateInterval{75};  // 13 updates a second (<= 20)
    static constexpr int kPointsPerEpoch = 200;                      // chart points per epoch and series

    TrainingWorker(mlpw::ExperimentSpec spec, std::shared_ptr<const mlpw::Dataset> data, std::shared_ptr<RunFlags> flags);

public slots:
    void run();

signals:
    void dataReady(std::shared_ptr<const mlpw::Dataset> data);  // when the worker had to load it
    void prepared(const QString& threads, int trainSamples, int validationSamples);
    void epochBegan(int epoch, int epochs, int batches);
    void batchesReady(const BatchUpdate& update);
    void epochEnded(const mlpw::EpochMetrics& metrics, const mlpw::EvaluationResult& validation);
    void logLine(const QString& line);
    void finished(const RunOutcome& outcome);

private:
    using Clock = std::chrono::steady_clock;
    void onBatch(const mlpw::BatchMetrics& m);
    void flush();

    mlpw::ExperimentSpec m_spec;
    std::shared_ptr<const mlpw::Dataset> m_data;
    std::shared_ptr<RunFlags> m_flags;
    BatchUpdate m_pending;
    bool m_hasPending = false;
    Clock::time_point m_lastEmit;
    Clock::time_point m_epochStart;
};
