#pragma once
// mlp-workbench --measure-stall: trains the study's q4 network (the baseline preset: 784-512-10, Adam,
// batch 32) in the real window while a StallProbe measures the event loop's lateness, then prints the
// lateness percentiles, the chart refresh rate and the epoch times, and quits. Beside the window's curves, two
// Inspect views are open and updating at every epoch end: confusion matrix with sample digits, and with the
// first layer's weights.
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

#include "run/training_types.h"

class MainWindow;
class StallProbe;

class StallBenchmark : public QObject {
    Q_OBJECT
public:
    // probeMs 0: no probe (to time epochs without the probe's own cost).
    // inspectViews: open the two Inspect windows (off: the curves alone, to compare).
    StallBenchmark(MainWindow* window, int epochs, int threads, int probeMs, QString jsonPath, bool inspectViews,
                   QObject* parent = nullptr);
    void start();  // waits for the data set, then presses Start

private:
    void begin();
    void finish(const RunOutcome& outcome);

    MainWindow* m_window;
    int m_epochs;
    int m_threads;  // 0: automatic
    bool m_probing;
    QString m_jsonPath;
    StallProbe* m_probe;
    QElapsedTimer m_clock;
    std::vector<double> m_epochSeconds;
    bool m_started = false;
    bool m_inspectViews;
    std::vector<std::unique_ptr<QWidget>> m_views;  // the Inspect windows
};
