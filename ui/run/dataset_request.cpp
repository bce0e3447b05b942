// See dataset_request.h.
#include "run/dataset_request.h"

#include "run/dataset_cache.h"

void requestDataset(DatasetCache* cache, const QString& source, QObject* context,
                    std::function<void(std::shared_ptr<const mlpw::Dataset>)> ready,
                    std::function<void(const QString& message)> failed) {
    if (const auto data = cache->get(source)) {
        ready(data);
        return;
    }
    // Both connections go when either answers for this source.
    auto connections = std::make_shared<std::pair<QMetaObject::Connection, QMetaObject::Connection>>();
    auto disconnect = [connections] {
        QObject::disconnect(connections->first);
        QObject::disconnect(connections->second);
    };
    connections->first =
        QObject::connect(cache, &DatasetCache::loaded, context,
                         [source, ready, disconnect](const QString& loaded, std::shared_ptr<const mlpw::Dataset> data) {
                             if (loaded != source) return;
                             disconnect();
                             ready(data);
                         });
    connections->second = QObject::connect(cache, &DatasetCache::failed, context,
                                           [source, failed, disconnect](const QString& which, const QString& message) {
                                               if (which != source) return;
                                               disconnect();
                                               failed(message);
                                           });
    cache->request(source);
}
