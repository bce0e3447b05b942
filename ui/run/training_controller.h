#pragma once
// Owns the training thread: start() moves a TrainingWorker to a new QThread, stop() sets the shared flag
// (the worker's event loop is busy while training, so no queued call would arrive). One run at a time.
// Lifetime as in Qt's Mandelbrot example: the owner stops the run and waits for its thread, and nothing outlives
// the controller (its destructor waits as long as it takes). The GUI thread never waits on the worker, except
// in shutdown() (window closing) and the destructor.
#include <QObject>

#include <memory>

#include "mlpw/data/dataset.h"
#include "mlpw/experiment/experiment.h"
#include "run/training_types.h"

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
    // True from start() until the thread has ended (also after a shutdown() that timed out).
    bool isRunning() const { return m_thread != nullptr; }
    bool isPaused() const;
    // Stops the run and waits up to timeoutMs (-1: as long as it takes) for its thread. True when it has ended;
    // false when it is still finishing a step: the run is kept (isRunning()) and finished() follows as usual.
    // After a true return no signal of the run arrives any more.
    bool shutdown(int timeoutMs = 1000);

public slots:
    void stop();
    void setPaused(bool paused);
    // My digits (ui/inspect/my_digits.h), scored after every epoch of the runs started from now on.
    void setMyDigits(std::shared_ptr<const mlpw::ImageSet> set) { m_myDigits = std::move(set); }

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
    void release();  // the thread has ended: deletes worker and thread

    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<TrainingWorker> m_worker;  // lives in m_thread; deleted after it has ended
    std::shared_ptr<RunFlags> m_flags;
    RunOutcome m_outcome;
    std::shared_ptr<const mlpw::ImageSet> m_myDigits;
};
