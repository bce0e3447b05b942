#pragma once
// Sorts the runs table on RunsTableModel::kSortRole: numbers as numbers, text by locale; a missing value (no
// validation, not tested) sorts last in either order.
#include <QSortFilterProxyModel>

class RunsSortProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsSortProxy(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};
