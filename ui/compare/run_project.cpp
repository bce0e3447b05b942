#include "compare/run_project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <exception>
#include <memory>
#include <vector>

#include "mlpw/io/run_bundle.h"
#include "mlpw/io/runs_folder.h"
#include "run/run_store.h"
#include "run/tsan_handover.h"

namespace {

constexpr int kMaxNameLength = 120;
const QString kPartial = QStringLiteral(".partial");

struct LoadedRun {
    QString name;    // the folder's name
    QString source;  // its folder; for an import, once copied, the copy's temporary folder in the project
    RunSnapshot record;
};
struct LoadResult {
    std::vector<LoadedRun> runs;
    QStringList problems;
};

QString broken_line(const std::string& path, const std::string& error) {
    return QCoreApplication::translate("RunProject", "%1: %2")
        .arg(QString::fromStdString(path), QString::fromStdString(error));
}

// The bundles of `dir` (itself, or those below it down to max_depth) read back (mlpw/io/runs_folder.h).
void read_bundles(const QString& dir, int maxDepth, LoadResult& result) {
    try {
        mlpw::RunsFolderOptions options;
        options.max_depth = maxDepth;
        mlpw::RunsFolder folder = mlpw::read_runs_folder(dir.toStdString(), options);
        for (mlpw::FolderRun& run : folder.runs) {
            const QString path = QString::fromStdString(run.path);
            result.runs.push_back(
                {QDir(path).dirName(), path, std::make_shared<const mlpw::RunRecord>(std::move(run.record))});
        }
        for (const mlpw::BrokenRun& broken : folder.broken) result.problems << broken_line(broken.path, broken.error);
    } catch (const std::exception& e) {
        result.problems << QString::fromUtf8(e.what());
    }
}

// The bundles in a project folder, one per subfolder; stale ".partial" folders of an interrupted write go first.
LoadResult read_project(const QString& folder) {
    LoadResult result;
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        result.problems
            << QCoreApplication::translate("RunProject", "%1: cannot create the project folder").arg(folder);
        return result;
    }
    for (const QString& name : dir.entryList({QLatin1Char('*') + kPartial}, QDir::Dirs | QDir::Hidden))
        QDir(dir.filePath(name)).removeRecursively();
    read_bundles(folder, 1, result);
    return result;
}

// Reads each bundle (or folder of bundles) and copies it into `project` as ".import-<batch>-<k>.partial".
LoadResult copy_bundles(const QStringList& sources, const QString& project, int batch) {
    LoadResult read;
    for (const QString& source : sources) read_bundles(source, 4, read);
    LoadResult result;
    result.problems = read.problems;
    for (size_t k = 0; k < read.runs.size(); ++k) {
        LoadedRun& run = read.runs[k];
        const QDir source(run.source);
        const QString partial =
            QDir(project).filePath(QStringLiteral(".import-%1-%2%3").arg(batch).arg(k).arg(kPartial));
        QDir(partial).removeRecursively();
        bool copied = QDir().mkpath(partial);
        for (const QString& file : source.entryList(QDir::Files))
            copied = copied && QFile::copy(source.filePath(file), QDir(partial).filePath(file));
        if (!copied) {
            QDir(partial).removeRecursively();
            result.problems
                << QCoreApplication::translate("RunProject", "%1: cannot copy it into %2").arg(run.source, project);
            continue;
        }
        run.source = partial;
        result.runs.push_back(std::move(run));
    }
    return result;
}

// Renames `from` to `to` in `folder`, replacing nothing: false when `to` exists or the rename fails.
bool rename_run_folder(const QString& folder, const QString& from, const QString& to) {
    QDir dir(folder);
    return !dir.exists(to) && dir.rename(from, to);
}

}  // namespace

QString run_folder_name(const QString& name) {
    QString out;
    for (const QChar c : name.trimmed())
        out += (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            ? QLatin1Char('_')
            : c;
    while (out.startsWith(QLatin1Char('.'))) out.remove(0, 1);
    return out.left(kMaxNameLength).trimmed();
}

RunProject::RunProject(RunStore* store, QObject* parent) : QObject(parent), m_store(store) {
    m_disk.setMaxThreadCount(1);
    connect(m_store, &RunStore::runAdded, this, &RunProject::onRunAdded);
    connect(m_store, &RunStore::runFinished, this, &RunProject::onRunFinished);
}

RunProject::~RunProject() { m_disk.waitForDone(); }

QString RunProject::defaultFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("projects/default"));
}

// The job is made on this thread, run and destroyed on the pool's (its queue is a QMutex: run/tsan_handover.h).
void RunProject::enqueue(std::function<void()> job) {
    std::function<void()> run = [this, job = std::move(job)] {
        tsan::takeOver(this);
        job();
    };
    tsan::handOver(this);
    m_disk.start(std::move(run));
}

void RunProject::waitForIdle() {
    for (int round = 0; round < 3; ++round) {  // a result may queue a rename, whose own result is delivered next
        m_disk.waitForDone();
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    }
}

QString RunProject::uniqueName(const QString& base) const {
    QString stem = run_folder_name(base);
    if (stem.isEmpty()) stem = tr("run");
    const auto taken = [&](const QString& name) {
        return m_store->indexOf(name) >= 0 || (!m_folder.isEmpty() && QDir(m_folder).exists(name));
    };
    QString name = stem;
    for (int n = 2; taken(name); ++n) name = tr("%1 %2").arg(stem).arg(n);
    return name;
}

