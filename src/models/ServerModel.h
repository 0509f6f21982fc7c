// The Servers page's table: one row per Connect server. Renaming in place asks for the
// change (renameRequested) instead of changing the row: the service decides.
#pragma once

#include "core/Domain.h"
#include "models/Directory.h"
#include "models/KeyedTableModel.h"

namespace ca {

class ServerModel : public KeyedTableModel<Server>
{
    Q_OBJECT
public:
    enum Column { Name, Vaults, Tokens, Created, Creator, Id, State, ColumnCount };
    Q_ENUM(Column)

    explicit ServerModel(const Directory *directory, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    QString vaultNames(const Server &server) const;
    static QString stateText(const QString &state); // "ACTIVE" → "Active", translated

signals:
    void renameRequested(const QString &serverId, const QString &newName);

private:
    const Directory *m_directory;
};

} // namespace ca
