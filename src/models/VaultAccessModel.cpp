#include "models/VaultAccessModel.h"

#include "models/Colors.h"
#include "models/Roles.h"

#include <QBrush>
#include <QColor>

namespace ca {

namespace {

class StageCommand : public QUndoCommand
{
public:
    StageCommand(VaultAccessModel *model, const QString &text,
                 QList<VaultAccessModel::CellEdit> edits)
        : QUndoCommand(text)
        , m_model(model)
        , m_edits(std::move(edits))
    {}
    void redo() override { m_model->applyEdits(m_edits, true); }
    void undo() override { m_model->applyEdits(m_edits, false); }

private:
    VaultAccessModel *m_model;
    QList<VaultAccessModel::CellEdit> m_edits;
};

} // namespace

VaultAccessModel::VaultAccessModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

VaultAccessModel::~VaultAccessModel()
{
    m_undo.clear(); // commands point at this model
}

void VaultAccessModel::setStructure(const QList<Server> &servers, const QList<Vault> &vaults,
                                    const GrantMatrix &matrix)
{
    m_servers.clear();
    m_servers.reserve(servers.size());
    m_serverRows.clear();
    for (const Server &s : servers) {
        m_serverRows.insert(s.id, int(m_servers.size()));
        m_servers.append({s.id, s.name});
    }
    m_vaults = vaults;
    m_vaultColumns.clear();
    for (int c = 0; c < int(m_vaults.size()); ++c)
        m_vaultColumns.insert(m_vaults.at(c).id, c);
    m_words = int((m_vaults.size() + 63) / 64);
    m_bits.fill(0, qsizetype(m_words) * m_servers.size());
    for (const VaultGrant &g : matrix.grants) {
        const int row = rowOf(g.serverId);
        const int column = columnOf(g.vaultId);
        if (row >= 0 && column >= 0)
            setBase(row, column, true);
    }
    m_revision = matrix.revision;
}

void VaultAccessModel::load(const QList<Server> &servers, const QList<Vault> &vaults,
                            const GrantMatrix &matrix)
{
    beginResetModel();
    m_undo.clear();
    m_staged.clear();
    m_conflicts.clear();
    setStructure(servers, vaults, matrix);
    endResetModel();
    emit pendingChanged(0);
    emit conflictsChanged(0);
}

QList<GrantConflict> VaultAccessModel::rebase(const QList<Server> &servers,
                                              const QList<Vault> &vaults, const GrantMatrix &matrix)
{
    struct Kept
    {
        QString serverId, vaultId, serverName, vaultName;
        bool oldBase, desired;
    };
    QList<Kept> edits;
    edits.reserve(m_staged.size());
    for (auto it = m_staged.constBegin(); it != m_staged.constEnd(); ++it) {
        const int row = int(it.key() >> 32);
        const int column = int(it.key() & 0xffffffffu);
        edits.append({serverId(row), vaultId(column), serverName(row), vaultName(column),
                      baseGranted(row, column), it.value()});
    }
    beginResetModel();
    m_undo.clear(); // its commands name cells of a state that is gone
    m_staged.clear();
    m_conflicts.clear();
    setStructure(servers, vaults, matrix);
    QList<GrantConflict> conflicts;
    for (const Kept &e : std::as_const(edits)) {
        const int row = rowOf(e.serverId);
        const int column = columnOf(e.vaultId);
        const QString verb = e.desired ? tr("grant") : tr("revoke");
        if (row < 0 || column < 0) {
            conflicts.append({e.serverId, e.vaultId, e.serverName, e.vaultName,
                              row < 0 ? tr("The server was deleted; your %1 was dropped.").arg(verb)
                                      : tr("The vault is gone; your %1 was dropped.").arg(verb)});
            continue;
        }
        const bool newBase = baseGranted(row, column);
        if (newBase == e.desired) {
            // Someone else made the same change meanwhile: nothing left to do, but say so.
            const QString reason = e.desired ? tr("Someone else granted this meanwhile.")
                                             : tr("Someone else revoked this meanwhile.");
            conflicts.append({e.serverId, e.vaultId, e.serverName, e.vaultName, reason});
            m_conflicts.insert(key(row, column), reason);
            continue;
        }
        if (e.desired && !isEditable(row, column)) {
            const QString reason =
                tr("This vault can no longer be granted; your grant was dropped.");
            conflicts.append({e.serverId, e.vaultId, e.serverName, e.vaultName, reason});
            m_conflicts.insert(key(row, column), reason);
            continue;
        }
        m_staged.insert(key(row, column), e.desired);
        Q_UNUSED(e.oldBase);
    }
    endResetModel();
    emit pendingChanged(pendingCount());
    emit conflictsChanged(conflictCount());
    return conflicts;
}

void VaultAccessModel::markApplied(qint64 newRevision, const QList<GrantChange> &applied)
{
    QList<quint64> cells;
    for (const GrantChange &c : applied) {
        const int row = rowOf(c.serverId), column = columnOf(c.vaultId);
        if (row < 0 || column < 0)
            continue;
        const quint64 k = key(row, column);
        setBase(row, column, c.granted);
        const auto staged = m_staged.constFind(k);
        if (staged != m_staged.constEnd() && *staged == c.granted)
            m_staged.remove(k);
        cells.append(k);
    }
    const bool hadConflicts = !m_conflicts.isEmpty();
    for (auto it = m_conflicts.constBegin(); it != m_conflicts.constEnd(); ++it)
        cells.append(it.key());
    m_conflicts.clear();
    m_undo.clear(); // its commands describe edits that are now the service's state
    m_revision = newRevision;
    for (quint64 c : std::as_const(cells)) {
        const QModelIndex i = index(int(c >> 32), int(c & 0xffffffffu));
        emit dataChanged(i, i);
    }
    emit pendingChanged(pendingCount());
    if (hadConflicts)
        emit conflictsChanged(0);
}

void VaultAccessModel::setFrozen(bool frozen)
{
    if (m_frozen == frozen)
        return;
    m_frozen = frozen;
    emit frozenChanged(frozen);
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::CheckStateRole});
}

