// SIGINT -> an atomic stop flag. Setting a lock-free atomic and write(2) are async-signal-safe.
#include "interrupt.h"

#include <signal.h>
#include <unistd.h>

namespace mlpw::cli {
namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler may only touch lock-free atomics");

extern "C" void on_sigint(int) {
    g_interrupted.store(true);
    static const char kNote[] = "\nStopping after this batch (Ctrl-C again to quit at once)\n";
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, kNote, sizeof kNote - 1);
}

}  // namespace

const std::atomic<bool>& install_interrupt_handler() {
    static const bool installed = [] {
        struct sigaction action {};
        action.sa_handler = on_sigint;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND | SA_RESTART;  // one graceful stop; the next Ctrl-C uses the default
        return ::sigaction(SIGINT, &action, nullptr) == 0;
    }();
    (void)installed;
    return g_interrupted;
}

}  // namespace mlpw::cli
