#include "models/PendingChangesModel.h"

#include "models/Colors.h"
#include "models/Roles.h"
#include "models/TokenModel.h"
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

void PendingChangesModel::setTokens(const TokenModel *tokens)
{
    if (m_tokens)
        disconnect(m_tokens, nullptr, this, nullptr);
    m_tokens = tokens;
    if (tokens) {
        // A token issued, revoked or expired while edits are staged changes what they take.
        // A refresh brings tokens in many pages and signals: one rebuild after them all.
        auto follow = [this] {
            if (m_matrix->pendingCount() == 0 || m_rebuildQueued)
                return;
            m_rebuildQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_rebuildQueued = false;
                    rebuild();
                },
                Qt::QueuedConnection);
        };
        connect(tokens, &QAbstractItemModel::modelReset, this, follow);
        connect(tokens, &QAbstractItemModel::rowsInserted, this, follow);
        connect(tokens, &QAbstractItemModel::rowsRemoved, this, follow);
        connect(tokens, &QAbstractItemModel::dataChanged, this, follow);
    }
    rebuild();
}

QString PendingChangesModel::applyText() const
{
    return describeBatch(int(m_lines.size()), m_impact);
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
    m_impact = m_tokens ? batchImpact(changes, m_tokens->items(), m_tokens->now()) : BatchImpact{};
    auto revoke = m_impact.revokes.cbegin(); // in the order of the revokes in changes
    for (const GrantChange &c : std::as_const(changes)) {
        const int row = m_matrix->rowOf(c.serverId), column = m_matrix->columnOf(c.vaultId);
        const QString server = m_matrix->serverName(row), vault = m_matrix->vaultName(column);
        QString impact;
        if (!c.granted && revoke != m_impact.revokes.cend())
            impact = describeImpact(*revoke++, vault);
        m_lines.append({c.granted ? tr("Grant \"%1\" to \"%2\"").arg(vault, server)
                                  : tr("Revoke \"%1\" from \"%2\"").arg(vault, server),
                        impact, c.serverId, c.vaultId, c.granted});
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
        return l.impact.isEmpty() ? l.text : l.text + u"\n    ↳ " + l.impact; // under its revoke
    case Qt::ToolTipRole:
        return l.impact.isEmpty() ? QVariant() : QVariant(l.impact);
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
