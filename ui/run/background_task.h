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
#include <new>

template <typename Result>
void runInBackground(QObject* context, std::function<Result()> work,
                     std::function<void(const Result& result, const QString& error)> done) {
    struct Outcome {
        Result result{};
        QString error;
    };
    auto* watcher = new QFutureWatcher<Outcome>(context);
    QObject::connect(watcher, &QFutureWatcher<Outcome>::finished, context, [watcher, done] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        done(outcome.result, outcome.error);
    });
    watcher->setFuture(QtConcurrent::run([work] {
        Outcome outcome;
        try {
            outcome.result = work();
        } catch (const std::bad_alloc&) {
            outcome.error = QCoreApplication::translate("runInBackground", "out of memory");
        } catch (const std::exception& e) {
            outcome.error = QString::fromUtf8(e.what());
        }
        return outcome;
    }));
}
