#pragma once
// Keeps the gallery's predictions of the current run: when a finished run (or an opened model) becomes current,
// or the live run ends, it loads the run's data set through the DatasetCache and runs the final weights over the
// chosen split off the GUI thread (predictSamples). The live run is not predicted while it trains. A run without
// validation (validation_split 0) is predicted on the test set, its evaluation, whatever split is chosen.
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "inspect/sample_predictions.h"

class DatasetCache;
class RunStore;

class PredictionService : public QObject {
    Q_OBJECT
public:
    PredictionService(RunStore* runs, DatasetCache* cache, QObject* parent = nullptr);
    ~PredictionService() override;

    SampleSplit split() const { return m_split; }  // the choice for runs with validation
    void setSplit(SampleSplit split);
    SampleSplit splitFor(const mlpw::RunRecord& record) const;
    std::shared_ptr<const SamplePredictions> predictions() const { return m_predictions; }
    bool isBusy() const { return m_busy; }

signals:
    void started(const QString& what);                                 // "Predicting the 15,000 validation images…"
    void ready(std::shared_ptr<const SamplePredictions> predictions);  // null: no finished run to show
    void failed(const QString& message);

private:
    void refresh();
    void predict(const RunSnapshot& record, std::shared_ptr<const mlpw::Dataset> data);
    void cancel();

    RunStore* m_runs;
    DatasetCache* m_cache;
    SampleSplit m_split = SampleSplit::validation;
    std::shared_ptr<const SamplePredictions> m_predictions;
    std::shared_ptr<std::atomic<bool>> m_stop;  // the work under way; set to drop it
    quint64 m_generation = 0;                   // answers of older requests are dropped
    bool m_busy = false;
};
