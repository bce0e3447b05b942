// See prediction_service.h.
#include "inspect/prediction_service.h"

#include "run/background_task.h"
#include "run/dataset_cache.h"
#include "run/dataset_request.h"
#include "run/run_store.h"

namespace {

bool samePredictions(const SamplePredictions& p, const mlpw::RunRecord& record, SampleSplit split) {
    return p.split == split && p.record->experiment.data == record.experiment.data &&
        p.record->final_weights == record.final_weights;
}

}  // namespace

PredictionService::PredictionService(RunStore* runs, DatasetCache* cache, QObject* parent)
    : QObject(parent), m_runs(runs), m_cache(cache) {
    connect(m_runs, &RunStore::currentChanged, this, &PredictionService::refresh);
    connect(m_runs, &RunStore::runFinished, this, &PredictionService::refresh);
}

PredictionService::~PredictionService() { cancel(); }

void PredictionService::setSplit(SampleSplit split) {
    if (split == m_split) return;
    m_split = split;
    refresh();
}

SampleSplit PredictionService::splitFor(const mlpw::RunRecord& record) const {
    return record.validates() ? m_split : SampleSplit::test;
}

void PredictionService::cancel() {
    if (m_stop) m_stop->store(true);
    m_stop.reset();
    ++m_generation;
    m_busy = false;
}

void PredictionService::refresh() {
    const RunSnapshot record = m_runs->current();
    const bool live = m_runs->isLive(m_runs->currentIndex());
    if (!record || live || record->final_weights.empty()) {
        cancel();
        m_predictions.reset();
        emit ready(nullptr);
        return;
    }
    if (m_predictions && samePredictions(*m_predictions, *record, splitFor(*record))) return;
    cancel();
    m_busy = true;
    const quint64 generation = m_generation;
    const QString source = QString::fromStdString(record->experiment.data.source);
    emit started(tr("Loading %1…").arg(source));
    requestDataset(
        m_cache, source, this,
        [this, record, generation](std::shared_ptr<const mlpw::Dataset> data) {
            if (generation == m_generation) predict(record, std::move(data));
        },
        [this, generation](const QString& message) {
            if (generation != m_generation) return;
            m_busy = false;
            emit failed(message);
        });
}

void PredictionService::predict(const RunSnapshot& record, std::shared_ptr<const mlpw::Dataset> data) {
    const quint64 generation = m_generation;
    m_stop = std::make_shared<std::atomic<bool>>(false);
    const SampleSplit split = splitFor(*record);
    emit started(tr("Predicting the %1 images…").arg(splitName(split)));
    using Result = std::shared_ptr<const SamplePredictions>;
    runInBackground<Result>(
        this, [record, data, split, stop = m_stop] { return predictSamples(record, *data, split, stop.get()); },
        [this, generation](const Result& predictions, const QString& error) {
            if (generation != m_generation) return;
            m_busy = false;
            if (!error.isEmpty()) {
                emit failed(error);
                return;
            }
            m_predictions = predictions;
            emit ready(predictions);
        });
}
