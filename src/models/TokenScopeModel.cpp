#include "models/TokenScopeModel.h"

#include "core/NameOrder.h"
#include "models/Colors.h"
#include "models/Directory.h"
#include "models/Roles.h"

#include <QBrush>
#include <QFont>

namespace ca {

TokenScopeModel::TokenScopeModel(const Directory *directory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_directory(directory)
{}

void TokenScopeModel::setServer(const Server &server, const QList<Token> &allTokens)
{
    beginResetModel();
    m_tokens.clear();
    QStringList lost;
    for (const Token &t : allTokens) {
        if (t.serverId != server.id)
            continue;
        m_tokens.append(t);
        for (const TokenVault &v : t.vaults) {
            if (!server.vaults.contains(v.vaultId) && !lost.contains(v.vaultId))
                lost.append(v.vaultId);
        }
    }
    const NameOrder &order = NameOrder::current();
    order.sortBy(m_tokens, [](const Token &t) { return t.name; });
    auto byName = [this](const QString &id) { return m_directory->vaultName(id); };
    QStringList reached = server.vaults;
    order.sortBy(reached, byName);
    order.sortBy(lost, byName);
    m_columns.clear();
    for (const QString &id : std::as_const(reached))
        m_columns.append({id, false});
    for (const QString &id : std::as_const(lost))
        m_columns.append({id, true});
    endResetModel();
}

QVariant TokenScopeModel::lostFont() const
{
    QFont font;
    font.setStrikeOut(true);
    return font;
}

int TokenScopeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int TokenScopeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TokenScopeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Token &t = m_tokens.at(index.row());
    const Column &column = m_columns.at(index.column());
    const QString &vault = column.vaultId;
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
    case Qt::FontRole:
        return column.lost && access ? lostFont() : QVariant();
    case Qt::ForegroundRole:
        return column.lost ? QVariant(QBrush(colors::dimmed())) : QVariant();
    case Qt::ToolTipRole:
        if (!access)
            return tr("\"%1\" can't reach \"%2\".").arg(t.name, m_directory->vaultName(vault));
        if (column.lost)
            return tr("\"%1\" names \"%2\", but its server no longer has access to that vault, "
                      "so the token can't reach it either.")
                .arg(t.name, m_directory->vaultName(vault));
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
        const Column &column = m_columns.at(section);
        const QString name = m_directory->vaultName(column.vaultId);
        if (role == Qt::DisplayRole)
            return name;
        if (role == Qt::ToolTipRole)
            return column.lost ? tr("%1 — this server no longer has access to it; tokens that "
                                    "name it can't reach it.")
                                     .arg(name)
                               : name;
        if (role == Qt::FontRole && column.lost)
            return lostFont();
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
