#include "training_charts.h"

#include <QHBoxLayout>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "export/export_actions.h"
#include "metric_chart.h"
#include "mlpw/io/run_bundle.h"

namespace {
const QColor kTrain(31, 119, 180);  // matplotlib's blue and orange, as in the study's plots
const QColor kValidation(255, 127, 14);
const QColor kBest(44, 160, 44);
const QColor kStop(214, 39, 40);
const QColor kMyDigits(148, 103, 189);  // matplotlib's purple
}  // namespace

TrainingCharts::TrainingCharts(QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_loss(new MetricChart(tr("Loss"), tr("loss"))),
      m_accuracy(new MetricChart(tr("Accuracy"), tr("accuracy"))),
      m_twin(new MetricChart(tr("Accuracy and validation loss"), tr("accuracy"), tr("val_loss"))),
      m_rate(new MetricChart(tr("Learning rate"), tr("lr"))), m_timer(new QTimer(this)) {
    using S = MetricChart::Style;
    using Side = MetricChart::Side;
    // Short legend names (the chart's title says which metric): per batch, per epoch, validation.
    m_loss->addTrack(tr("batch"), kTrain, S::light, Side::left, &m_batchLoss);
    m_loss->addTrack(tr("train"), kTrain, S::bold, Side::left, &m_epochLoss);
    m_loss->addTrack(tr("val"), kValidation, S::bold, Side::left, &m_valLoss);
    m_accuracy->addTrack(tr("batch"), kTrain, S::light, Side::left, &m_batchAccuracy);
    m_accuracy->addTrack(tr("train"), kTrain, S::bold, Side::left, &m_epochAccuracy);
    m_accuracy->addTrack(tr("val"), kValidation, S::bold, Side::left, &m_valAccuracy);
    m_twin->addTrack(tr("accuracy"), kTrain, S::bold, Side::left, &m_epochAccuracy);
    m_twin->addTrack(tr("val_accuracy"), kValidation, S::bold, Side::left, &m_valAccuracy);
    m_accuracy->addTrack(tr("my digits"), kMyDigits, S::dashed, Side::left, &m_myDigitsAccuracy);
    m_twin->addTrack(tr("my_digits_accuracy"), kMyDigits, S::dashed, Side::left, &m_myDigitsAccuracy);
    m_twin->addTrack(tr("val_loss (right)"), kStop, S::dashed, Side::right, &m_valLoss);
    m_rate->addTrack(tr("lr"), kTrain, S::bold, Side::left, &m_epochRate);
    m_accuracy->setBounds(Side::left, 0.0, 1.0);
    m_twin->setBounds(Side::left, 0.0, 1.0);
    for (MetricChart* c : {m_loss, m_accuracy, m_twin, m_rate}) {
        c->addMarker(tr("best %1"), kBest, &m_bestEpoch);
        c->addMarker(tr("stop %1"), kStop, &m_stopEpoch);
        c->setToolTip(tr("Hover a curve for its values"));
    }
    const auto history = [this] { return historyCsv(); };
    add_export_actions(
        m_loss, [this] { return m_loss->figure(); }, history, tr("history"));
    add_export_actions(
        m_accuracy, [this] { return m_accuracy->figure(); }, history, tr("history"));
    add_export_actions(
        m_twin, [this] { return m_twin->figure(); }, history, tr("history"));
    auto* pair = new QSplitter(Qt::Horizontal);
    pair->addWidget(m_loss);
    pair->addWidget(m_accuracy);
    m_tabs->addTab(pair, tr("&Loss and accuracy"));
    m_tabs->addTab(m_twin, tr("Accuracy && &val_loss"));
    m_tabs->addTab(m_rate, tr("Learning &rate"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TrainingCharts::refresh);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TrainingCharts::refresh);
    m_sinceRefresh.start();
    refresh();
}

void TrainingCharts::reset() {
    for (auto* list : {&m_batchLoss, &m_batchAccuracy, &m_epochLoss, &m_epochAccuracy, &m_valLoss, &m_valAccuracy,
                       &m_myDigitsAccuracy, &m_epochRate})
        list->clear();
    m_bestEpoch = m_stopEpoch = 0;
    m_xMax = 0.0;
    m_refreshes = 0;
    for (MetricChart* c : {m_loss, m_accuracy, m_twin, m_rate}) c->refitAxes();
    refresh();
}

void TrainingCharts::decimate(QList<QPointF>& points) {
    QList<QPointF> kept;
    kept.reserve(points.size() / 2 + 1);
    for (qsizetype i = 0; i < points.size(); i += 2) kept.append(points[i]);
    if (points.size() % 2 == 0) kept.append(points.last());  // keep the newest point
    points.swap(kept);
}

void TrainingCharts::showRecord(const RunSnapshot& record) {
    m_record = record;
    for (auto* list : {&m_batchLoss, &m_batchAccuracy, &m_epochLoss, &m_epochAccuracy, &m_valLoss, &m_valAccuracy,
                       &m_myDigitsAccuracy, &m_epochRate})
        list->clear();
    m_bestEpoch = m_stopEpoch = 0;
    m_xMax = 0.0;
    if (record) {
        for (const mlpw::BatchPoint& p : record->batches) {
            m_batchLoss.append({p.progress, p.loss});
            m_batchAccuracy.append({p.progress, p.accuracy});
        }
        while (m_batchLoss.size() > kMaxBatchPoints) {
            decimate(m_batchLoss);
            decimate(m_batchAccuracy);
        }
        for (const mlpw::EpochMetrics& m : record->history) {
            m_epochLoss.append({double(m.epoch), m.loss});
            m_epochAccuracy.append({double(m.epoch), m.accuracy});
            if (m.has_lr()) m_epochRate.append({double(m.epoch), m.lr});  // not recorded: older files
            if (m.has_validation) {
                m_valLoss.append({double(m.epoch), m.val_loss});
                m_valAccuracy.append({double(m.epoch), m.val_accuracy});
            }
            if (m.has_my_digits) m_myDigitsAccuracy.append({double(m.epoch), m.my_digits_accuracy});
        }
        m_bestEpoch = record->best_epoch;
        m_stopEpoch = record->stop_reason == mlpw::StopReason::callback ? record->epochs_run() : 0;
        m_xMax =
            std::max(record->batches.empty() ? 0.0 : record->batches.back().progress, double(record->epochs_run()));
    }
    showValidationTracks(!record || record->validates());
    scheduleRefresh();
}

// A run without validation (validation_split 0) has no val curves, and its best epoch is its lowest training
// loss: the test set is evaluated once, after training, and chooses nothing.
void TrainingCharts::showValidationTracks(bool validates) {
    for (MetricChart* c : {m_loss, m_accuracy, m_twin, m_rate}) {
        c->setTrackShown(&m_valLoss, validates);
        c->setTrackShown(&m_valAccuracy, validates);
        c->setMarkerName(&m_bestEpoch, validates ? tr("best %1") : tr("lowest loss %1"));
    }
}

void TrainingCharts::addBatches(const BatchUpdate& u) {
    m_batchLoss.append(u.loss);
    m_batchAccuracy.append(u.accuracy);
    if (m_batchLoss.size() > kMaxBatchPoints) {
        decimate(m_batchLoss);
        decimate(m_batchAccuracy);
    }
    if (!u.loss.isEmpty()) m_xMax = std::max(m_xMax, u.loss.last().x());
    scheduleRefresh();
}

void TrainingCharts::scheduleRefresh() {
    if (m_timer->isActive()) return;
    const qint64 since = m_sinceRefresh.elapsed();
    if (since >= kMinRefreshMs) refresh();
    else m_timer->start(int(kMinRefreshMs - since));
}

void TrainingCharts::refresh() {
    m_timer->stop();
    m_sinceRefresh.restart();
    ++m_refreshes;
    for (MetricChart* c : {m_loss, m_accuracy, m_twin, m_rate})
        if (c->isVisible() || !isVisible()) c->refresh(m_xMax);
}

std::string TrainingCharts::historyCsv() const {
    return m_record ? mlpw::history_csv(m_record->history) : std::string();
}

Figure TrainingCharts::curvesFigure() {
    m_loss->refresh(m_xMax);  // the series of a hidden tab may lag behind
    m_accuracy->refresh(m_xMax);
    return {tr("Loss and accuracy"),
            [loss = m_loss->figure(), accuracy = m_accuracy->figure()](QPainter& painter, const QRectF& area) {
                const QRectF left(area.topLeft(), QSizeF(area.width() / 2, area.height()));
                loss.paint(painter, left);
                accuracy.paint(painter, left.translated(left.width(), 0));
            }};
}

Figure TrainingCharts::twinAxisFigure() {
    m_twin->refresh(m_xMax);
    return m_twin->figure();
}
