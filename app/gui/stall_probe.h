#pragma once
// Measures how long the GUI thread's event loop keeps events waiting: a probe thread posts a timestamped event
// every period (10 ms: each probe wakes a thread, so denser probing slows training measurably); the GUI thread records how late each one is handled (delivery time - post time).
#include <QObject>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

class StallProbe : public QObject {
    Q_OBJECT
public:
    explicit StallProbe(std::chrono::milliseconds period, QObject* parent = nullptr);
    std::chrono::milliseconds period() const { return m_period; }
    ~StallProbe() override;
    void start();
    void stop();
    const std::vector<double>& latenciesMs() const { return m_latencies; }
    double percentile(double p) const;  // p in [0, 100]; 0 when nothing was measured

protected:
    bool event(QEvent* event) override;

private:
    std::chrono::milliseconds m_period;
    std::thread m_poster;
    std::atomic<bool> m_running{false};
    std::vector<double> m_latencies;
};
