#include "models/PendingChangesModel.h"

#include "models/Colors.h"
#include "models/Roles.h"
#include "models/VaultAccessModel.h"

#include <QBrush>
#include <QColor>

namespace ca {

PendingChangesModel::PendingChangesModel(VaultAccessModel *matrix, QObject *parent)
    : QAbstractListModel(parent)
    , m_matrix(matrix)
{
    connect(matrix, &VaultAccessModel::pendingChanged, this, &PendingChangesModel::rebuild);
    connect(matrix, &QAbstractItemModel::modelReset, this, &PendingChangesModel::rebuild);
    rebuild();
}

void PendingChangesModel::rebuild()
{
    // A derived summary: rebuilt whole when the staged set changes (undo can change any part).
    beginResetModel();
    m_lines.clear();
    // In the matrix's order: by server, then by vault, as the user sees the cells.
    QList<GrantChange> changes = m_matrix->pendingChanges();
    std::stable_sort(
        changes.begin(), changes.end(), [this](const GrantChange &a, const GrantChange &b) {
            const int ra = m_matrix->rowOf(a.serverId), rb = m_matrix->rowOf(b.serverId);
            return ra != rb ? ra < rb
                            : m_matrix->columnOf(a.vaultId) < m_matrix->columnOf(b.vaultId);
        });
    for (const GrantChange &c : std::as_const(changes)) {
        const int row = m_matrix->rowOf(c.serverId), column = m_matrix->columnOf(c.vaultId);
        const QString server = m_matrix->serverName(row), vault = m_matrix->vaultName(column);
        m_lines.append({c.granted ? tr("Grant \"%1\" to \"%2\"").arg(vault, server)
                                  : tr("Revoke \"%1\" from \"%2\"").arg(vault, server),
                        c.serverId, c.vaultId, c.granted});
    }
    endResetModel();
}

int PendingChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant PendingChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Line &l = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return l.text;
    case IdRole:
        return l.vaultId;
    case ServerIdRole:
        return l.serverId;
    case Qt::ForegroundRole:
        return QBrush(colors::text(l.granted ? colors::Tone::Positive : colors::Tone::Negative));
    default:
        return {};
    }
}

} // namespace ca
