// Tables of the account's vaults, groups and users (the directory the service holds).
#pragma once

#include "core/Domain.h"
#include "models/KeyedTableModel.h"

namespace ca {

class VaultModel : public KeyedTableModel<Vault>
{
    Q_OBJECT
public:
    enum Column { Name, Type, Grantable, Access, Id, ColumnCount };
    Q_ENUM(Column)
    using KeyedTableModel<Vault>::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // "Created by a user", "Personal", … for people; the wire's name is the tooltip.
    static QString typeText(VaultType type);
};

class GroupModel : public KeyedTableModel<Group>
{
    Q_OBJECT
public:
    enum Column { Name, Description, Id, ColumnCount };
    Q_ENUM(Column)
    using KeyedTableModel<Group>::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

class UserModel : public KeyedTableModel<User>
{
    Q_OBJECT
public:
    enum Column { Name, Email, State, Id, ColumnCount };
    Q_ENUM(Column)
    using KeyedTableModel<User>::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace ca
