// Names and kinds of the account's vaults, servers, users and groups, for models that show
// IDs by name. One instance per window; models redraw when it changes.
#pragma once

#include "core/Domain.h"

#include <limits>

#include <QHash>
#include <QObject>
#include <QSet>

namespace ca {

class Directory : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void setVaults(const QList<Vault> &vaults);
    void setUsers(const QList<User> &users);
    void setGroups(const QList<Group> &groups);
    // The servers' names and the vaults each can reach now; one serversChanged() for all.
    void setServers(const QList<Server> &servers);
    void setServer(const Server &server) { setServers({server}); }
    void removeServer(const QString &id);

    QString vaultName(const QString &id) const;
    QString serverName(const QString &id) const; // "Name (deleted)", or "(deleted server ID)"
    QString userName(const QString &id) const;
    QString groupName(const QString &id) const;
    const Vault *vault(const QString &id) const;
    // The vault's place among all vaults in NameOrder (names people read); vaults not known
    // come after every known one. Lets a model order a token's vaults without comparing names.
    int vaultRank(const QString &id) const;
    // Whether the server can reach the vault; true while its vaults are not known. A token
    // naming a vault its server lost reaches nothing there.
    bool serverReaches(const QString &serverId, const QString &vaultId) const;
    const QList<Vault> &vaults() const { return m_vaultList; }
    const QList<Group> &groups() const { return m_groupList; }

signals:
    void vaultsChanged();
    void serversChanged();
    void usersChanged();
    void groupsChanged();

private:
    QList<Vault> m_vaultList;
    QHash<QString, qsizetype> m_vaultIndex;
    QList<int> m_vaultRanks; // by the index of m_vaultList
    QHash<QString, QString> m_servers;
    QHash<QString, QString> m_deletedServers; // deleted in this session: id → name
    QHash<QString, QSet<QString>> m_serverVaults;
    QHash<QString, QString> m_users;
    QList<Group> m_groupList;
    QHash<QString, QString> m_groups;
};

} // namespace ca
