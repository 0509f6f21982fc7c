#include "models/Directory.h"

#include "core/Ids.h"
#include "core/NameOrder.h"

#include <numeric>

namespace ca {

void Directory::setVaults(const QList<Vault> &vaults)
{
    m_vaultList = vaults;
    m_vaultIndex.clear();
    for (qsizetype i = 0; i < m_vaultList.size(); ++i)
        m_vaultIndex.insert(m_vaultList.at(i).id, i);
    QList<int> order(m_vaultList.size());
    std::iota(order.begin(), order.end(), 0);
    const NameOrder &names = NameOrder::current();
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Vault &va = m_vaultList.at(a), &vb = m_vaultList.at(b);
        const int byName = names.compare(va.name, vb.name);
        return byName != 0 ? byName < 0 : va.id < vb.id;
    });
    m_vaultRanks.resize(m_vaultList.size());
    for (qsizetype rank = 0; rank < order.size(); ++rank)
        m_vaultRanks[order.at(rank)] = int(rank);
    emit vaultsChanged();
}

void Directory::setUsers(const QList<User> &users)
{
    m_users.clear();
    for (const User &u : users)
        m_users.insert(u.id, u.name.isEmpty() ? u.email : u.name);
    emit usersChanged();
}

void Directory::setGroups(const QList<Group> &groups)
{
    m_groupList = groups;
    m_groups.clear();
    for (const Group &g : groups)
        m_groups.insert(g.id, g.name);
    emit groupsChanged();
}

void Directory::setServers(const QList<Server> &servers)
{
    bool changed = false;
    for (const Server &server : servers) {
        const QSet<QString> vaults(server.vaults.cbegin(), server.vaults.cend());
        const auto known = m_serverVaults.constFind(server.id);
        if (known != m_serverVaults.constEnd() && *known == vaults &&
            m_servers.value(server.id) == server.name)
            continue;
        m_servers.insert(server.id, server.name);
        m_serverVaults.insert(server.id, vaults);
        changed = true;
    }
    if (changed)
        emit serversChanged();
}

void Directory::removeServer(const QString &id)
{
    m_serverVaults.remove(id);
    const auto it = m_servers.constFind(id);
    if (it == m_servers.constEnd())
        return;
    m_deletedServers.insert(id, *it); // its revoked tokens stay listed: keep saying whose
    m_servers.erase(it);
    emit serversChanged();
}

bool Directory::serverReaches(const QString &serverId, const QString &vaultId) const
{
    const auto it = m_serverVaults.constFind(serverId);
    return it == m_serverVaults.constEnd() || it->contains(vaultId);
}

QString Directory::vaultName(const QString &id) const
{
    const auto it = m_vaultIndex.constFind(id);
    return it == m_vaultIndex.constEnd() ? displayId(id, IdKind::Vault) : m_vaultList.at(*it).name;
}

QString Directory::serverName(const QString &id) const
{
    const auto it = m_servers.constFind(id);
    if (it != m_servers.constEnd())
        return *it;
    const auto deleted = m_deletedServers.constFind(id);
    return deleted != m_deletedServers.constEnd()
               ? tr("%1 (deleted)").arg(*deleted)
               : tr("(deleted server %1)").arg(displayId(id, IdKind::Server));
}

int Directory::vaultRank(const QString &id) const
{
    const auto it = m_vaultIndex.constFind(id);
    return it == m_vaultIndex.constEnd() ? std::numeric_limits<int>::max() : m_vaultRanks.at(*it);
}

QString Directory::userName(const QString &id) const
{
    return m_users.value(id, displayId(id, IdKind::User));
}

QString Directory::groupName(const QString &id) const
{
    return m_groups.value(id, displayId(id, IdKind::Group));
}

const Vault *Directory::vault(const QString &id) const
{
    const auto it = m_vaultIndex.constFind(id);
    return it == m_vaultIndex.constEnd() ? nullptr : &m_vaultList.at(*it);
}

} // namespace ca
