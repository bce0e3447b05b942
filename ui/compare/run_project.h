#pragma once
// The open project: a folder of run bundles in the CLI's format (mlpw/io/run_bundle.h, `mlpw train --out`), one
// folder per run of the RunStore, named as the run. Finished window runs are written there, imported bundles are
// copied in, renames and deletes follow the table. Every disk operation runs in order on one background thread
// (the GUI thread never waits on files); a run folder appears whole: written as ".<name>.partial", then renamed.
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <functional>

class RunStore;

class RunProject : public QObject {
    Q_OBJECT
public:
    // Watches `store`: names new runs, writes finished ones.
    explicit RunProject(RunStore* store, QObject* parent = nullptr);
    ~RunProject() override;  // finishes the pending disk operations

    // <AppDataLocation>/projects/default: the project the window opens at start.
    static QString defaultFolder();
    QString folder() const { return m_folder; }

    // Replaces the store's finished runs by the folder's bundles (the folder is created when missing); the
    // bundles that cannot be read are named by problems(), the others load. opened() follows.
    void open(const QString& folder);
    // Copies bundles (or folders of bundles, as `mlpw sweep --out` writes) into the project and adds their runs.
    void importBundles(const QStringList& folders);
    // Deletes the run from the store and its folder from the project.
    void removeRun(int index);
    // False when `name` is empty, not a folder name or taken.
    bool renameRun(int index, const QString& name);
    // `base` made a folder name, with " 2", " 3"… appended when the store or the folder has it already.
    QString uniqueName(const QString& base) const;
    // Waits for the queued disk operations and delivers their results (tests).
    void waitForIdle();

signals:
    void opened(const QString& folder, int runs);
    void imported(int runs);
    // Bundles that could not be read, writes that failed: one line each naming the folder and the problem.
    void problems(const QString& title, const QStringList& lines);

private:
    void onRunAdded(int index);
    void onRunFinished(int index);
    void enqueue(std::function<void()> job);

    RunStore* m_store;
    QString m_folder;
    QThreadPool m_disk;    // one thread: the operations keep their order
    int m_generation = 0;  // an open() drops the results of earlier ones still under way
    int m_imports = 0;     // numbers the imports' temporary folders
};

// A run name as a folder name: path separators and control characters become "_", no leading dot, at most 120
// characters; empty when nothing is left.
QString run_folder_name(const QString& name);