QList<GrantChange> VaultAccessModel::pendingChanges() const
{
    QList<GrantChange> out;
    out.reserve(m_staged.size());
    for (auto it = m_staged.constBegin(); it != m_staged.constEnd(); ++it)
        out.append(
            {serverId(int(it.key() >> 32)), vaultId(int(it.key() & 0xffffffffu)), it.value()});
    std::sort(out.begin(), out.end(), [](const GrantChange &a, const GrantChange &b) {
        return a.serverId != b.serverId ? a.serverId < b.serverId : a.vaultId < b.vaultId;
    });
    return out;
}

bool VaultAccessModel::baseGranted(int row, int column) const
{
    return (m_bits.at(qsizetype(row) * m_words + column / 64) >> (column % 64)) & 1u;
}

void VaultAccessModel::setBase(int row, int column, bool granted)
{
    quint64 &word = m_bits[qsizetype(row) * m_words + column / 64];
    const quint64 bit = quint64(1) << (column % 64);
    word = granted ? (word | bit) : (word & ~bit);
}

qint8 VaultAccessModel::stagedValue(int row, int column) const
{
    const auto it = m_staged.constFind(key(row, column));
    return it == m_staged.constEnd() ? qint8(-1) : qint8(*it ? 1 : 0);
}

bool VaultAccessModel::isEditable(int row, int column) const
{
    const Vault &v = m_vaults.at(column);
    if (!v.grantable())
        return false;
    // Revoking needs no access to the vault; granting does.
    return v.accessible || baseGranted(row, column);
}

