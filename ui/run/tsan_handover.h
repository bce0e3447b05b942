#pragma once
// Tells ThreadSanitizer about a hand-over between two threads that Qt makes where TSan cannot see it: Debian's
// Qt is not instrumented, and its QMutex and the join of QThread::wait() are futexes inside libQt6Core. The
// thread that is done calls tsan::handOver(key) after its last access; the one that goes on calls
// tsan::takeOver(key) after Qt's join or queue, before its first access. `key` is any address both know that
// stays allocated between the two calls. Nothing outside TSan builds (./workbench check's build-tsan).
#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace tsan {

inline void handOver([[maybe_unused]] const void* key) {
#if defined(__SANITIZE_THREAD__)
    __tsan_release(const_cast<void*>(key));
#endif
}

inline void takeOver([[maybe_unused]] const void* key) {
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(const_cast<void*>(key));
#endif
}

}  // namespace tsan
