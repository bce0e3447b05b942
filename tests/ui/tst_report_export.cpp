// File > Export report…: the window's runs as the report mlpw study writes (weights left out): one section per
// study question they answer, the others in one more; written on a pool thread with progress; the HTML holds the
// table's names and inline SVG, a bad path is named.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "compare/report_export.h"
#include "export/report_sections.h"
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

    void aSectionPerStudyQuestion() {
        const auto named = [](const std::string& name, uint64_t seed) {
            mlpw::ExperimentSpec spec = fixtures::tinySpec(seed);
            spec.name = name;
            return fixtures::recorded(spec, {0.5, 0.6});
        };
        QCOMPARE(preset_of("regularization_sweep (l2, seed=3)"), std::string("regularization_sweep"));
        QCOMPARE(preset_of("baseline"), std::string("baseline"));
        const ReportInput input =
            report_of(QStringLiteral("r"),
                      {named("hidden_256", 1), named("baseline", 1), named("baseline", 2), named("mine", 1),
                       named("regularization_sweep (l2)", 1), named("epochs_15", 1)},
                      {});
        QStringList titles;
        for (const ReportSection& s : input.sections) titles << s.title;
        QCOMPARE(titles, (QStringList{"Hidden layer size", "Epochs", "Regularisation", "Runs"}));
        QCOMPARE(input.sections[0].runs, (std::vector<size_t>{1, 2, 0}));  // the presets' order: baseline first
        QCOMPARE(input.sections[1].runs, (std::vector<size_t>{1, 2, 5}));  // the baseline answers both
        QCOMPARE(input.sections[2].runs, (std::vector<size_t>{4}));
        QCOMPARE(input.sections[3].runs, (std::vector<size_t>{3}));
        QVERIFY(!input.sections[0].question.isEmpty());
        const QString html = report_html(input);
        QVERIFY(html.indexOf(QStringLiteral("<h2>Hidden layer size</h2>")) <
                html.indexOf(QStringLiteral("<h2>Epochs</h2>")));
        QCOMPARE(html.count(QStringLiteral("<svg")), 2 * 4);  // val_accuracy and val_loss per section

        SectionOptions study;  // mlpw study: every question asked, answered or not
        study.keepEmptyQuestions = true;
        QCOMPARE(report_sections(input.runs, study).size(), mlpw::study_questions().size() + 1);
    }

    void writesTheHtmlOffTheGuiThread() {
        QTemporaryDir dir;
        ReportExport report;
        QSignalSpy finished(&report, &ReportExport::finished);
        QSignalSpy progress(&report, &ReportExport::progress);
        const QString file = dir.filePath(QStringLiteral("report.html"));
        report.start(QStringLiteral("Runs of p"), {fixtures::trained(fixtures::tinySpec(5))}, {}, file);
        QVERIFY(report.isBusy());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished[0][1].toString(), QString());
        QVERIFY(!progress.isEmpty());  // one section of one: step 1 of 2, then the file
        QCOMPARE(progress.last()[0].toInt(), 1);
        QCOMPARE(progress.last()[1].toInt(), 2);
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
