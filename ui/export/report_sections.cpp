// See report_sections.h.
#include "export/report_sections.h"

#include <QCoreApplication>
#include <string>

namespace {

// The translation context of this file's texts ("ReportSections").
struct ReportSections {
    Q_DECLARE_TR_FUNCTIONS(ReportSections)
};

}  // namespace

std::string preset_of(const std::string& experiment_name) {
    const size_t point = experiment_name.find(" (");
    return point == std::string::npos ? experiment_name : experiment_name.substr(0, point);
}

std::vector<ReportSection> report_sections(const std::vector<mlpw::RunRecord>& runs, const SectionOptions& options) {
    std::vector<ReportSection> sections;
    std::vector<bool> claimed(runs.size(), false);
    for (const mlpw::StudyQuestion& q : options.questions) {
        ReportSection section{QString::fromStdString(q.title), QString::fromStdString(q.question), {}};
        for (const std::string& preset : q.presets)  // the presets' order: the first is the section's reference
            for (size_t i = 0; i < runs.size(); ++i)
                if (preset_of(runs[i].experiment.name) == preset) {
                    section.runs.push_back(i);
                    claimed[i] = true;
                }
        if (!section.runs.empty() || options.keepEmptyQuestions) sections.push_back(std::move(section));
    }
    ReportSection others{
        options.othersTitle.isEmpty() ? ReportSections::tr("Other runs") : options.othersTitle, QString(), {}};
    for (size_t i = 0; i < runs.size(); ++i)
        if (!claimed[i]) others.runs.push_back(i);
    if (!others.runs.empty()) sections.push_back(std::move(others));
    return sections;
}
