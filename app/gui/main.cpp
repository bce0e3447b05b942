// mlp-workbench: the Qt window. Parses the command line and starts the window; nothing else.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "main_window.h"
#include "mlpw/openmp_runtime.h"

int main(int argc, char** argv) {
    mlpw::limit_openmp_spinning(argv);  // re-executes once with a short OpenMP spin (see the header)
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MLP Workbench"));
    QApplication::setApplicationName(QStringLiteral("mlp-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(MLPW_VERSION));

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
    const QCommandLineOption after(QStringLiteral("after"), QStringLiteral("Milliseconds before the screenshot (2000)"),
                                   QStringLiteral("ms"), QStringLiteral("2000"));
    parser.addOptions({train, screenshot, after});
    parser.process(app);

    MainWindow window;
    if (!parser.positionalArguments().isEmpty()) window.openExperiment(parser.positionalArguments().first());
    window.show();
    if (parser.isSet(train)) QTimer::singleShot(0, &window, &MainWindow::startTraining);
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(parser.value(after).toInt(), &window, [&window, file] {
            window.grab().save(file);
            window.close();
        });
    }
    return app.exec();
}
