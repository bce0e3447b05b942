#pragma once
// The training charts, a view of one run's RunRecord: loss and accuracy (training per batch, light; training and
// validation per epoch, bold) and a twin-axis view as the study plots it (accuracy left, val_loss right), with the
// best epoch and the early-stop epoch marked. showRecord() draws a record (at each epoch end of the live run, or
// any stored run); addBatches() extends the live run's batch curves until its next record arrives. Redraws are
// coalesced to at most one per kMinRefreshMs, and the per-batch series are halved whenever they outgrow
// kMaxBatchPoints, so long runs stay cheap to draw.
#include <QElapsedTimer>
#include <QList>
#include <QPointF>
#include <QWidget>

#include "export/figure_export.h"
#include "run/training_types.h"

class QTabWidget;
class QTimer;
class MetricChart;

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMinRefreshMs = 60;  // each worker update (every 75 ms) redraws at once
    static constexpr int kMaxBatchPoints = 3000;

    explicit TrainingCharts(QWidget* parent = nullptr);
    int refreshCount() const { return m_refreshes; }
    int batchPointCount() const { return int(m_batchLoss.size()); }
    int epochPointCount() const { return int(m_epochLoss.size()); }
    QTabWidget* tabs() const { return m_tabs; }
    // The pictures `mlpw plot` and the Export actions write: loss beside accuracy, and the twin-axis chart.
    Figure curvesFigure();
    Figure twinAxisFigure();
    std::string historyCsv() const;  // the history.csv of the record shown

public slots:
    void reset();
    void showRecord(const RunSnapshot& record);  // null: nothing to show
    void addBatches(const BatchUpdate& update);
    void refresh();

private:
    void scheduleRefresh();
    void showValidationTracks(bool validates);
    static void decimate(QList<QPointF>& points);

    QTabWidget* m_tabs;
    MetricChart* m_loss;
    MetricChart* m_accuracy;
    MetricChart* m_twin;
    MetricChart* m_rate;  // the learning rate per epoch (History's lr)
    QTimer* m_timer;
    QElapsedTimer m_sinceRefresh;
    RunSnapshot m_record;
    QList<QPointF> m_batchLoss, m_batchAccuracy;
    QList<QPointF> m_epochLoss, m_epochAccuracy, m_valLoss, m_valAccuracy, m_epochRate;
    QList<QPointF> m_myDigitsAccuracy;  // the person's drawings (ui/inspect/my_digits_score.h)
    int m_bestEpoch = 0, m_stopEpoch = 0;
    double m_xMax = 0.0;
    int m_refreshes = 0;
};
