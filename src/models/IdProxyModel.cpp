#include "models/IdProxyModel.h"

#include "core/NameOrder.h"
#include "models/Roles.h"

namespace ca {

IdProxyModel::IdProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RawRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool IdProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Names sort as people read them (the same order as every other list); times, numbers
    // and states as what they are.
    const QVariant a = left.data(sortRole()), b = right.data(sortRole());
    if (a.userType() == QMetaType::QString && b.userType() == QMetaType::QString)
        return NameOrder::current().compare(a.toString(), b.toString()) < 0;
    return QSortFilterProxyModel::lessThan(left, right);
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
