#include "run/training_controller.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include "run/training_worker.h"
#include "run/tsan_handover.h"

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<BatchUpdate>();
    qRegisterMetaType<RunOutcome>();
    qRegisterMetaType<RunSnapshot>();
}

TrainingController::~TrainingController() { shutdown(-1); }

bool TrainingController::start(const mlpw::ExperimentSpec& spec, std::shared_ptr<const mlpw::Dataset> data) {
    if (m_thread || !data) return false;
    m_flags = std::make_shared<RunFlags>();
    m_outcome = {};
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("training"));
    m_worker = std::make_unique<TrainingWorker>(spec, std::move(data), m_flags);
    m_worker->setMyDigits(m_myDigits);
    m_worker->moveToThread(m_thread.get());
    TrainingWorker* worker = m_worker.get();
    connect(m_thread.get(), &QThread::started, worker, &TrainingWorker::run);
    connect(worker, &TrainingWorker::prepared, this, &TrainingController::prepared);
    connect(worker, &TrainingWorker::epochBegan, this, &TrainingController::epochBegan);
    // What the worker's queued signals carry was written on its thread just before (tsan_handover.h).
    RunFlags* handOver = m_flags.get();
    connect(worker, &TrainingWorker::batchesReady, this, [this, handOver](const BatchUpdate& update) {
        tsan::takeOver(handOver);
        emit batchesReady(update);
    });
    connect(worker, &TrainingWorker::epochEnded, this, [this, handOver](const RunSnapshot& record) {
        tsan::takeOver(handOver);
        emit epochEnded(record);
    });
    connect(worker, &TrainingWorker::logLine, this, &TrainingController::logLine);
    connect(worker, &TrainingWorker::finished, this, [this, handOver](const RunOutcome& outcome) {
        tsan::takeOver(handOver);
        m_outcome = outcome;
    });
    // run() returns on the worker thread; ending its event loop from there too needs no round trip.
    connect(worker, &TrainingWorker::finished, m_thread.get(), &QThread::quit, Qt::DirectConnection);
    connect(m_thread.get(), &QThread::finished, this, &TrainingController::onThreadFinished);
    m_thread->start();
    emit runningChanged(true);
    return true;
}

bool TrainingController::isPaused() const { return m_flags && m_flags->pause.load(); }

void TrainingController::stop() {
    if (m_flags) m_flags->stop = true;
}

void TrainingController::setPaused(bool paused) {
    if (m_flags && m_thread) m_flags->pause = paused;
}

void TrainingController::release() {
    m_thread->wait();               // QThread::finished comes just before the thread returns: let it return
    tsan::takeOver(m_flags.get());  // the join (a futex in libQt6Core): all the worker did is done
    m_worker.reset();
    m_thread.reset();
}

void TrainingController::onThreadFinished() {
    if (!m_thread) return;
    release();
    emit runningChanged(false);
    emit finished(m_outcome);
}

bool TrainingController::shutdown(int timeoutMs) {
    if (!m_thread) return true;
    m_flags->stop = true;
    m_thread->quit();
    if (!m_thread->wait(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs)))
        return false;  // still inside a step: keep it; onThreadFinished() ends it as usual
    release();
    // The run's queued signals (QThread::finished among them) must not arrive now that it is over.
    QCoreApplication::removePostedEvents(this, QEvent::MetaCall);
    return true;
}
