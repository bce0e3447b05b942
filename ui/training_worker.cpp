#include "training_worker.h"

#include <thread>

#include "keras_log.h"
#include "mlpw/trainer.h"

TrainingWorker::TrainingWorker(mlpw::ExperimentSpec spec, std::shared_ptr<const mlpw::Dataset> data,
                               std::shared_ptr<RunFlags> flags)
    : m_spec(std::move(spec)), m_data(std::move(data)), m_flags(std::move(flags)) {}

void TrainingWorker::run() {
    RunOutcome outcome;
    try {
        if (!m_data) {
            emit logLine(tr("Loading %1…").arg(QString::fromStdString(m_spec.data.source)));
            m_data = std::make_shared<const mlpw::Dataset>(mlpw::load_dataset(m_spec.data.source));
            emit dataReady(m_data);
        }
        mlpw::Trainer trainer(m_spec, *m_data);
        const auto split = mlpw::split_for_validation(m_data->train.count, m_spec.data.validation_split);
        emit prepared(QString::fromStdString(trainer.threads()), int(split.train.size()), int(split.validation.size()));

        mlpw::TrainerEvents events;
        events.on_epoch_begin = [this](int epoch, int epochs, int batches) {
            m_epochStart = m_lastEmit = Clock::now();
            emit logLine(keras_log::epochHeader(epoch, epochs));
            emit epochBegan(epoch, epochs, batches);
        };
        events.on_batch = [this](const mlpw::BatchMetrics& m) { onBatch(m); };
        events.on_epoch = [this](const mlpw::EpochMetrics& m, const mlpw::EvaluationResult& validation) {
            flush();
            emit epochEnded(m, validation);
            emit logLine(keras_log::epochLine(m));
        };
        events.on_log = [this](const std::string& line) { emit logLine(QString::fromStdString(line)); };
        const mlpw::RunRecord& result = trainer.run(events, m_flags->stop);
        flush();

        switch (result.stop_reason) {
            case mlpw::StopReason::completed: outcome.reason = RunOutcome::Reason::completed; break;
            case mlpw::StopReason::callback: outcome.reason = RunOutcome::Reason::callback; break;
            case mlpw::StopReason::user: outcome.reason = RunOutcome::Reason::user; break;
            case mlpw::StopReason::diverged: outcome.reason = RunOutcome::Reason::diverged; break;
        }
        outcome.message = QString::fromStdString(result.message);
        outcome.epochs_run = result.epochs_run();
        outcome.best_epoch = result.best_epoch;
        outcome.restored_epoch = result.restored_epoch.value_or(0);
        outcome.seconds = result.seconds;
        outcome.threads = QString::fromStdString(trainer.threads());
    } catch (const std::exception& e) {
        outcome.reason = RunOutcome::Reason::failed;
        outcome.message = QString::fromUtf8(e.what());
    }
    emit finished(outcome);
}

void TrainingWorker::onBatch(const mlpw::BatchMetrics& m) {
    const int stride = std::max(1, m.batches / kPointsPerEpoch);
    m_pending.latest = m;
    if (m.batch % stride == 0 || m.batch == m.batches) {
        const double x = m.epoch - 1 + double(m.batch) / m.batches;
        m_pending.loss.append({x, m.loss});
        m_pending.accuracy.append({x, m.accuracy});
    }
    m_hasPending = true;
    const auto now = Clock::now();
    if (now - m_lastEmit >= kUpdateInterval) {
        m_lastEmit = now;
        flush();
    }
    // Pause: hold the training thread between batches; a stop ends the pause.
    while (m_flags->pause.load(std::memory_order_relaxed) && !m_flags->stop.load(std::memory_order_relaxed))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

void TrainingWorker::flush() {
    if (!m_hasPending) return;
    const double elapsed = std::chrono::duration<double>(Clock::now() - m_epochStart).count();
    m_pending.epoch_elapsed_s = elapsed;
    m_pending.samples_per_s = elapsed > 0 ? double(m_pending.latest.batch) * m_spec.training.batch_size / elapsed : 0.0;
    emit batchesReady(m_pending);
    m_pending.loss.clear();
    m_pending.accuracy.clear();
    m_hasPending = false;
}
