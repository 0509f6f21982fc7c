#include "models/GroupPermissionModel.h"

#include "core/NameOrder.h"
#include "models/Roles.h"

namespace ca {

void GroupPermissionModel::setGroups(const QList<Group> &groups)
{
    beginResetModel();
    m_groups = groups;
    NameOrder::current().sort(m_groups); // the service sends them by ID: another order each account
    m_busy.clear();
    endResetModel();
}

void GroupPermissionModel::setServers(const QList<Server> &servers)
{
    beginResetModel();
    m_servers = servers;
    NameOrder::current().sort(m_servers);
    m_busy.clear();
    endResetModel();
}

void GroupPermissionModel::setGrants(const QList<GroupGrant> &grants)
{
    m_managers.clear();
    m_allServers.clear();
    m_serverGrants.clear();
    for (const GroupGrant &g : grants) {
        switch (g.kind) {
        case GroupGrantKind::Manager:
            m_managers.insert(g.groupId);
            break;
        case GroupGrantKind::AllServers:
            m_allServers.insert(g.groupId);
            break;
        case GroupGrantKind::Server:
            m_serverGrants.insert(g.groupId + u'|' + g.serverId);
            break;
        }
    }
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString GroupPermissionModel::cellKey(int row, int column) const
{
    return m_groups.at(row).id + u'|' + QString::number(column);
}

bool GroupPermissionModel::isGranted(int row, int column) const
{
    const Group &g = m_groups.at(row);
    if (column == Manager)
        return m_managers.contains(g.id);
    if (column == AllServers)
        return m_allServers.contains(g.id);
    return m_serverGrants.contains(g.id + u'|' + m_servers.at(column - FirstServer).id);
}

// Owners and Administrators manage everything; all servers covers each server.
bool GroupPermissionModel::implied(int row, int column) const
{
    if (m_groups.at(row).builtin)
        return true;
    return column >= FirstServer && m_allServers.contains(m_groups.at(row).id);
}

GroupPermissionChange GroupPermissionModel::changeFor(int row, int column, bool granted) const
{
    GroupPermissionChange c;
    c.groupId = groupId(row);
    c.allServers = column == AllServers;
    if (column >= FirstServer)
        c.serverId = m_servers.at(column - FirstServer).id;
    c.granted = granted;
    return c;
}

void GroupPermissionModel::finishChange(const GroupPermissionChange &change, bool succeeded)
{
    int row = -1;
    for (int r = 0; r < rowCount(); ++r)
        if (m_groups.at(r).id == change.groupId)
            row = r;
    if (row < 0)
        return;
    int column = change.allServers ? int(AllServers) : int(Manager);
    for (int s = 0; s < int(m_servers.size()); ++s)
        if (!change.serverId.isEmpty() && m_servers.at(s).id == change.serverId)
            column = FirstServer + s;
    m_busy.remove(cellKey(row, column));
    if (succeeded) {
        const QString g = change.groupId;
        if (column == Manager)
            change.granted ? void(m_managers.insert(g)) : void(m_managers.remove(g));
        else if (column == AllServers) {
            if (change.granted) {
                m_allServers.insert(g);
            } else {
                // Revoking all servers removes every server grant of the group.
                m_allServers.remove(g);
                for (auto it = m_serverGrants.begin(); it != m_serverGrants.end();)
                    it = it->startsWith(g + u'|') ? m_serverGrants.erase(it) : std::next(it);
            }
        } else {
            const QString k = g + u'|' + change.serverId;
            change.granted ? void(m_serverGrants.insert(k)) : void(m_serverGrants.remove(k));
        }
    }
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

int GroupPermissionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int GroupPermissionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstServer + int(m_servers.size());
}

QVariant GroupPermissionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row(), column = index.column();
    const bool busy = m_busy.contains(cellKey(row, column));
    switch (role) {
    case Qt::CheckStateRole:
        if (busy)
            return Qt::PartiallyChecked;
        return (isGranted(row, column) || implied(row, column)) ? Qt::Checked : Qt::Unchecked;
    case BusyRole:
        return busy;
    case IdRole:
        return groupId(row);
    case Qt::ToolTipRole: {
        const Group &g = m_groups.at(row);
        if (busy)
            return tr("Saving…");
        if (g.builtin)
            return tr("%1 always manage everything.").arg(g.name);
        if (column >= FirstServer && m_allServers.contains(g.id))
            return tr("%1 manages every server through \"All servers\".").arg(g.name);
        if (column == Manager)
            return tr("Managers create Connect servers and manage all of them.");
        if (column == AllServers)
            return tr("Manage all current and future servers. Unchecking removes every server "
                      "grant of the group.");
        return tr("Manage the server \"%1\": rename, delete, vault access, tokens.")
            .arg(m_servers.at(column - FirstServer).name);
    }
    default:
        return {};
    }
}

QVariant GroupPermissionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        if (role == Qt::DisplayRole)
            return m_groups.at(section).name;
        if (role == Qt::ToolTipRole)
            return m_groups.at(section).description;
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (section == Manager)
        return role == Qt::DisplayRole ? tr("Manager") : tr("Secrets Automation managers");
    if (section == AllServers)
        return role == Qt::DisplayRole ? tr("All servers") : tr("All current and future servers");
    if (section >= FirstServer && section < columnCount())
        return m_servers.at(section - FirstServer).name;
    return {};
}

Qt::ItemFlags GroupPermissionModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    if (implied(index.row(), index.column()) ||
        m_busy.contains(cellKey(index.row(), index.column())))
        return Qt::ItemIsSelectable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

bool GroupPermissionModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    const bool granted = value.toInt() == Qt::Checked;
    if (granted == isGranted(index.row(), index.column()))
        return false;
    m_busy.insert(cellKey(index.row(), index.column()));
    emit dataChanged(index, index);
    emit changeRequested(changeFor(index.row(), index.column(), granted));
    return true;
}

} // namespace ca
