#pragma once
// How a report over runs is cut into sections (export/run_report.h), the same for `mlpw study` and the window's
// File > Export report…: one section per study question (mlpw::study_questions) with the runs of its presets, in
// the study's order — a run belongs to a preset by its experiment name, a sweep point's name being
// "<preset> (<point>)" (mlpw::sweep_runs) — then one section of the runs no question claims. A run of a preset in
// two questions (the baseline) stands in both.
#include <QString>
#include <vector>

#include "export/run_report.h"
#include "mlpw/report/study.h"

// The preset an experiment name comes from: "regularization_sweep (l2, seed=3)" -> "regularization_sweep".
std::string preset_of(const std::string& experiment_name);

struct SectionOptions {
    std::vector<mlpw::StudyQuestion> questions = mlpw::study_questions();
    bool keepEmptyQuestions = false;  // a question none of whose presets ran: a section saying "No runs." (a study)
    QString othersTitle;              // the section of the runs no question claims ("" : a translated "Other runs")
};

// Without a run of any question: one section of all the runs, titled othersTitle.
std::vector<ReportSection> report_sections(const std::vector<mlpw::RunRecord>& runs,
                                           const SectionOptions& options = {});
