#include "stall_probe.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>
#include <cmath>

namespace {

using Clock = std::chrono::steady_clock;
const QEvent::Type kProbeEvent = QEvent::Type(QEvent::registerEventType());

struct ProbeEvent : QEvent {
    explicit ProbeEvent(Clock::time_point t) : QEvent(kProbeEvent), posted(t) {}
    Clock::time_point posted;
};

}  // namespace

StallProbe::StallProbe(std::chrono::milliseconds period, QObject* parent) : QObject(parent), m_period(period) {}
StallProbe::~StallProbe() { stop(); }

void StallProbe::start() {
    if (m_running.exchange(true)) return;
    m_latencies.clear();
    m_latencies.reserve(1 << 16);
    m_poster = std::thread([this] {
        while (m_running.load()) {
            QCoreApplication::postEvent(this, new ProbeEvent(Clock::now()));
            std::this_thread::sleep_for(m_period);
        }
    });
}

void StallProbe::stop() {
    if (!m_running.exchange(false)) return;
    m_poster.join();
    QCoreApplication::removePostedEvents(this, kProbeEvent);
}

bool StallProbe::event(QEvent* e) {
    if (e->type() != kProbeEvent) return QObject::event(e);
    if (m_running.load())
        m_latencies.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - static_cast<ProbeEvent*>(e)->posted).count());
    return true;
}

double StallProbe::percentile(double p) const {
    if (m_latencies.empty()) return 0.0;
    std::vector<double> sorted = m_latencies;
    std::sort(sorted.begin(), sorted.end());
    const size_t i =
        std::min(sorted.size() - 1, size_t(std::ceil(p / 100.0 * double(sorted.size())) - (p > 0 ? 1 : 0)));
    return sorted[i];
}
