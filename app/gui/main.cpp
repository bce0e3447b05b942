// mlp-workbench: the Qt window. Parses the command line and starts the window; nothing else.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include "canvas_benchmark.h"
#include "compare/compare_area.h"
#include "compare/run_project.h"
#include "mlpw/io/share_dir.h"
#include "mlpw/training/openmp_runtime.h"
#include "run/training_controller.h"
#include "shell/english_plurals.h"
#include "shell/language.h"
#include "shell/main_window.h"
#include "stall_benchmark.h"

int main(int argc, char** argv) {
    mlpw::limit_openmp_spinning(argv);  // re-executes once with a short OpenMP spin (see the header)
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MLP Workbench"));
    QApplication::setApplicationName(QStringLiteral("mlp-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(MLPW_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("mlp-workbench"));  // packaging/mlp-workbench.desktop
    QIcon icon;  // the PNG sizes beside the program (share/icons/hicolor, built and installed), no theme lookup
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral("%1/../icons/hicolor/%2x%2/apps/mlp-workbench.png")
                         .arg(QString::fromStdString(mlpw::share_dir()))
                         .arg(size));
    QApplication::setWindowIcon(icon);
    EnglishPlurals plurals;
    QApplication::installTranslator(&plurals);
    language::install(app);  // Spanish from LANG=es_* or Settings > Language (after the plurals: it takes precedence)

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Build, train and watch multilayer perceptrons"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("experiment"), QStringLiteral("An experiment file to open"),
                                 QStringLiteral("[experiment.json]"));
    const QCommandLineOption train(QStringLiteral("train"), QStringLiteral("Start training at once"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window to <file> and quit"),
                                        QStringLiteral("file"));
    const QCommandLineOption after(
        QStringLiteral("after"),
        QStringLiteral("Milliseconds before the screenshot (2000; with --train: when the run ends)"),
        QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption measureStall(
        QStringLiteral("measure-stall"),
        QStringLiteral("Train q4 in the window, print the event loop's lateness and quit"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Epochs for --measure-stall (3)"),
                                    QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Also write --measure-stall's numbers to <file>"),
                                  QStringLiteral("file"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("OpenMP threads for --measure-stall (0: automatic)"),
                                     QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption probe(QStringLiteral("probe-ms"),
                                   QStringLiteral("--measure-stall's probe period (10; 0: no probe, epoch times only)"),
                                   QStringLiteral("ms"), QStringLiteral("10"));
    const QCommandLineOption measureCanvas(
        QStringLiteral("measure-canvas"),
        QStringLiteral("Replay recorded strokes on the Draw view's canvas, print the reading times and quit"));
    const QCommandLineOption noInspect(QStringLiteral("no-inspect"),
                                       QStringLiteral("--measure-stall without the two Inspect windows (to compare)"));
    const QCommandLineOption project(QStringLiteral("project"),
                                     QStringLiteral("The folder of run bundles to open (default: the user's project)"),
                                     QStringLiteral("folder"));
    parser.addOptions(
        {train, screenshot, after, measureStall, epochs, threads, probe, json, noInspect, measureCanvas, project});
    parser.process(app);
    if (parser.isSet(measureCanvas)) return run_canvas_benchmark();

    MainWindow window;
    // The runs of earlier sessions (not for a measurement: its runs would join them).
    if (!parser.isSet(measureStall))
        window.compare()->openProject(parser.isSet(project) ? parser.value(project) : RunProject::defaultFolder());
    if (!parser.positionalArguments().isEmpty()) window.openExperiment(parser.positionalArguments().first());
    window.show();
    StallBenchmark benchmark(&window, parser.value(epochs).toInt(), parser.value(threads).toInt(),
                             parser.value(probe).toInt(), parser.value(json), !parser.isSet(noInspect));
    if (parser.isSet(measureStall)) benchmark.start();
    if (parser.isSet(train)) QTimer::singleShot(0, &window, &MainWindow::startTraining);
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        auto take = [&window, file] {
            window.grab().save(file);
            window.close();
        };
        if (parser.isSet(train) && !parser.isSet(after))  // the picture of a finished run
            QObject::connect(window.controller(), &TrainingController::finished, &window,
                             [&window, take] { QTimer::singleShot(700, &window, take); });
        else QTimer::singleShot(parser.value(after).toInt(), &window, take);
    }
    return app.exec();
}
