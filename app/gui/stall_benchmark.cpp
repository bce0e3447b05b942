#include "stall_benchmark.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include "charts/training_charts.h"
#include "editor/experiment_editor.h"
#include "inspect/inspect_view.h"
#include "run/dataset_cache.h"
#include "run/training_controller.h"
#include "shell/main_window.h"
#include "shell/preset_library.h"
#include "stall_probe.h"

StallBenchmark::StallBenchmark(MainWindow* window, int epochs, int threads, int probeMs, QString jsonPath,
                               bool inspectViews, QObject* parent)
    : QObject(parent), m_window(window), m_epochs(epochs), m_threads(threads), m_probing(probeMs > 0),
      m_jsonPath(std::move(jsonPath)), m_probe(new StallProbe(std::chrono::milliseconds(std::max(probeMs, 1)), this)),
      m_inspectViews(inspectViews) {}

void StallBenchmark::start() {
    for (int tab = 0; m_inspectViews && tab < 2; ++tab) {  // 0: sample digits, 1: first layer weights
        auto view = std::make_unique<InspectView>(m_window->runs());
        view->setWindowTitle(QStringLiteral("measure-stall: Inspect"));
        view->tabs()->setCurrentIndex(tab);
        view->resize(900, 560);
        view->show();
        m_views.push_back(std::move(view));
    }
    m_window->openExperiment(PresetLibrary::path(QStringLiteral("baseline")), true);
    mlpw::ExperimentSpec spec = m_window->editor()->spec();
    spec.training.epochs = m_epochs;
    spec.training.threads = m_threads;
    m_window->editor()->setSpec(spec);
    connect(m_window->controller(), &TrainingController::finished, this, &StallBenchmark::finish);
    connect(m_window->controller(), &TrainingController::epochEnded, this,
            [this](const RunSnapshot& record) { m_epochSeconds.push_back(record->history.back().train_seconds); });
    // Start once MNIST is in the cache (as when a person presses Start), after the window has settled.
    auto beginWhenLoaded = [this](const QString& source) {
        if (source == QLatin1String("mnist") && !m_started) QTimer::singleShot(1000, this, &StallBenchmark::begin);
    };
    connect(m_window->datasets(), &DatasetCache::loaded, this, beginWhenLoaded);
    if (m_window->datasets()->get(QStringLiteral("mnist"))) beginWhenLoaded(QStringLiteral("mnist"));
}

void StallBenchmark::begin() {
    if (m_started) return;
    m_started = true;
    if (!m_window->startTraining()) {
        std::fprintf(stderr, "measure-stall: could not start training\n");
        QApplication::exit(1);
        return;
    }
    m_clock.start();
    if (m_probing) m_probe->start();
}

void StallBenchmark::finish(const RunOutcome& outcome) {
    m_probe->stop();
    const double seconds = m_clock.elapsed() / 1000.0;
    const int refreshes = m_window->charts()->refreshCount();
    const auto& lat = m_probe->latenciesMs();
    std::vector<double> sorted = m_epochSeconds;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.empty() ? 0.0 : sorted[sorted.size() / 2];
    std::printf("measure-stall: q4 (baseline preset), %d epochs, outcome: %s\n", m_epochs,
                qPrintable(QString::number(int(outcome.reason))));
    std::printf("  OpenMP threads: %s\n", qPrintable(outcome.threads));
    if (m_views.empty()) std::printf("  views open: the curves alone (--no-inspect)\n");
    else
        std::printf(
            "  views open: curves, and %zu Inspect windows (confusion matrix with sample digits / with the "
            "first layer's weights)\n",
            m_views.size());
    std::printf(
        "  event-loop lateness over %zu probes (every %lld ms): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
        lat.size(), (long long)m_probe->period().count(), m_probe->percentile(50), m_probe->percentile(90),
        m_probe->percentile(99), m_probe->percentile(100));
    std::printf("  chart refreshes: %d in %.1f s = %.1f per second\n", refreshes, seconds,
                refreshes / std::max(seconds, 1e-9));
    std::printf("  epoch training seconds:");
    for (double s : m_epochSeconds) std::printf(" %.3f", s);
    std::printf("  (median %.3f)\n", median);
    std::fflush(stdout);
    if (!m_jsonPath.isEmpty()) {
        QJsonArray epochs;
        for (double s : m_epochSeconds) epochs.append(s);
        const QJsonObject o{{"probes", qint64(lat.size())},
                            {"p50_ms", m_probe->percentile(50)},
                            {"p90_ms", m_probe->percentile(90)},
                            {"p99_ms", m_probe->percentile(99)},
                            {"max_ms", m_probe->percentile(100)},
                            {"refreshes_per_s", refreshes / std::max(seconds, 1e-9)},
                            {"epoch_seconds", epochs},
                            {"median_epoch_s", median},
                            {"threads", outcome.threads}};
        QFile f(m_jsonPath);
        if (f.open(QIODevice::WriteOnly)) f.write(QJsonDocument(o).toJson());
    }
    QTimer::singleShot(0, qApp, [] { QApplication::exit(0); });
}
