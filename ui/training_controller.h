#pragma once
// Owns the training thread: start() moves a TrainingWorker to a new QThread, stop() sets the shared flag
// (the worker's event loop is busy while training, so no queued call would arrive). One run at a time.
// The GUI thread never waits on the worker, except in shutdown() (window closing): flag, quit, wait.
#include <QObject>

#include <memory>

#include "mlpw/dataset.h"
#include "mlpw/experiment.h"
#include "training_types.h"

class QThread;
class TrainingWorker;
struct RunFlags;

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    // False (and nothing happens) while a run is going on or without data.
    bool start(const mlpw::ExperimentSpec& spec, std::shared_ptr<const mlpw::Dataset> data);
    bool isRunning() const { return m_thread != nullptr; }
    bool isPaused() const;
    // Stops the run and waits for its thread; true when it ended within the time.
    bool shutdown(int timeoutMs = 1000);

public slots:
    void stop();
    void setPaused(bool paused);

signals:
    void runningChanged(bool running);
    void prepared(const QString& threads, int trainSamples, int validationSamples);
    void epochBegan(int epoch, int epochs, int batches);
    void batchesReady(const BatchUpdate& update);
    void epochEnded(const RunSnapshot& record);
    void logLine(const QString& line);
    void finished(const RunOutcome& outcome);  // after the thread has ended

private:
    void onThreadFinished();

    QThread* m_thread = nullptr;
    TrainingWorker* m_worker = nullptr;
    std::shared_ptr<RunFlags> m_flags;
    RunOutcome m_outcome;
};
