#pragma once
// The window's runs: one RunRecord snapshot per run of this session, oldest first, and which one the views show.
// The live run's snapshot is replaced at each epoch end and when it finishes; the views (charts, later the
// confusion matrix, gallery, runs table) read the records from here and keep no history of their own.
#include <QObject>

#include <vector>

#include "run/training_types.h"

class RunStore : public QObject {
    Q_OBJECT
public:
    explicit RunStore(QObject* parent = nullptr);

    int size() const { return int(m_runs.size()); }
    const RunSnapshot& at(int index) const { return m_runs.at(size_t(index)); }
    int currentIndex() const { return m_current; }
    RunSnapshot current() const { return m_current < 0 ? nullptr : at(m_current); }
    bool hasLiveRun() const { return m_live >= 0; }
    int liveIndex() const { return m_live; }  // -1: none

    // The next update() opens a new run and makes it current.
    void beginRun();
    // The live run's newest snapshot (ignored when no run is live or the record is null).
    void update(const RunSnapshot& record);
    void endRun();
    void setCurrentIndex(int index);
    // A run that is not trained here (an opened model file): appended and made current.
    void addRun(const RunSnapshot& record);
    // A finished run's record with more in it (its test result); the live run is not replaced.
    void replaceRun(int index, const RunSnapshot& record);

signals:
    void runAdded(int index);
    void runEnded(int index);  // the live run finished; its record is final
    // The current run's record was replaced, or another run became current.
    void currentChanged(const RunSnapshot& record);

private:
    std::vector<RunSnapshot> m_runs;
    int m_current = -1;
    int m_live = -1;
    bool m_opening = false;
};
