// Who may administer Secrets Automation: groups (rows) x Manager, All servers, and each
// server (columns). Checking a cell asks for a grant or revoke (changeRequested); the cell
// shows "busy" until finishChange() reports what the service said.
#pragma once

#include "core/Domain.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

namespace ca {

struct GroupPermissionChange
{
    QString groupId;
    QString serverId; // empty with allServers false: the manager list
    bool allServers = false;
    bool granted = true;
};

class GroupPermissionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum FixedColumn { Manager = 0, AllServers = 1, FirstServer = 2 };

    using QAbstractTableModel::QAbstractTableModel;

    void setGroups(const QList<Group> &groups);
    void setServers(const QList<Server> &servers);
    void setGrants(const QList<GroupGrant> &grants);
    // The service answered the change asked for this cell.
    void finishChange(const GroupPermissionChange &change, bool succeeded);

    bool isGranted(int row, int column) const;
    GroupPermissionChange changeFor(int row, int column, bool granted) const;
    QString groupId(int row) const { return m_groups.at(row).id; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void changeRequested(const ca::GroupPermissionChange &change);

private:
    QString cellKey(int row, int column) const;
    bool implied(int row, int column) const;

    QList<Group> m_groups;
    QList<Server> m_servers;
    QSet<QString> m_managers;
    QSet<QString> m_allServers;
    QSet<QString> m_serverGrants; // "group|server"
    QSet<QString> m_busy;         // cell keys with a change under way
};

} // namespace ca

Q_DECLARE_METATYPE(ca::GroupPermissionChange)
