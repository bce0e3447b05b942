#include "compare/report_export.h"

#include <QCoreApplication>
#include <QThreadPool>

#include "export/report_sections.h"

ReportInput report_of(const QString& title, const std::vector<RunSnapshot>& runs, const QStringList& paths) {
    ReportInput input;
    input.title = title;
    for (size_t i = 0; i < runs.size(); ++i) {
        mlpw::RunRecord record = *runs[i];
        record.best_weights = {};  // a report draws no weights
        record.final_weights = {};
        input.runs.push_back(std::move(record));
        input.paths.push_back(paths.value(qsizetype(i)));
    }
    SectionOptions options;
    options.othersTitle = QCoreApplication::translate("ReportExport", "Runs");
    input.sections = report_sections(input.runs, options);
    return input;
}

ReportExport::~ReportExport() {
    if (m_pool) m_pool->waitForDone();
}

void ReportExport::start(const QString& title, std::vector<RunSnapshot> runs, const QStringList& paths,
                         const QString& file) {
    if (m_busy) return;
    m_busy = true;
    if (!m_pool) {
        m_pool = new QThreadPool(this);
        m_pool->setMaxThreadCount(1);
    }
    m_pool->start([this, title, runs = std::move(runs), paths, file] {
        const auto step = [this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] { emit progress(done, total); });
        };
        const QString problem = write_report(report_of(title, runs, paths), file, step);
        QMetaObject::invokeMethod(this, [this, file, problem] {
            m_busy = false;
            emit finished(file, problem);
        });
    });
}
