#pragma once
// Heavy work off the GUI thread: runInBackground runs `work` on Qt's global thread pool and hands its result
// (or the message of what it threw) to `done` on `context`'s thread; nothing is delivered once `context` is gone.
// The work must own what it reads (capture shared_ptrs by value): it may outlive `context`.
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <functional>
#include <memory>
#include <new>

#include "run/tsan_handover.h"

template <typename Result>
void runInBackground(QObject* context, std::function<Result()> work,
                     std::function<void(const Result& result, const QString& error)> done) {
    // Made here, run and filled by the pool thread, read here once the future has finished: QThreadPool's queue
    // and QFuture's state are QMutexes in libQt6Core, hence the hand-overs for TSan (tsan_handover.h).
    struct Outcome {
        std::function<Result()> work;
        Result result{};
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    outcome->work = std::move(work);
    auto* watcher = new QFutureWatcher<void>(context);
    QObject::connect(watcher, &QFutureWatcher<void>::finished, context, [watcher, done, outcome] {
        tsan::takeOver(outcome.get());
        watcher->deleteLater();
        done(outcome->result, outcome->error);
    });
    tsan::handOver(outcome.get());
    watcher->setFuture(QtConcurrent::run([outcome] {
        tsan::takeOver(outcome.get());
        try {
            outcome->result = outcome->work();
        } catch (const std::bad_alloc&) {
            outcome->error = QCoreApplication::translate("runInBackground", "out of memory");
        } catch (const std::exception& e) {
            outcome->error = QString::fromUtf8(e.what());
        }
        tsan::handOver(outcome.get());
    }));
}