CellState VaultAccessModel::cellState(int row, int column) const
{
    const qint8 staged = stagedValue(row, column);
    if (staged == 1)
        return CellState::StagedAdd;
    if (staged == 0)
        return CellState::StagedRemove;
    const bool granted = baseGranted(row, column);
    if (granted)
        return CellState::Granted;
    if (!m_vaults.at(column).grantable())
        return CellState::NotGrantable;
    if (!m_vaults.at(column).accessible)
        return CellState::NoAccess;
    return CellState::NotGranted;
}

int VaultAccessModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

int VaultAccessModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_vaults.size());
}

QVariant VaultAccessModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const CellState state = cellState(row, column);
    const auto conflict = m_conflicts.constFind(key(row, column));
    switch (role) {
    case Qt::CheckStateRole:
        return (state == CellState::Granted || state == CellState::StagedAdd) ? Qt::Checked
                                                                              : Qt::Unchecked;
    case StateRole:
        return int(state);
    case IdRole:
    case ServerIdRole:
        return serverId(row);
    case ReasonRole:
    case Qt::ToolTipRole: {
        QString tip;
        switch (state) {
        case CellState::NotGrantable:
            tip = notGrantableExplanation(m_vaults.at(column).type, m_vaults.at(column).name);
            break;
        case CellState::NoAccess:
            tip = tr("You can't grant \"%1\": you don't have access to it yourself.")
                      .arg(vaultName(column));
            break;
        case CellState::StagedAdd:
            tip = tr("Will grant \"%1\" to \"%2\" when you apply.")
                      .arg(vaultName(column), serverName(row));
            break;
        case CellState::StagedRemove:
            tip = tr("Will revoke \"%1\" from \"%2\" when you apply.")
                      .arg(vaultName(column), serverName(row));
            break;
        case CellState::Granted:
            tip = tr("\"%1\" has access to \"%2\".").arg(serverName(row), vaultName(column));
            break;
        case CellState::NotGranted:
            tip = tr("\"%1\" has no access to \"%2\".").arg(serverName(row), vaultName(column));
            break;
        }
        if (conflict != m_conflicts.constEnd())
            tip += u'\n' + *conflict;
        if (role == ReasonRole && state != CellState::NotGrantable && state != CellState::NoAccess)
            return conflict != m_conflicts.constEnd() ? *conflict : QString();
        return tip;
    }
    case Qt::BackgroundRole:
        if (conflict != m_conflicts.constEnd())
            return QBrush(colors::tint(colors::Tone::Conflict)); // someone else changed this
        if (state == CellState::StagedAdd)
            return QBrush(colors::tint(colors::Tone::Positive));
        if (state == CellState::StagedRemove)
            return QBrush(colors::tint(colors::Tone::Negative));
        if (state == CellState::NotGrantable || state == CellState::NoAccess)
            return QBrush(colors::unavailable());
        return {};
    case Qt::DisplayRole:
        // Staged and colliding cells carry a mark besides their colour (not colour alone).
        if (state == CellState::StagedAdd)
            return QStringLiteral("+");
        if (state == CellState::StagedRemove)
            return QStringLiteral("\u2212"); // minus sign
        if (conflict != m_conflicts.constEnd())
            return QStringLiteral("!");
        return {};
    case Qt::AccessibleTextRole:
        return accessibleText(row, column);
    default:
        return {};
    }
}

QString VaultAccessModel::accessibleText(int row, int column) const
{
    // What a screen reader says for a cell: "Kubernetes on Prod: granted, staged to revoke".
    QString state;
    switch (cellState(row, column)) {
    case CellState::Granted:
        state = tr("granted");
        break;
    case CellState::NotGranted:
        state = tr("not granted");
        break;
    case CellState::StagedAdd:
        state = tr("not granted, staged to grant");
        break;
    case CellState::StagedRemove:
        state = tr("granted, staged to revoke");
        break;
    case CellState::NotGrantable:
    case CellState::NoAccess:
        state = tr("can't be granted: %1").arg(data(index(row, column), ReasonRole).toString());
        break;
    }
    const auto conflict = m_conflicts.constFind(key(row, column));
    if (conflict != m_conflicts.constEnd())
        state = tr("%1; changed by someone else: %2").arg(state, *conflict);
    return tr("%1 on %2: %3").arg(vaultName(column), serverName(row), state);
}

