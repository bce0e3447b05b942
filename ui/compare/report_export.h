#pragma once
// File > Export report…: the runs of the window (the selected ones, or all) as the report `mlpw study` writes
// (export/run_report.h: HTML with inline SVG, or PDF; a section per study question, export/report_sections.h),
// built and written on a pool thread from the store's snapshots (read-only, shared), so the GUI thread never
// waits on it; progress() tells how far it is.
#include <QObject>
#include <QString>
#include <QStringList>
#include <vector>

#include "export/run_report.h"
#include "run/training_types.h"

// The runs (weights left out) in sections as report_sections() cuts them: one per study question they answer,
// then the others under "Runs" (all of them when none is the study's).
ReportInput report_of(const QString& title, const std::vector<RunSnapshot>& runs, const QStringList& paths);

class ReportExport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ReportExport() override;  // waits for a report being written

    void start(const QString& title, std::vector<RunSnapshot> runs, const QStringList& paths, const QString& file);
    bool isBusy() const { return m_busy; }

signals:
    void progress(int done, int total);
    // problem: "" when written, else the message naming the file.
    void finished(const QString& file, const QString& problem);

private:
    bool m_busy = false;
    class QThreadPool* m_pool = nullptr;
};
