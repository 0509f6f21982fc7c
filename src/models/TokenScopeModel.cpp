#include "models/TokenScopeModel.h"

#include "models/Directory.h"
#include "models/Roles.h"

namespace ca {

TokenScopeModel::TokenScopeModel(const Directory *directory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_directory(directory)
{}

void TokenScopeModel::setServer(const Server &server, const QList<Token> &allTokens)
{
    beginResetModel();
    m_vaults = server.vaults;
    m_tokens.clear();
    for (const Token &t : allTokens) {
        if (t.serverId == server.id)
            m_tokens.append(t);
    }
    endResetModel();
}

int TokenScopeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int TokenScopeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_vaults.size());
}

QVariant TokenScopeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Token &t = m_tokens.at(index.row());
    const QString &vault = m_vaults.at(index.column());
    std::optional<Access> access;
    for (const TokenVault &v : t.vaults)
        if (v.vaultId == vault)
            access = v.access;
    switch (role) {
    case Qt::DisplayRole:
        return access ? accessSuffix(*access) : QString();
    case RawRole:
        return access ? aclBits(*access) : 0;
    case IdRole:
        return t.id;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::ToolTipRole:
        if (!access)
            return tr("\"%1\" can't reach \"%2\".").arg(t.name, m_directory->vaultName(vault));
        return tr("\"%1\" may %2 in \"%3\".")
            .arg(t.name,
                 *access == Access::Read    ? tr("read")
                 : *access == Access::Write ? tr("write")
                                            : tr("read and write"),
                 m_directory->vaultName(vault));
    default:
        return {};
    }
}

QVariant TokenScopeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount())
            return {};
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return m_directory->vaultName(m_vaults.at(section));
        return {};
    }
    if (section < 0 || section >= rowCount())
        return {};
    const Token &t = m_tokens.at(section);
    if (role == Qt::DisplayRole) {
        const TokenState s = t.stateAt(m_clock());
        return s == TokenState::Active
                   ? t.name
                   : tr("%1 (%2)").arg(t.name,
                                       s == TokenState::Revoked ? tr("revoked") : tr("expired"));
    }
    return {};
}

} // namespace ca
