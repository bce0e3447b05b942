// See openmp_runtime.h for why the program re-executes itself.
#include "mlpw/training/openmp_runtime.h"

#include <unistd.h>

#include <cstdlib>

namespace mlpw {

void limit_openmp_spinning(char** argv) {
    if (std::getenv("GOMP_SPINCOUNT") || std::getenv("OMP_WAIT_POLICY")) return;
    if (setenv("GOMP_SPINCOUNT", kOpenMpSpinCount, 1) != 0) return;
    execv("/proc/self/exe", argv);
    unsetenv("GOMP_SPINCOUNT");  // exec failed: carry on with libgomp's defaults
}

}  // namespace mlpw