void RunProject::onRunAdded(int index) {
    if (m_store->name(index).isEmpty())
        m_store->setName(index, uniqueName(QString::fromStdString(m_store->at(index)->experiment.name)));
}

void RunProject::onRunFinished(int index) {
    const RunSnapshot record = m_store->at(index);
    if (m_folder.isEmpty() || !record || record->epochs_run() == 0) return;  // nothing a bundle could show
    const QString folder = m_folder, name = m_store->name(index);
    enqueue([this, folder, name, record] {
        const QString partial = QDir(folder).filePath(QLatin1Char('.') + name + kPartial);
        QString problem;
        try {
            QDir(partial).removeRecursively();
            mlpw::write_run_bundle(partial.toStdString(), *record);
            if (!rename_run_folder(folder, partial, name))
                problem = tr("%1: cannot rename %2 to it").arg(QDir(folder).filePath(name), partial);
        } catch (const std::exception& e) {
            problem = QString::fromUtf8(e.what());
        }
        if (problem.isEmpty()) return;
        QDir(partial).removeRecursively();
        QMetaObject::invokeMethod(this, [this, problem] { emit problems(tr("Cannot save the run"), {problem}); });
    });
}

void RunProject::open(const QString& folder) {
    for (int i = m_store->size() - 1; i >= 0; --i)
        if (!m_store->isLive(i)) m_store->remove(i);
    m_folder = QDir(folder).absolutePath();
    const int generation = ++m_generation;
    enqueue([this, folder = m_folder, generation] {
        auto result = std::make_shared<LoadResult>(read_project(folder));
        tsan::handOver(this);  // the loaded runs, read on the GUI thread (run/tsan_handover.h)
        QMetaObject::invokeMethod(this, [this, result, folder, generation] {
            tsan::takeOver(this);
            if (generation != m_generation) return;
            for (const LoadedRun& run : result->runs)
                if (m_store->indexOf(run.name) < 0) m_store->add(run.record, run.name);
            if (!result->problems.isEmpty())
                emit problems(tr("Some runs of the project cannot be read; the others are loaded"), result->problems);
            emit opened(folder, int(result->runs.size()));
        });
    });
}

void RunProject::importBundles(const QStringList& folders) {
    if (m_folder.isEmpty()) {  // no project open: the runs are shown, not kept
        enqueue([this, folders] {
            auto result = std::make_shared<LoadResult>();
            for (const QString& folder : folders) read_bundles(folder, 4, *result);
            tsan::handOver(this);
            QMetaObject::invokeMethod(this, [this, result] {
                tsan::takeOver(this);
                for (const LoadedRun& run : result->runs) m_store->add(run.record, uniqueName(run.name));
                if (!result->problems.isEmpty())
                    emit problems(tr("Some runs cannot be imported; the others are"), result->problems);
                emit imported(int(result->runs.size()));
            });
        });
        return;
    }
    const int generation = m_generation;
    const int batch = ++m_imports;
    enqueue([this, folders, project = m_folder, generation, batch] {
        auto result = std::make_shared<LoadResult>(copy_bundles(folders, project, batch));
        tsan::handOver(this);
        QMetaObject::invokeMethod(this, [this, result, project, generation] {
            tsan::takeOver(this);
            if (generation != m_generation) {  // another project was opened meanwhile: drop the copies
                for (const LoadedRun& run : result->runs) QDir(run.source).removeRecursively();
                return;
            }
            for (const LoadedRun& run : result->runs) {
                const QString name = uniqueName(run.name);
                m_store->add(run.record, name);
                enqueue([this, project, partial = run.source, name] {
                    if (rename_run_folder(project, partial, name)) return;
                    QMetaObject::invokeMethod(this, [this, name] {
                        emit problems(tr("Cannot import the run"),
                                      {tr("%1: cannot be written into the project").arg(name)});
                    });
                });
            }
            if (!result->problems.isEmpty())
                emit problems(tr("Some runs cannot be imported; the others are"), result->problems);
            emit imported(int(result->runs.size()));
        });
    });
}

void RunProject::removeRun(int index) {
    if (index < 0 || index >= m_store->size() || m_store->isLive(index)) return;
    const QString name = m_store->name(index);
    m_store->remove(index);
    if (m_folder.isEmpty() || name.isEmpty()) return;
    enqueue([folder = m_folder, name] { QDir(QDir(folder).filePath(name)).removeRecursively(); });
}

bool RunProject::renameRun(int index, const QString& name) {
    const QString folderName = run_folder_name(name);
    if (index < 0 || index >= m_store->size() || folderName.isEmpty() || folderName != name.trimmed()) return false;
    const QString old = m_store->name(index);
    if (folderName == old) return true;
    if (uniqueName(folderName) != folderName) return false;
    m_store->setName(index, folderName);
    if (!m_folder.isEmpty() && !m_store->isLive(index))
        enqueue([this, folder = m_folder, old, folderName] {
            if (!QDir(folder).exists(old) || rename_run_folder(folder, old, folderName)) return;
            QMetaObject::invokeMethod(this, [this, old, folderName] {
                emit problems(tr("Cannot rename the run"), {tr("%1: cannot be renamed to %2").arg(old, folderName)});
            });
        });
    return true;
}
