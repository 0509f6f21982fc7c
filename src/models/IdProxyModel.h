// A sort/filter proxy that, like its source, maps between IDs and rows, so that actions work
// on IDs and never on row numbers the proxy has shuffled.
#pragma once

#include <QSortFilterProxyModel>

namespace ca {

// Implemented by models whose rows are objects with IDs (KeyedTableModel).
class IdIndexed
{
public:
    virtual ~IdIndexed() = default;
    virtual QModelIndex indexOfId(const QString &id, int column = 0) const = 0;
};

class IdProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit IdProxyModel(QObject *parent = nullptr);
    QString id(const QModelIndex &proxyIndex) const;
    QModelIndex indexOf(const QString &id, int column = 0) const;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace ca
