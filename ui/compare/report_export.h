#pragma once
// File > Export report…: the runs of the window (the selected ones, or all) as the report `mlpw report` writes
// (export/run_report.h: HTML with inline SVG, or PDF), built and written on a pool thread from the store's
// snapshots (read-only, shared), so the GUI thread never waits on it.
#include <QObject>
#include <QString>
#include <QStringList>
#include <vector>

#include "export/run_report.h"
#include "run/training_types.h"

// One section of the runs, in the order given (the first is the section's reference); weights left out.
ReportInput report_of(const QString& title, const std::vector<RunSnapshot>& runs, const QStringList& paths);

class ReportExport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ReportExport() override;  // waits for a report being written

    void start(const QString& title, std::vector<RunSnapshot> runs, const QStringList& paths, const QString& file);
    bool isBusy() const { return m_busy; }

signals:
    // problem: "" when written, else the message naming the file.
    void finished(const QString& file, const QString& problem);

private:
    bool m_busy = false;
    class QThreadPool* m_pool = nullptr;
};
