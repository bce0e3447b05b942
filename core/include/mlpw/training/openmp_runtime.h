#pragma once
// OpenMP wait policy for the front ends.
//
// libgomp's threads spin for up to GOMP_SPINCOUNT iterations (300,000 by default, milliseconds) at every
// barrier before sleeping. When another process or the GUI thread holds a core, the spinning thread burns the
// time slice its partner needs, and each oneDNN primitive gets 10-100x slower. A short spin keeps quiet-machine
// speed (the gap between two primitives is microseconds) and bounds the damage under contention.
// libgomp reads the variable once, when it loads (before main), so the program re-executes itself with it set.

namespace mlpw {

constexpr const char* kOpenMpSpinCount = "10000";

// Call first thing in main(). Does nothing when GOMP_SPINCOUNT or OMP_WAIT_POLICY is already set (the user's
// choice wins, and the re-executed process sees its own setting); otherwise sets GOMP_SPINCOUNT and execv's
// /proc/self/exe with the same arguments. If that fails, it returns and the program runs with the defaults.
void limit_openmp_spinning(char** argv);

}  // namespace mlpw
