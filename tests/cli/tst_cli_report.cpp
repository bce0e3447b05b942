// mlpw report and mlpw study on runs made here: two settings x two seeds trained with mlpw train on a tiny data
// set, a broken bundle beside them; the HTML holds the table and inline SVG plots, the PDF is a PDF whose text
// (pdftotext) holds the table. mlpw study runs two questions on a tiny 10-class data set for one epoch.
#include <QtTest>

#include "cli_fixture.h"

using namespace cli_fixture;

class TestCliReport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        writeTinyData(path("tiny"));
        writeJson(path("tiny.json"), tinyExperiment(path("tiny"), 3));
        for (const QString& units : {"8", "4"})
            for (const QString& seed : {"1", "2"}) {
                const Result r =
                    run({"train", "--experiment", path("tiny.json"), "--set", "model.layers[1].units=" + units, "--set",
                         "training.seed=" + seed, "--out", path("runs/units_" + units + "_seed_" + seed)});
                QVERIFY2(r.code == 0, qPrintable(r.text()));
            }
        QVERIFY(QDir().mkpath(path("runs/broken")));
        writeFile(path("runs/broken/summary.json"), "{");
    }

    void html() {
        const Result r = run({"report", "--runs", path("runs"), "--out", path("report.html"), "--title", "Tiny"});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        QVERIFY2(r.err.contains("left out " + path("runs/broken")), qPrintable(r.err));
        const QString html = QString::fromUtf8(readAll(path("report.html")));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("<h1>Tiny</h1>"));
        // The table: one row per setting (the seeds folded into mean ± sd), the diff from the reference.
        QVERIFY(html.contains("<th>val_acc %</th>"));
        QVERIFY2(html.contains("<td>model.layers[1].units: 4 → 8</td>"),
                 qPrintable(html.left(4000)));  // natural order: units_4 first
        QCOMPARE(html.count("<td>(reference)</td>"), 1);
        QVERIFY(
            html.contains(QRegularExpression("<td align=\"right\">2</td><td align=\"right\">[0-9.]+ ± [0-9.]+</td>")));
        QVERIFY(html.contains(QRegularExpression("Best: tiny, val_accuracy [0-9.]+ ± [0-9.]+ % \\(2 seeds\\)")) ||
                html.contains("Best: tiny"));
        // Two overlays inline, no external file.
        QCOMPARE(html.count("<svg"), 2);
        QVERIFY(!html.contains("<?xml"));
        QVERIFY(!html.contains("<img"));
        QVERIFY(html.contains("Test confusion matrix"));
        QVERIFY(html.contains("Machine, threads and versions"));
        QVERIFY(html.contains("oneDNN "));
        QVERIFY(html.contains("<h2>Runs left out</h2>") && html.contains(path("runs/broken") + ": "));
    }

    void pdf() {
        const Result r = run({"report", "--runs", path("runs"), "--out", path("report.pdf")});
        QVERIFY2(r.code == 0, qPrintable(r.text()));
        const QByteArray bytes = readAll(path("report.pdf"));
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        const Result text = run({path("report.pdf"), "-"}, "pdftotext");
        QVERIFY2(text.code == 0, qPrintable(text.text()));
        QVERIFY2(text.out.contains("val_acc %"), qPrintable(text.out));
        QVERIFY(text.out.contains("(reference)"));
        QVERIFY(text.out.contains("Best: tiny"));
        QVERIFY(text.out.contains(QRegularExpression("[0-9]+\\.[0-9]+ ± [0-9]+\\.[0-9]+")));
    }

    void badArguments_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --runs") << QStringList{"--out", "x.html"} << 2 << "--runs: expected one or more folders";
        QTest::newRow("--runs without a folder") << QStringList{"--runs", "--out", "x.html"} << 2 << "--runs: expected";
        QTest::newRow("no --out") << QStringList{"--runs", "."} << 2 << "--out: expected the report's file";
        QTest::newRow("missing folder") << QStringList{"--runs", "/nonexistent/runs", "--out", "x.html"} << 1
                                        << "/nonexistent/runs: not a folder of runs";
        QTest::newRow("wrong suffix") << QStringList{"--runs", "RUNS", "--out", "x.txt"} << 1
                                      << "must end in .html or .pdf";
    }
    void badArguments() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        args.replaceInStrings("RUNS", path("runs"));
        const Result r = run(QStringList{"report"} + args, kBinary, m_dir.path());
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path("x.txt")) && !QFileInfo::exists(path("x.html")));
    }

    // The study, tiny: two questions of the real presets on a 10-class 4x4 data set, 1 epoch, 2 seeds.
    void studyOnTwoQuestions() {
        writeTinyData(path("tiny10"), 10);
        const QString out = path("study");
        const QStringList args = {"study", "--only", "hidden_size,optimizers",        "--seeds",   "2", "--epochs",
                                  "1",     "--set",  "data.source=" + path("tiny10"), "--threads", "1", "--out",
                                  out};
        Result r = run(args);
        QVERIFY2(r.code == 0, qPrintable(r.text().right(3000)));
        QVERIFY(r.out.contains("Study: 2 questions, 8 presets, 16 runs (2 seeds each)"));
        QVERIFY(QFileInfo::exists(out + "/runs/hidden_1024/run_2/summary.json"));
        QVERIFY(QFileInfo::exists(out + "/runs/optimizer_adam/run_1/summary.json"));
        const QString html = QString::fromUtf8(readAll(out + "/report.html"));
        QVERIFY(html.contains("<h2>Hidden layer size</h2>"));
        QVERIFY(html.contains("<h2>Optimisers</h2>"));
        QVERIFY(html.indexOf("<h2>Hidden layer size</h2>") < html.indexOf("<h2>Optimisers</h2>"));  // study order
        QCOMPARE(html.count("Best: "), 2);
        QVERIFY(html.contains("<td>hidden_1024</td>"));
        QVERIFY2(html.contains("<td>optimizer: sgd → adam</td>"), qPrintable(html.left(6000)));
        QVERIFY(html.contains("<td>optimizer.momentum: 0 → 0.9</td>"));
        QCOMPARE(html.count("<svg"), 4);
        QVERIFY(readAll(out + "/report.pdf").startsWith("%PDF-"));
        // Again: every run is kept from the first time, the report written anew.
        r = run(args);
        QVERIFY2(r.code == 0, qPrintable(r.text().right(3000)));
        QVERIFY2(r.out.contains("(16 kept from an earlier study)"), qPrintable(r.out.right(500)));
        QVERIFY(!r.out.contains("Epoch 1/1"));
    }

    void studyRefusesAnUnknownQuestion() {
        const Result r = run({"study", "--only", "hidden,epochs", "--out", path("x")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--only: no question 'hidden'; the questions are hidden_size, epochs"),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