QVariant VaultAccessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        if (role == Qt::DisplayRole)
            return serverName(section);
        if (role == IdRole)
            return serverId(section);
        if (role == Qt::ToolTipRole)
            return tr("%1 — right-click to grant or revoke every vault at once")
                .arg(serverName(section));
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    const Vault &v = m_vaults.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return v.name;
    case IdRole:
        return v.id;
    case StateRole:
        return v.grantable() ? (v.accessible ? 1 : 2) : 0;
    case Qt::ToolTipRole:
        if (!v.grantable())
            return notGrantableExplanation(v.type, v.name);
        if (!v.accessible)
            return tr("%1 — you don't have access to this vault, so you can only revoke it.")
                .arg(v.name);
        return tr("%1 — right-click to grant or revoke it for every server at once").arg(v.name);
    default:
        return {};
    }
}

Qt::ItemFlags VaultAccessModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    if (m_frozen || !isEditable(index.row(), index.column()))
        return Qt::ItemIsSelectable; // disabled: the tooltip says why
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

bool VaultAccessModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    if (m_frozen || !isEditable(index.row(), index.column()))
        return false;
    const bool wanted = value.toInt() == Qt::Checked;
    stage(wanted ? tr("Grant %1 to %2").arg(vaultName(index.column()), serverName(index.row()))
                 : tr("Revoke %1 from %2").arg(vaultName(index.column()), serverName(index.row())),
          {{index.row(), index.column()}}, wanted);
    return true;
}

