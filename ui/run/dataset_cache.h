#pragma once
// Loads data sets off the GUI thread and keeps them, shared read-only with training runs.
// request() returns at once; loaded() or failed() follow on the GUI thread. The only loader of the window: a
// training run gets its data set from here.
#include <QHash>
#include <QObject>
#include <QString>

#include <QThread>

#include <memory>

#include "mlpw/data/dataset.h"

class DatasetCache : public QObject {
    Q_OBJECT
public:
    explicit DatasetCache(QObject* parent = nullptr);
    ~DatasetCache() override;

    void request(const QString& source);
    std::shared_ptr<const mlpw::Dataset> get(const QString& source) const { return m_sets.value(source); }

signals:
    void loaded(const QString& source, std::shared_ptr<const mlpw::Dataset> data);
    void failed(const QString& source, const QString& message);

private:
    void startNext();

    QHash<QString, std::shared_ptr<const mlpw::Dataset>> m_sets;
    QStringList m_queue;
    std::unique_ptr<QThread> m_loader;  // the load under way; the destructor waits for it
};
