#include "run/dataset_cache.h"

#include <QMetaObject>
#include <QThread>

#include <new>

#include "run/tsan_handover.h"

DatasetCache::DatasetCache(QObject* parent) : QObject(parent) {}

DatasetCache::~DatasetCache() {
    m_queue.clear();
    if (m_loader) m_loader->wait();  // a load takes well under a second; its result is dropped
}

void DatasetCache::request(const QString& source) {
    if (m_sets.contains(source)) {
        emit loaded(source, m_sets.value(source));
        return;
    }
    if (!m_queue.contains(source)) m_queue.append(source);
    if (!m_loader) startNext();
}

void DatasetCache::startNext() {
    if (m_queue.isEmpty()) return;
    const QString source = m_queue.front();
    m_loader.reset(QThread::create([this, source] {
        std::shared_ptr<const mlpw::Dataset> data;
        QString error;
        try {
            data = std::make_shared<const mlpw::Dataset>(mlpw::load_dataset(source.toStdString()));
        } catch (const std::bad_alloc&) {
            error = tr("out of memory while loading the images of %1").arg(source);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        tsan::handOver(this);  // the data set, read on the GUI thread from now on (tsan_handover.h)
        QMetaObject::invokeMethod(
            this,
            [this, source, data, error] {
                tsan::takeOver(this);
                m_queue.removeAll(source);
                if (data) {
                    m_sets.insert(source, data);
                    emit loaded(source, data);
                } else {
                    emit failed(source, error);
                }
            },
            Qt::QueuedConnection);
    }));
    connect(m_loader.get(), &QThread::finished, this, [this] {
        m_loader->wait();  // finished() comes just before the thread returns
        m_loader.reset();
        startNext();
    });
    m_loader->start();
}