bool VaultAccessModel::toggle(const QModelIndex &cell)
{
    if (!checkIndex(cell, CheckIndexOption::IndexIsValid) || !isEditable(cell.row(), cell.column()))
        return false;
    const bool on = data(cell, Qt::CheckStateRole).toInt() == Qt::Checked;
    return setData(cell, on ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}

void VaultAccessModel::setRowGranted(int row, bool granted)
{
    QList<std::pair<int, int>> cells;
    for (int c = 0; c < columnCount(); ++c)
        cells.append({row, c});
    stage(granted ? tr("Grant every vault to %1").arg(serverName(row))
                  : tr("Revoke every vault from %1").arg(serverName(row)),
          cells, granted);
}

void VaultAccessModel::setColumnGranted(int column, bool granted)
{
    QList<std::pair<int, int>> cells;
    cells.reserve(rowCount());
    for (int r = 0; r < rowCount(); ++r)
        cells.append({r, column});
    stage(granted ? tr("Grant %1 to every server").arg(vaultName(column))
                  : tr("Revoke %1 from every server").arg(vaultName(column)),
          cells, granted);
}

void VaultAccessModel::setCellsGranted(const QModelIndexList &cells, bool granted)
{
    QList<std::pair<int, int>> list;
    list.reserve(cells.size());
    for (const QModelIndex &i : cells) {
        if (checkIndex(i, CheckIndexOption::IndexIsValid))
            list.append({i.row(), i.column()});
    }
    stage(granted ? tr("Grant %1 cells").arg(list.size()) : tr("Revoke %1 cells").arg(list.size()),
          list, granted);
}

void VaultAccessModel::renameServer(const QString &serverId, const QString &name)
{
    const int row = rowOf(serverId);
    if (row < 0 || m_servers.at(row).name == name)
        return;
    m_servers[row].name = name;
    emit headerDataChanged(Qt::Vertical, row, row);
}

void VaultAccessModel::toggleRow(int row)
{
    bool anyOff = false;
    for (int c = 0; c < columnCount() && !anyOff; ++c)
        anyOff =
            isEditable(row, c) && data(index(row, c), Qt::CheckStateRole).toInt() != Qt::Checked;
    setRowGranted(row, anyOff);
}

void VaultAccessModel::toggleColumn(int column)
{
    bool anyOff = false;
    for (int r = 0; r < rowCount() && !anyOff; ++r)
        anyOff = isEditable(r, column) &&
                 data(index(r, column), Qt::CheckStateRole).toInt() != Qt::Checked;
    setColumnGranted(column, anyOff);
}

void VaultAccessModel::discardChanges()
{
    if (m_staged.isEmpty() || m_frozen)
        return;
    QList<CellEdit> edits;
    edits.reserve(m_staged.size());
    for (auto it = m_staged.constBegin(); it != m_staged.constEnd(); ++it) {
        const int row = int(it.key() >> 32), column = int(it.key() & 0xffffffffu);
        edits.append({serverId(row), vaultId(column), qint8(*it ? 1 : 0), qint8(-1)});
    }
    m_undo.push(new StageCommand(this,
                                 edits.size() == 1 ? tr("Discard 1 change")
                                                   : tr("Discard %1 changes").arg(edits.size()),
                                 edits));
}

void VaultAccessModel::addEdit(QList<CellEdit> &edits, int row, int column, bool granted) const
{
    if (!isEditable(row, column))
        return;
    const qint8 before = stagedValue(row, column);
    // Back to the service's state means nothing to stage.
    const qint8 after = baseGranted(row, column) == granted ? qint8(-1) : qint8(granted ? 1 : 0);
    if (before != after)
        edits.append({serverId(row), vaultId(column), before, after});
}

void VaultAccessModel::stage(const QString &what, const QList<std::pair<int, int>> &cells,
                             bool granted)
{
    if (m_frozen)
        return;
    QList<CellEdit> edits;
    edits.reserve(cells.size());
    for (const auto &[row, column] : cells)
        addEdit(edits, row, column, granted);
    if (!edits.isEmpty())
        m_undo.push(new StageCommand(this, what, edits)); // push() runs redo()
}

int VaultAccessModel::stageChanges(const QString &what, const QList<GrantChange> &changes)
{
    if (m_frozen)
        return 0;
    QList<CellEdit> edits;
    for (const GrantChange &c : changes) {
        const int row = rowOf(c.serverId);
        const int column = columnOf(c.vaultId);
        if (row >= 0 && column >= 0)
            addEdit(edits, row, column, c.granted);
    }
    if (!edits.isEmpty())
        m_undo.push(new StageCommand(this, what, edits));
    return int(edits.size());
}

void VaultAccessModel::applyEdits(const QList<CellEdit> &edits, bool forward)
{
    int minRow = INT_MAX, maxRow = -1, minColumn = INT_MAX, maxColumn = -1;
    bool conflictsTouched = false;
    for (const CellEdit &e : edits) {
        const int row = rowOf(e.serverId);
        const int column = columnOf(e.vaultId);
        if (row < 0 || column < 0)
            continue;
        const qint8 value = forward ? e.after : e.before;
        const quint64 k = key(row, column);
        if (value < 0)
            m_staged.remove(k);
        else
            m_staged.insert(k, value == 1);
        conflictsTouched |= m_conflicts.remove(k);
        minRow = std::min(minRow, row);
        maxRow = std::max(maxRow, row);
        minColumn = std::min(minColumn, column);
        maxColumn = std::max(maxColumn, column);
    }
    if (maxRow >= 0)
        emitCellsChanged(minRow, maxRow, minColumn, maxColumn);
    emit pendingChanged(pendingCount());
    if (conflictsTouched)
        emit conflictsChanged(conflictCount());
}

void VaultAccessModel::emitCellsChanged(int firstRow, int lastRow, int firstColumn, int lastColumn)
{
    emit dataChanged(index(firstRow, firstColumn), index(lastRow, lastColumn),
                     {Qt::CheckStateRole, StateRole, Qt::ToolTipRole, ReasonRole,
                      Qt::BackgroundRole, Qt::AccessibleTextRole, Qt::DisplayRole});
}

} // namespace ca
