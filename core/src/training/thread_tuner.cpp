// ThreadTuner: see thread_tuner.h for why and how.
#include "training/thread_tuner.h"

#include <omp.h>

#include <algorithm>
#include <cmath>

namespace mlpw::detail {

ThreadTuner::ThreadTuner(int fixed_threads, int max_threads)
    : m_tuning(fixed_threads <= 0 && max_threads > 1),
      m_max(std::max(1, fixed_threads > 0 ? fixed_threads : max_threads)), m_settled(m_max), m_current(m_max),
      m_steps_by_threads(static_cast<size_t>(m_max), 0) {
    omp_set_num_threads(m_current);
}

int ThreadTuner::alternative() const { return m_settled == m_max ? std::max(1, m_max / 2) : m_max; }

std::vector<int> ThreadTuner::candidates() const {
    if (!m_tuning) return {m_max};
    return {m_max, std::max(1, m_max / 2)};
}

void ThreadTuner::apply(int threads) {
    omp_set_num_threads(threads);  // per calling thread: cheap, and right even if another thread trained before
    m_current = threads;
}

double ThreadTuner::median(const double* times, size_t n) {
    std::array<double, kProbeSteps + 1> sorted{};
    std::copy(times, times + n, sorted.begin());
    std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.begin() + n);
    return sorted[n / 2];
}

void ThreadTuner::before_step() {
    if (m_tuning && !m_probing && m_step >= m_next_probe && m_recent_count == m_recent.size()) {
        m_probing = true;
        m_probe_count = 0;
        apply(alternative());
    } else {
        apply(m_current);
    }
}

void ThreadTuner::after_step(double seconds, bool full_batch) {
    ++m_steps_by_threads[static_cast<size_t>(m_current - 1)];
    ++m_step;
    if (!m_tuning || !full_batch || m_step <= kWarmupSteps) return;
    if (!m_probing) {
        m_recent[m_recent_next] = seconds;
        m_recent_next = (m_recent_next + 1) % m_recent.size();
        m_recent_count = std::min(m_recent_count + 1, m_recent.size());
        if (m_decision_median > 0.0 && m_recent_count == m_recent.size() &&
            median(m_recent.data(), m_recent.size()) > kSlowdown * m_decision_median)
            m_next_probe = m_step;  // the settled count got slower: look again now
        return;
    }
    m_probe[m_probe_count++] = seconds;
    if (m_probe_count < m_probe.size()) return;
    // The first step after a switch is dropped (threads wake up, caches refill).
    const double probe = median(m_probe.data() + 1, m_probe.size() - 1);
    const double settled = median(m_recent.data(), m_recent.size());
    if (probe < kSwitchGain * settled) {
        m_settled = m_current;
        std::copy(m_probe.begin() + 1, m_probe.end(), m_recent.begin());
        m_recent_next = 0;
        m_decision_median = probe;
    } else {
        apply(m_settled);
        m_decision_median = settled;
    }
    m_probing = false;
    m_next_probe = m_step + kProbeInterval;
}

std::string ThreadTuner::describe() const {
    if (!m_tuning) return std::to_string(m_max);
    int64_t total = 0;
    for (auto n : m_steps_by_threads) total += n;
    std::string text = "auto (";
    bool first = true;
    for (int t = m_max; t >= 1; --t) {
        const int64_t n = m_steps_by_threads[static_cast<size_t>(t - 1)];
        if (n == 0) continue;
        text += (first ? "" : ", ") + std::to_string(t) + " for " +
            std::to_string(static_cast<int>(std::lround(100.0 * n / std::max<int64_t>(total, 1)))) + "% of steps";
        first = false;
    }
    return text + ")";
}

}  // namespace mlpw::detail
