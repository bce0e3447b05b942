#pragma once
// "Run the study" (Run menu): every preset of the study's questions (mlpw::study_questions, the list `mlpw study`
// runs) in the study's order, each point of a sweep preset and each seed a run (mlpw::sweep_runs), for the
// window's run queue. Presets come from PresetLibrary.
#include <QStringList>
#include <vector>

#include "mlpw/experiment/experiment.h"

struct StudyRuns {
    std::vector<mlpw::ExperimentSpec> runs;
    QStringList problems;  // presets missing or unreadable: "<preset>: <why>"
};

StudyRuns study_runs(int seeds);
