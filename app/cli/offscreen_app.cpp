// See offscreen_app.h.
#include "offscreen_app.h"

#include <QApplication>
#include <QString>
#include <cstdlib>
#include <memory>

namespace mlpw::cli {

namespace {

// A command's error is one line on stderr; Qt's notice that XDG_RUNTIME_DIR is unset (as under sudo, cron or a
// plain container) says nothing about the command, so it is dropped. Everything else goes to Qt's handler.
QtMessageHandler qt_handler = nullptr;
void quiet_handler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))) return;
    qt_handler(type, context, message);
}

}  // namespace

void ensure_offscreen_application() {
    if (QCoreApplication::instance()) return;
    if (!std::getenv("QT_QPA_PLATFORM")) ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    qt_handler = qInstallMessageHandler(quiet_handler);
    static int argc = 1;
    static char name[] = "mlpw";
    static char* argv[] = {name, nullptr};
    // QApplication (not QGuiApplication): the charts are QGraphicsWidgets.
    static std::unique_ptr<QApplication> app = std::make_unique<QApplication>(argc, argv);
}

}  // namespace mlpw::cli
