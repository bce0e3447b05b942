#pragma once
// Chooses the OpenMP thread count during training by measuring step times (private to mlpw_core).
//
// Why: on a 2-core machine two OpenMP threads make a quiet step ~1.8x faster than one, but as soon as
// anything else wants a core (the GUI drawing charts, a compiler, a browser) the threads spin at barriers
// waiting for a descheduled partner and a step gets 3-100x slower (measured: q4 epoch 0.7 s quiet, 3-8 s
// with two compile jobs running, while one thread stays near 1.1-1.3 s). The results do not depend on the
// thread count with oneDNN's AVX-512 kernels (tests/core/tst_training checks bit-identical weights for 1 and
// 2 threads), so switching mid-run is safe there. Its AVX2 kernels are not invariant: the Trainer pins the
// count then (same seed, same history on one machine).
//
// How: the settled count's recent full-batch step times are kept; the other candidate runs kProbeSteps steps
// and is kept if its median is clearly lower (kSwitchGain). A probe runs every kProbeInterval steps, and at once
// when the settled count's recent median grows past kSlowdown times its median at the last decision.
// Candidates: all cores, and half of them.
// A fixed count (the experiment's `threads` > 0) disables tuning.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace mlpw::detail {

class ThreadTuner {
public:
    // fixed_threads > 0 pins the count; 0 tunes between max_threads and max_threads / 2.
    ThreadTuner(int fixed_threads, int max_threads);

    // Stops tuning: keeps the largest count for the whole run (when results would depend on the count).
    void pin() {
        m_tuning = false;
        apply(m_max);
    }

    // Call before each training step: sets the OpenMP thread count for it.
    void before_step();
    // The seconds the step took; only full batches count (a partial last batch is not comparable).
    void after_step(double seconds, bool full_batch);

    int current() const { return m_current; }
    // The thread counts it may use (the network needs primitives built for each).
    std::vector<int> candidates() const;
    // Steps run with 1, 2, ... threads so far.
    const std::vector<int64_t>& steps_by_threads() const { return m_steps_by_threads; }
    // "2" or "auto: 2 threads for 95% of steps, 1 for 5%".
    std::string describe() const;

    static constexpr int kWarmupSteps = 8;       // first executions of a primitive are 10-40x slower
    static constexpr int kProbeSteps = 12;       // steps timed per decision (the first after a switch is dropped)
    static constexpr int kProbeInterval = 400;   // steps between probes
    static constexpr double kSlowdown = 1.5;     // recent median / decision median that triggers a probe
    static constexpr double kSwitchGain = 0.85;  // the other count must be this much faster to be taken (noise)

private:
    void apply(int threads);
    int alternative() const;
    static double median(const double* times, size_t n);

    bool m_tuning;
    int m_max;
    int m_settled;  // the count chosen by the last decision
    int m_current;  // the count in use (differs from m_settled while probing)
    int64_t m_step = 0;
    int64_t m_next_probe = kWarmupSteps + kProbeSteps;
    bool m_probing = false;
    std::array<double, kProbeSteps> m_recent{};  // ring of the settled count's last full-step times
    size_t m_recent_count = 0, m_recent_next = 0;
    double m_decision_median = 0.0;                 // the settled count's median when it was chosen (0: unknown)
    std::array<double, kProbeSteps + 1> m_probe{};  // the alternative's step times; the first is dropped
    size_t m_probe_count = 0;
    std::vector<int64_t> m_steps_by_threads;
};

}  // namespace mlpw::detail
