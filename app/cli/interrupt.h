#pragma once
// Ctrl-C during training: the first SIGINT asks the Trainer to stop before its next batch (the run is then
// saved as far as it got); a second one ends the process at once (the default action is restored).
#include <atomic>

namespace mlpw::cli {

// Installs the SIGINT handler (once) and returns the flag it sets, for Trainer::run.
const std::atomic<bool>& install_interrupt_handler();

}  // namespace mlpw::cli
