#include "compare/study_runs.h"

#include <QCoreApplication>

#include <set>

#include "mlpw/experiment/seed_repeats.h"
#include "mlpw/report/study.h"
#include "shell/preset_library.h"

StudyRuns study_runs(int seeds) {
    StudyRuns study;
    std::set<std::string> queued;  // a preset in two questions (the baseline) runs once
    for (const mlpw::StudyQuestion& question : mlpw::study_questions())
        for (const std::string& preset : question.presets) {
            if (!queued.insert(preset).second) continue;
            const QString name = QString::fromStdString(preset);
            const QString path = PresetLibrary::path(name);
            try {
                if (path.isEmpty())
                    throw mlpw::Error(QCoreApplication::translate("StudyRuns", "not found in %1")
                                          .arg(PresetLibrary::directory())
                                          .toStdString());
                for (mlpw::SweepPoint& point : mlpw::sweep_runs(mlpw::load_experiment(path.toStdString()), seeds))
                    study.runs.push_back(std::move(point.spec));
            } catch (const std::exception& e) {
                study.problems
                    << QCoreApplication::translate("StudyRuns", "%1: %2").arg(name, QString::fromUtf8(e.what()));
            }
        }
    return study;
}
