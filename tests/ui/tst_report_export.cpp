// File > Export report…: the window's runs as one report section (weights left out), written on a pool thread;
// the HTML holds the table's names and inline SVG, a bad path is named.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "compare/report_export.h"
#include "run_fixtures.h"

class TestReportExport : public QObject {
    Q_OBJECT
private slots:
    void oneSectionWithoutWeights() {
        const RunSnapshot a = fixtures::trained(fixtures::tinySpec(5));
        const RunSnapshot b = fixtures::trained(fixtures::tinySpec(6));
        const ReportInput input = report_of(QStringLiteral("Runs of p"), {a, b}, {QStringLiteral("/p/a")});
        QCOMPARE(input.runs.size(), size_t(2));
        QCOMPARE(input.paths, (std::vector<QString>{QStringLiteral("/p/a"), QString()}));
        QCOMPARE(input.sections.size(), size_t(1));
        QCOMPARE(input.sections[0].runs, (std::vector<size_t>{0, 1}));
        QVERIFY(input.runs[0].final_weights == mlpw::ModelState());
        QCOMPARE(input.runs[1].history, b->history);
    }

    void writesTheHtmlOffTheGuiThread() {
        QTemporaryDir dir;
        ReportExport report;
        QSignalSpy finished(&report, &ReportExport::finished);
        const QString file = dir.filePath(QStringLiteral("report.html"));
        report.start(QStringLiteral("Runs of p"), {fixtures::trained(fixtures::tinySpec(5))}, {}, file);
        QVERIFY(report.isBusy());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished[0][1].toString(), QString());
        QFile html(file);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(html.readAll());
        QVERIFY(text.contains(QStringLiteral("Runs of p")));
        QVERIFY(text.contains(QStringLiteral("<svg")));
        QVERIFY(text.contains(QStringLiteral("tiny")));

        const QString bad = dir.filePath(QStringLiteral("no/such/report.html"));
        report.start(QStringLiteral("x"), {fixtures::trained(fixtures::tinySpec(5))}, {}, bad);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished[1][1].toString().contains(bad), qPrintable(finished[1][1].toString()));
    }
};

QTEST_MAIN(TestReportExport)
#include "tst_report_export.moc"
