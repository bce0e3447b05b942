#pragma once
// Runs one experiment on its own thread (moved to a QThread by TrainingController) and turns the Trainer's
// events into queued signals carrying copies: at each epoch end a snapshot of the run's record (the GUI never
// touches the live record or model). Per-batch metrics are throttled here: at most one batchesReady every
// kUpdateInterval, carrying the latest values and the record's batch points added since the last one.
#include <QObject>

#include <atomic>
#include <chrono>
#include <memory>

#include "inspect/my_digits_score.h"
#include "mlpw/data/dataset.h"
#include "mlpw/experiment/experiment.h"
#include "run/training_types.h"

// Shared by the controller (GUI thread) and the worker; outlives both.
struct RunFlags {
    std::atomic<bool> stop{false};
    std::atomic<bool> pause{false};
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kUpdateInterval{75};  // 13 updates a second (<= 20)

    // `data` is loaded (by the window's DatasetCache): a run never loads a data set of its own.
    TrainingWorker(mlpw::ExperimentSpec spec, std::shared_ptr<const mlpw::Dataset> data,
                   std::shared_ptr<RunFlags> flags);
    // The person's drawings to score after every epoch (before the thread starts).
    void setMyDigits(std::shared_ptr<const mlpw::ImageSet> set) { m_myDigits = MyDigitsScores(std::move(set)); }

public slots:
    void run();

signals:
    void prepared(const QString& threads, int trainSamples, int validationSamples);
    void epochBegan(int epoch, int epochs, int batches);
    void batchesReady(const BatchUpdate& update);
    void epochEnded(const RunSnapshot& record);
    void logLine(const QString& line);
    void finished(const RunOutcome& outcome);

private:
    using Clock = std::chrono::steady_clock;
    void onBatch(const mlpw::BatchMetrics& m, const mlpw::RunRecord& record);
    void flush();

    mlpw::ExperimentSpec m_spec;
    std::shared_ptr<const mlpw::Dataset> m_data;
    std::shared_ptr<RunFlags> m_flags;
    MyDigitsScores m_myDigits;
    BatchUpdate m_pending;
    bool m_hasPending = false;
    size_t m_pointsSent = 0;  // of record.batches
    Clock::time_point m_lastEmit;
    Clock::time_point m_epochStart;
};
