#pragma once
// The window's runs: one RunRecord snapshot per run (of this session, or read from the open project by
// compare/run_project.h), oldest first, each with a unique name, and which one the views show.
// The live run's snapshot is replaced at each epoch end and when it finishes; the views (charts, later the
// confusion matrix, gallery, runs table) read the records from here and keep no history of their own.
#include <QObject>
#include <QString>

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
    bool isLive(int index) const { return index == m_live; }
    // A run's name: unique in the store (the project's folder of it); empty until named.
    QString name(int index) const { return m_names.at(size_t(index)); }
    void setName(int index, const QString& name);
    int indexOf(const QString& name) const;

    // The next update() opens a new run and makes it current.
    void beginRun();
    // The live run's newest snapshot (ignored when no run is live or the record is null).
    void update(const RunSnapshot& record);
    void endRun();
    void setCurrentIndex(int index);
    // A finished run from elsewhere (a project, an imported bundle, an opened model file); returns its index.
    int add(const RunSnapshot& record, const QString& name);
    // A finished run's record with more in it (its test result); the live run is not replaced.
    void replaceRun(int index, const RunSnapshot& record);
    // Removes a run that is not live (the indices after it move down by one).
    void remove(int index);

signals:
    void runAdded(int index);
    void runFinished(int index);  // the live run ended (endRun) with this record: it is final
    void runRenamed(int index);
    void runRemoved(int index);
    // The current run's record was replaced, or another run became current.
    void currentChanged(const RunSnapshot& record);

private:
    std::vector<RunSnapshot> m_runs;
    std::vector<QString> m_names;  // parallel to m_runs
    int m_current = -1;
    int m_live = -1;
    bool m_opening = false;
};
