// Faults on disk: a save that fails part-way (the file size limit, the process killed during the write) and data
// that cannot be read. Each gives a message naming the file and the reason, never a crash, and a failed save
// leaves the previous file intact and readable.
//
// The failing saves run in a forked child (the parent has not used OpenMP yet when it forks, so the child may):
// RLIMIT_FSIZE makes write() fail with EFBIG once the temp file reaches the limit (SIGXFSZ ignored), or kills
// the child with SIGXFSZ in the middle of the write (SIGXFSZ at its default action). The tests run as root, whom
// permission bits do not stop: the unreadable-folder rows drop to the unprivileged user "nobody" in a child.
#include <QTemporaryDir>
#include <QtTest>

#include <pwd.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

#include "mlpw/data/dataset.h"
#include "mlpw/errors.h"
#include "mlpw/experiment/experiment.h"
#include "mlpw/io/model_io.h"

using namespace mlpw;

namespace {

struct ChildResult {
    int status = 0;   // as waitpid returns it
    QString message;  // what the child wrote: the exception text, or "ok"
};

// Runs `body` in a forked child; its exception text (or "ok") comes back through a pipe.
ChildResult inChild(const std::function<void()>& body) {
    int fds[2];
    if (::pipe(fds) != 0) return {-1, QStringLiteral("pipe failed")};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        std::string text = "ok";
        try {
            body();
        } catch (const std::exception& e) {
            text = e.what();
        }
        if (::write(fds[1], text.data(), text.size()) < 0) _exit(3);
        _exit(0);
    }
    ::close(fds[1]);
    QByteArray bytes;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) bytes.append(buffer, int(n));
    ::close(fds[0]);
    ChildResult result;
    ::waitpid(pid, &result.status, 0);
    result.message = QString::fromUtf8(bytes);
    return result;
}

void limitFileSize(rlim_t bytes, bool killOnExcess) {
    ::signal(SIGXFSZ, killOnExcess ? SIG_DFL : SIG_IGN);
    const rlimit limit{bytes, bytes};
    ::setrlimit(RLIMIT_FSIZE, &limit);
}

// A model file of `units` hidden units (weights only: no network is built, so no OpenMP before fork()).
ModelFile modelFile(int units, float fill) {
    ModelFile m;
    m.experiment.name = "faults";
    LayerSpec hidden, out;
    hidden.units = units;
    hidden.activation = ActivationFn::relu;
    out.units = 3;
    out.activation = ActivationFn::softmax;
    m.experiment.model.layers = {hidden, out};
    m.image_rows = m.image_cols = 4;
    m.class_names = {"a", "b", "c"};
    m.weights = {{"dense/kernel", {units, 16}, std::vector<float>(size_t(units) * 16, fill)},
                 {"dense/bias", {units}, std::vector<float>(size_t(units), fill)},
                 {"dense_1/kernel", {3, units}, std::vector<float>(size_t(units) * 3, fill)},
                 {"dense_1/bias", {3}, std::vector<float>(3, fill)}};
    return m;
}

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray be32(quint32 v) {
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    return QByteArray(b, 4);
}

// The four IDX files of a 2-image, 2x2 data set.
void writeDataFolder(const QString& folder) {
    QVERIFY(QDir().mkpath(folder));
    const QByteArray images = be32(0x803) + be32(2) + be32(2) + be32(2) + QByteArray(8, 5);
    const QByteArray labels = be32(0x801) + be32(2) + QByteArray("\x00\x01", 2);
    for (const char* name : {"train-images-idx3-ubyte", "t10k-images-idx3-ubyte"}) {
        QFile f(folder + "/" + name);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(images) == images.size());
    }
    for (const char* name : {"train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte"}) {
        QFile f(folder + "/" + name);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(labels) == labels.size());
    }
}

// Becomes "nobody" when running as root, so that permission bits apply.
void dropPrivileges() {
    if (::getuid() != 0) return;
    const passwd* nobody = ::getpwnam("nobody");
    if (!nobody || ::setgid(nobody->pw_gid) != 0 || ::setuid(nobody->pw_uid) != 0)
        throw std::runtime_error("cannot become nobody");
}

}  // namespace

class TestFaults : public QObject {
    Q_OBJECT
private slots:
    void saveFailsPartWay_data();
    void saveFailsPartWay();
    void killedDuringTheWrite();
    void killedAtAnyMoment();
    void unreadableData_data();
    void unreadableData();
};

void TestFaults::saveFailsPartWay_data() {
    QTest::addColumn<bool>("model");
    QTest::newRow("model file") << true;
    QTest::newRow("experiment file") << false;
}

