#include "run/training_worker.h"

#include <new>
#include <thread>

#include "mlpw/training/trainer.h"
#include "run/keras_log.h"
#include "run/tsan_handover.h"

namespace {

RunOutcome::Reason reason_of(mlpw::StopReason reason) {
    switch (reason) {
        case mlpw::StopReason::completed: return RunOutcome::Reason::completed;
        case mlpw::StopReason::callback: return RunOutcome::Reason::callback;
        case mlpw::StopReason::user: return RunOutcome::Reason::user;
        case mlpw::StopReason::diverged: return RunOutcome::Reason::diverged;
    }
    return RunOutcome::Reason::failed;
}

}  // namespace

TrainingWorker::TrainingWorker(mlpw::ExperimentSpec spec, std::shared_ptr<const mlpw::Dataset> data,
                               std::shared_ptr<RunFlags> flags)
    : m_spec(std::move(spec)), m_data(std::move(data)), m_flags(std::move(flags)) {}

void TrainingWorker::run() {
    RunOutcome outcome;
    try {
        mlpw::Trainer trainer(m_spec, *m_data);
        const mlpw::RunRecord& record = trainer.record();
        emit prepared(QString::fromStdString(trainer.threads()), record.data.train_samples,
                      record.data.validation_samples);

        mlpw::TrainerEvents events;
        events.on_epoch_begin = [this](int epoch, int epochs, int batches) {
            m_epochStart = m_lastEmit = Clock::now();
            emit logLine(keras_log::epochHeader(epoch, epochs));
            emit epochBegan(epoch, epochs, batches);
        };
        events.on_batch = [this, &record](const mlpw::BatchMetrics& m) { onBatch(m, record); };
        events.on_epoch = [this, &record](const mlpw::EpochMetrics&, const mlpw::EvaluationResult&) {
            flush();
            m_myDigits.scoreLatest(record);
            auto snapshot = std::make_shared<const mlpw::RunRecord>(m_myDigits.annotated(record));
            tsan::handOver(m_flags.get());  // the snapshot, taken over by the controller (TSan builds only)
            emit epochEnded(snapshot);
            emit logLine(keras_log::epochLine(snapshot->history.back()));
        };
        events.on_log = [this](const std::string& line) { emit logLine(QString::fromStdString(line)); };
        trainer.run(events, m_flags->stop);
        flush();
        // The test set, as `mlpw train` reports it (the runs table's test accuracy); not after a stop.
        if (record.epochs_run() > 0 && !m_flags->stop.load()) trainer.evaluate_test_set();

        outcome.reason = reason_of(record.stop_reason);
        outcome.message = QString::fromStdString(record.message);
        outcome.epochs_run = record.epochs_run();
        outcome.best_epoch = record.best_epoch;
        outcome.restored_epoch = record.restored_epoch.value_or(0);
        outcome.seconds = record.seconds;
        outcome.threads = QString::fromStdString(record.threads);
        outcome.record = std::make_shared<const mlpw::RunRecord>(m_myDigits.annotated(record));
    } catch (const std::bad_alloc&) {  // the large allocations name themselves (mlpw::OutOfMemoryError)
        outcome.reason = RunOutcome::Reason::failed;
        outcome.message = tr("out of memory while allocating a buffer (the summary estimates what a run needs)");
    } catch (const std::exception& e) {
        outcome.reason = RunOutcome::Reason::failed;
        outcome.message = QString::fromUtf8(e.what());
    }
    tsan::handOver(m_flags.get());  // the outcome, and all this thread did: see TrainingController::release
    emit finished(outcome);
    tsan::handOver(m_flags.get());  // emitting finished ran the slot that quits this thread
}

void TrainingWorker::onBatch(const mlpw::BatchMetrics& m, const mlpw::RunRecord& record) {
    m_pending.latest = m;
    for (; m_pointsSent < record.batches.size(); ++m_pointsSent) {
        const mlpw::BatchPoint& p = record.batches[m_pointsSent];
        m_pending.loss.append({p.progress, p.loss});
        m_pending.accuracy.append({p.progress, p.accuracy});
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
    tsan::handOver(m_flags.get());  // the points, taken over by the controller
    emit batchesReady(m_pending);
    m_pending.loss.clear();
    m_pending.accuracy.clear();
    m_hasPending = false;
}
