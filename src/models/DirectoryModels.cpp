#include "models/DirectoryModels.h"

#include "core/Ids.h"

namespace ca {

QString VaultModel::typeText(VaultType type)
{
    switch (type) {
    case VaultType::UserCreated:
        return tr("Created by a user");
    case VaultType::Personal:
        return tr("Personal");
    case VaultType::Everyone:
        return tr("Everyone (built in)");
    case VaultType::Transfer:
        return tr("Transfer (built in)");
    }
    return vaultTypeName(type);
}

int VaultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VaultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Vault &v = item(index.row());
    if (role == IdRole)
        return v.id;
    if (role == ReasonRole)
        return notGrantableExplanation(v.type, v.name);
    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole || role == RawRole)
            return v.name;
        break;
    case Type:
        if (role == Qt::DisplayRole)
            return typeText(v.type); // words, not the wire's USER_CREATED
        if (role == RawRole || role == Qt::ToolTipRole)
            return vaultTypeName(v.type);
        break;
    case Grantable:
        if (role == Qt::DisplayRole)
            return v.grantable() ? tr("Yes") : tr("No");
        if (role == RawRole)
            return v.grantable();
        if (role == Qt::ToolTipRole && !v.grantable())
            return notGrantableExplanation(v.type, v.name);
        break;
    case Access:
        if (role == Qt::DisplayRole)
            return v.accessible ? tr("You have access") : tr("No access");
        if (role == RawRole)
            return v.accessible;
        break;
    case Id:
        if (role == Qt::DisplayRole || role == RawRole)
            return displayId(v.id, IdKind::Vault);
        break;
    default:
        break;
    }
    return {};
}

QVariant VaultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Vault");
    case Type:
        return tr("Type");
    case Grantable:
        return tr("Can be granted");
    case Access:
        return tr("Your access");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

int GroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Group &g = item(index.row());
    if (role == IdRole)
        return g.id;
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (index.column()) {
    case Name:
        return g.name;
    case Description:
        return g.description;
    case Id:
        return displayId(g.id, IdKind::Group);
    default:
        return {};
    }
}

QVariant GroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Group");
    case Description:
        return tr("Description");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

int UserModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const User &u = item(index.row());
    if (role == IdRole)
        return u.id;
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (index.column()) {
    case Name:
        return u.name;
    case Email:
        return u.email;
    case State:
        return u.state;
    case Id:
        return displayId(u.id, IdKind::User);
    default:
        return {};
    }
}

QVariant UserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Email:
        return tr("Email");
    case State:
        return tr("State");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

} // namespace ca
