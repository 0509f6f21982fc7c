#include "models/IdProxyModel.h"

#include "models/Roles.h"

namespace ca {

IdProxyModel::IdProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RawRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

QString IdProxyModel::id(const QModelIndex &proxyIndex) const
{
    return proxyIndex.isValid() ? proxyIndex.data(IdRole).toString() : QString();
}

QModelIndex IdProxyModel::indexOf(const QString &id, int column) const
{
    const auto *source = dynamic_cast<const IdIndexed *>(sourceModel());
    return source ? mapFromSource(source->indexOfId(id, column)) : QModelIndex();
}

} // namespace ca
