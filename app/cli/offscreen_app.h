#pragma once
// The commands that draw or read pictures (plot, predict, report) need a Qt application; mlpw has no display,
// so this makes one on the offscreen platform (unless QT_QPA_PLATFORM says otherwise) the first time it is
// called and keeps it until the process ends.
namespace mlpw::cli {

void ensure_offscreen_application();

}  // namespace mlpw::cli
