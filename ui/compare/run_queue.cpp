#include "compare/run_queue.h"

#include <QTimer>

RunQueue::RunQueue(std::function<bool(const mlpw::ExperimentSpec&)> start, std::function<void()> stop, QObject* parent)
    : QObject(parent), m_start(std::move(start)), m_stop(std::move(stop)) {}

void RunQueue::enqueue(const QString& title, std::vector<mlpw::ExperimentSpec> runs) {
    if (runs.empty()) return;
    if (!isActive()) {
        m_done = m_total = 0;
        m_secondsDone = 0.0;
        m_title = title;
    }
    m_total += int(runs.size());
    for (auto& spec : runs) m_waiting.push_back(std::move(spec));
    if (!m_running) startNext();
    emit progressChanged();
}

double RunQueue::etaSeconds() const {
    if (m_done == 0) return -1.0;
    return m_secondsDone / m_done * (m_total - m_done);
}

void RunQueue::startNext() {
    while (!m_waiting.empty()) {
        mlpw::ExperimentSpec spec = std::move(m_waiting.front());
        m_waiting.pop_front();
        m_runClock.start();
        if (m_start(spec)) {
            m_running = true;
            return;
        }
        ++m_done;  // could not start (e.g. a run of the user's is going on): skipped, counted as done
    }
    m_running = false;
    emit ended(false);
}

void RunQueue::runFinished(const RunOutcome& outcome) {
    if (!m_running) return;  // a run of the user's
    m_running = false;
    ++m_done;
    m_secondsDone += m_runClock.elapsed() / 1000.0;
    if (m_cancelled || outcome.reason == RunOutcome::Reason::user) {
        m_cancelled = false;
        m_waiting.clear();
        m_total = m_done;
        emit progressChanged();
        emit ended(true);
        return;
    }
    emit progressChanged();
    // After the other receivers of the same signal (the window files the run first).
    QTimer::singleShot(0, this, [this] {
        if (!m_running) startNext();
    });
}

void RunQueue::cancel() {
    if (!isActive()) return;
    m_waiting.clear();
    m_total = m_done + (m_running ? 1 : 0);
    emit progressChanged();
    if (m_running) {
        m_cancelled = true;  // its runFinished() ends the queue
        m_stop();
    } else {
        emit ended(true);
    }
}
