#include "training_controller.h"

#include <QThread>

#include "training_worker.h"

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<BatchUpdate>();
    qRegisterMetaType<RunOutcome>();
    qRegisterMetaType<RunSnapshot>();
}

TrainingController::~TrainingController() { shutdown(); }

bool TrainingController::start(const mlpw::ExperimentSpec& spec, std::shared_ptr<const mlpw::Dataset> data) {
    if (m_thread || !data) return false;
    m_flags = std::make_shared<RunFlags>();
    m_outcome = {};
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("training"));
    m_worker = new TrainingWorker(spec, std::move(data), m_flags);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &TrainingWorker::run);
    connect(m_worker, &TrainingWorker::prepared, this, &TrainingController::prepared);
    connect(m_worker, &TrainingWorker::epochBegan, this, &TrainingController::epochBegan);
    connect(m_worker, &TrainingWorker::batchesReady, this, &TrainingController::batchesReady);
    connect(m_worker, &TrainingWorker::epochEnded, this, &TrainingController::epochEnded);
    connect(m_worker, &TrainingWorker::logLine, this, &TrainingController::logLine);
    connect(m_worker, &TrainingWorker::finished, this, [this](const RunOutcome& outcome) { m_outcome = outcome; });
    // run() returns on the worker thread; ending its event loop from there too needs no round trip.
    connect(m_worker, &TrainingWorker::finished, m_thread, &QThread::quit, Qt::DirectConnection);
    connect(m_thread, &QThread::finished, this, &TrainingController::onThreadFinished);
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

void TrainingController::onThreadFinished() {
    if (!m_thread) return;
    delete m_worker;  // its thread has ended: safe to delete from here
    m_thread->deleteLater();
    m_worker = nullptr;
    m_thread = nullptr;
    emit runningChanged(false);
    emit finished(m_outcome);
}

bool TrainingController::shutdown(int timeoutMs) {
    if (!m_thread) return true;
    m_flags->stop = true;
    m_thread->quit();
    if (!m_thread->wait(timeoutMs)) {
        // Still inside an uninterruptible step: let it go rather than destroy a running thread.
        disconnect(m_thread, nullptr, this, nullptr);
        m_thread = nullptr;
        m_worker = nullptr;
        return false;
    }
    disconnect(m_thread, nullptr, this, nullptr);
    delete m_worker;
    delete m_thread;
    m_worker = nullptr;
    m_thread = nullptr;
    return true;
}
