#pragma once
// Runs queued experiments one after the other on the window's training worker (Repeat × N, a sweep's grid, the
// study): starts the next when the previous has finished, counts them, estimates the time left from the runs
// done, and cancels (the rest is dropped, the current run stopped). The window's start function does the
// starting, so a queued run is an ordinary run of the RunStore.
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <vector>

#include "mlpw/experiment/experiment.h"
#include "run/training_types.h"

class RunQueue : public QObject {
    Q_OBJECT
public:
    // start: begins a run of the experiment (false: it could not start); stop: stops the current run.
    RunQueue(std::function<bool(const mlpw::ExperimentSpec&)> start, std::function<void()> stop,
             QObject* parent = nullptr);

    // Appends the runs (their experiment's name is the run's name) under a title ("Repeat × 3", "Sweep"…) and
    // starts the first when the queue was idle.
    void enqueue(const QString& title, std::vector<mlpw::ExperimentSpec> runs);
    bool isActive() const { return m_running || !m_waiting.empty(); }
    int done() const { return m_done; }
    int total() const { return m_total; }
    // Seconds left: the mean of the runs done times the runs left (-1 before the first has finished).
    double etaSeconds() const;
    QString title() const { return m_title; }

public slots:
    // The window's run ended (TrainingController::finished): the next one starts; a user's stop cancels the rest.
    void runFinished(const RunOutcome& outcome);
    void cancel();

signals:
    void progressChanged();
    // The last queued run has ended or the queue was cancelled.
    void ended(bool cancelled);

private:
    void startNext();

    std::function<bool(const mlpw::ExperimentSpec&)> m_start;
    std::function<void()> m_stop;
    std::deque<mlpw::ExperimentSpec> m_waiting;
    QString m_title;
    bool m_running = false;    // one of ours is on the worker
    bool m_cancelled = false;  // ... and is being stopped
    int m_done = 0, m_total = 0;
    double m_secondsDone = 0.0;  // wall time of the runs done (loading and testing included)
    QElapsedTimer m_runClock;
};
