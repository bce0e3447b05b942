// See offscreen_app.h.
#include "offscreen_app.h"

#include <QApplication>
#include <cstdlib>
#include <memory>

namespace mlpw::cli {

void ensure_offscreen_application() {
    if (QCoreApplication::instance()) return;
    if (!std::getenv("QT_QPA_PLATFORM")) ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    static int argc = 1;
    static char name[] = "mlpw";
    static char* argv[] = {name, nullptr};
    // QApplication (not QGuiApplication): the charts are QGraphicsWidgets.
    static std::unique_ptr<QApplication> app = std::make_unique<QApplication>(argc, argv);
}

}  // namespace mlpw::cli
