// The vault access matrix: Connect servers (rows) x vaults (columns). Granted cells are a
// bitset (one bit per cell, 625 KB at 1,000 x 5,000); edits are staged in a sparse map and
// made through QUndoStack commands (a whole row or column is one step); pendingChanges()
// is what "apply" sends as one batch. After a stale-revision refusal, rebase() adopts the
// service's new state, keeps the edits that still mean something, and reports the ones
// that collided with someone else's change.
#pragma once

#include "core/Domain.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QUndoStack>
#include <optional>

namespace ca {

enum class CellState {
    NotGranted,
    Granted,
    StagedAdd,    // will be granted on apply
    StagedRemove, // will be revoked on apply
    NotGrantable, // not a USER_CREATED vault
    NoAccess,     // you can't access the vault, so you can't grant it
};

struct GrantConflict
{
    QString serverId;
    QString vaultId;
    QString serverName;
    QString vaultName;
    QString reason; // a sentence
};

class VaultAccessModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit VaultAccessModel(QObject *parent = nullptr);
    ~VaultAccessModel() override;

    // A fresh start: new servers, vaults and grants; staged edits and history are dropped.
    void load(const QList<Server> &servers, const QList<Vault> &vaults, const GrantMatrix &matrix);
    // The service's newer state under the staged edits (after a 409). Returns the edits that
    // collided; they are also marked on their cells until touched or applied.
    QList<GrantConflict> rebase(const QList<Server> &servers, const QList<Vault> &vaults,
                                const GrantMatrix &matrix);
    // These staged edits were applied as one batch; the service is now at newRevision.
    // Edits staged that were not in the batch stay staged.
    void markApplied(qint64 newRevision, const QList<GrantChange> &applied);
    // While a batch is on its way nothing can be edited (what is sent is what is staged).
    void setFrozen(bool frozen);
    bool isFrozen() const { return m_frozen; }

    qint64 revision() const { return m_revision; }
    QUndoStack *undoStack() { return &m_undo; }
    QList<GrantChange> pendingChanges() const;
    int pendingCount() const { return int(m_staged.size()); }
    int conflictCount() const { return int(m_conflicts.size()); }

    // Editing; each call is one undo step. Cells that can't change are left alone.
    bool toggle(const QModelIndex &cell);
    void setRowGranted(int row, bool granted);
    void setColumnGranted(int column, bool granted);
    void setCellsGranted(const QModelIndexList &cells, bool granted); // a selection, one step
    void toggleRow(int row); // grant all if any editable cell is off, else revoke all
    void toggleColumn(int column);
    void discardChanges();
    // Stages each change (a grant or a revoke of a known cell) as one undo step named what;
    // cells that can't change or already are so are left out. Returns how many were staged.
    int stageChanges(const QString &what, const QList<GrantChange> &changes);

    // A server was renamed elsewhere; only its header changes.
    void renameServer(const QString &serverId, const QString &name);

    CellState cellState(int row, int column) const;
    // The cell for a screen reader: vault, server and state in words.
    QString accessibleText(int row, int column) const;
    bool isEditable(int row, int column) const;
    QString serverId(int row) const { return m_servers.at(row).id; }
    QString vaultId(int column) const { return m_vaults.at(column).id; }
    int rowOf(const QString &serverId) const { return m_serverRows.value(serverId, -1); }
    int columnOf(const QString &vaultId) const { return m_vaultColumns.value(vaultId, -1); }
    QString serverName(int row) const { return m_servers.at(row).name; }
    QString vaultName(int column) const { return m_vaults.at(column).name; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Used by the undo commands: -1 = not staged, 0 = staged revoke, 1 = staged grant.
    struct CellEdit
    {
        QString serverId;
        QString vaultId;
        qint8 before;
        qint8 after;
    };
    void applyEdits(const QList<CellEdit> &edits, bool forward);

signals:
    void pendingChanged(int count);
    void conflictsChanged(int count);
    void frozenChanged(bool frozen);

private:
    struct ServerEntry
    {
        QString id;
        QString name;
    };
    static quint64 key(int row, int column)
    {
        return (quint64(quint32(row)) << 32) | quint32(column);
    }
    bool baseGranted(int row, int column) const;
    void setBase(int row, int column, bool granted);
    qint8 stagedValue(int row, int column) const;
    // Appends the edit that stages the cell as granted, unless there is nothing to change.
    void addEdit(QList<CellEdit> &edits, int row, int column, bool granted) const;
    void stage(const QString &what, const QList<std::pair<int, int>> &cells, bool granted);
    void setStructure(const QList<Server> &servers, const QList<Vault> &vaults,
                      const GrantMatrix &matrix);
    void emitCellsChanged(int firstRow, int lastRow, int firstColumn, int lastColumn);

    QList<ServerEntry> m_servers;
    QList<Vault> m_vaults;
    QHash<QString, int> m_serverRows;
    QHash<QString, int> m_vaultColumns;
    QList<quint64> m_bits; // granted cells, row-major, m_words words per row
    int m_words = 0;
    QHash<quint64, bool> m_staged;       // cell -> desired state
    QHash<quint64, QString> m_conflicts; // cell -> why
    qint64 m_revision = 0;
    bool m_frozen = false;
    QUndoStack m_undo;
};

} // namespace ca