void TestFaults::saveFailsPartWay() {
    // The disk "fills" at 4 KiB: the new file (~40 KiB) cannot be written; the old one stays as it was.
    QFETCH(bool, model);
    QTemporaryDir dir;
    const QString path = dir.filePath(model ? "model.mlpw" : "experiment.json");
    ExperimentSpec big = modelFile(8, 0.0f).experiment;
    big.description = std::string(40000, 'x');
    if (model) save_model(modelFile(8, 0.25f), path.toStdString());
    else save_experiment(modelFile(8, 0.0f).experiment, path.toStdString());
    const QByteArray before = contents(path);
    QVERIFY(before.size() > 0 && before.size() < 4096);

    const ChildResult child = inChild([&] {
        limitFileSize(4096, false);
        if (model) save_model(modelFile(600, 0.5f), path.toStdString());
        else save_experiment(big, path.toStdString());
    });
    qInfo("%s", qPrintable(child.message));
    QVERIFY2(WIFEXITED(child.status) && WEXITSTATUS(child.status) == 0, qPrintable(child.message));
    QVERIFY2(child.message.startsWith(path + ": cannot write"), qPrintable(child.message));
    QVERIFY2(child.message.contains("File too large"), qPrintable(child.message));
    QCOMPARE(contents(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);  // the temp file was removed
    if (model) QVERIFY(load_model(path.toStdString()).weights == modelFile(8, 0.25f).weights);
    else QCOMPARE(load_experiment(path.toStdString()).name, std::string("faults"));
}

void TestFaults::killedDuringTheWrite() {
    // SIGXFSZ kills the writer half-way through its temp file: the target is untouched and still loads.
    QTemporaryDir dir;
    const QString path = dir.filePath("model.mlpw");
    save_model(modelFile(8, 0.25f), path.toStdString());
    const QByteArray before = contents(path);
    const ChildResult child = inChild([&] {
        limitFileSize(8192, true);
        save_model(modelFile(600, 0.5f), path.toStdString());
    });
    QVERIFY2(WIFSIGNALED(child.status) && WTERMSIG(child.status) == SIGXFSZ, qPrintable(child.message));
    QCOMPARE(contents(path), before);
    QVERIFY(load_model(path.toStdString()).weights == modelFile(8, 0.25f).weights);
    // The killed writer could not clean up: its partial temp file stays beside the target, under another name.
    for (const QString& name : QDir(dir.path()).entryList(QDir::Files))
        QVERIFY2(name == "model.mlpw" || name.startsWith("model.mlpw.tmp-"), qPrintable(name));
}

void TestFaults::killedAtAnyMoment() {
    // A child saves two different models over the same file in a loop and is killed with SIGKILL at some
    // moment: the file is always one of the two, complete.
    QTemporaryDir dir;
    const QString path = dir.filePath("model.mlpw");
    const ModelFile a = modelFile(300, 0.25f), b = modelFile(300, 0.5f);
    save_model(a, path.toStdString());
    for (int round = 0; round < 5; ++round) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            for (int i = 0;; ++i) {
                try {
                    save_model(i % 2 ? a : b, path.toStdString());
                } catch (...) {
                    _exit(2);
                }
            }
        }
        QTest::qSleep(20 + 17 * round);
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        const ModelFile kept = load_model(path.toStdString());
        QVERIFY(kept.weights == a.weights || kept.weights == b.weights);
    }
}

void TestFaults::unreadableData_data() {
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("expected");  // in the message, after the path
    QTest::newRow("a folder where an image file belongs") << "folder"
                                                          << "train-images-idx3-ubyte";
    QTest::newRow("folder without permissions (as nobody)") << "folder 000"
                                                            << "Permission denied";
    QTest::newRow("image file without permissions (as nobody)") << "file 000"
                                                                << "Permission denied";
}

void TestFaults::unreadableData() {
    QFETCH(QString, fault);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);  // nobody may enter the temp folder
    const QString folder = dir.filePath("data");
    writeDataFolder(folder);
    const QByteArray images = QFile::encodeName(folder + "/train-images-idx3-ubyte");
    if (fault == "folder") {
        QVERIFY(QFile::remove(QString::fromLocal8Bit(images)));
        QVERIFY(QDir().mkdir(QString::fromLocal8Bit(images)));
    } else if (fault == "folder 000") {
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0) == 0);
    } else {
        QVERIFY(::chmod(images.constData(), 0) == 0);
    }
    const ChildResult child = inChild([&] {
        dropPrivileges();
        load_dataset(folder.toStdString());
    });
    ::chmod(QFile::encodeName(folder).constData(), 0755);  // let QTemporaryDir clean up
    qInfo("%s", qPrintable(child.message));
    QVERIFY2(WIFEXITED(child.status) && WEXITSTATUS(child.status) == 0, qPrintable(child.message));
    QVERIFY2(child.message.startsWith(folder), qPrintable(child.message));
    QVERIFY2(child.message.contains(expected), qPrintable(child.message));
}

QTEST_APPLESS_MAIN(TestFaults)
#include "tst_faults.moc"
