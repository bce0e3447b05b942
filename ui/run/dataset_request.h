#pragma once
// Asks the window's DatasetCache for a data set and calls back once: ready(data) when it is loaded (at once when
// the cache holds it) or failed(message), both on `context`'s thread and only while `context` lives.
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

#include "mlpw/data/dataset.h"

class DatasetCache;

void requestDataset(DatasetCache* cache, const QString& source, QObject* context,
                    std::function<void(std::shared_ptr<const mlpw::Dataset>)> ready,
                    std::function<void(const QString& message)> failed);
