#include "models/ServerModel.h"

#include "core/Ids.h"
#include "core/NameOrder.h"

#include <QFont>
#include <QLocale>

namespace ca {

ServerModel::ServerModel(const Directory *directory, QObject *parent)
    : KeyedTableModel<Server>(parent)
    , m_directory(directory)
{
    connect(directory, &Directory::vaultsChanged, this, [this] { columnChanged(Vaults); });
    connect(directory, &Directory::usersChanged, this, [this] { columnChanged(Creator); });
}

int ServerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ServerModel::vaultNames(const Server &s) const
{
    QStringList names;
    names.reserve(s.vaults.size());
    for (const QString &v : s.vaults)
        names.append(m_directory->vaultName(v));
    NameOrder::current().sort(names);
    return names.join(u", ");
}

QVariant ServerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Server &s = item(index.row());
    if (role == IdRole)
        return s.id;
    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == RawRole)
            return s.name;
        break;
    case Id:
        if (role == Qt::DisplayRole || role == RawRole)
            return displayId(s.id, IdKind::Server);
        if (role == Qt::FontRole) {
            QFont f(QStringLiteral("monospace"));
            f.setStyleHint(QFont::Monospace);
            return f;
        }
        break;
    case State:
        if (role == Qt::DisplayRole)
            return stateText(s.state);
        if (role == RawRole)
            return s.state;
        break;
    case Vaults:
        if (role == Qt::DisplayRole)
            return s.vaults.isEmpty() ? tr("none") : vaultNames(s);
        if (role == RawRole)
            return int(s.vaults.size());
        if (role == Qt::ToolTipRole)
            return s.vaults.isEmpty() ? tr("This server has no vaults yet.") : vaultNames(s);
        break;
    case Tokens:
        if (role == Qt::DisplayRole || role == RawRole)
            return s.activeTokens;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Created:
        if (role == Qt::DisplayRole)
            return QLocale().toString(s.createdAt.toLocalTime(), QLocale::ShortFormat);
        if (role == RawRole)
            return s.createdAt;
        break;
    case Creator:
        if (role == Qt::DisplayRole || role == RawRole)
            return m_directory->userName(s.creatorId);
        break;
    default:
        break;
    }
    return {};
}

QString ServerModel::stateText(const QString &state)
{
    if (state == u"ACTIVE")
        return tr("Active");
    // A state a newer service added: readable, if not translated.
    return state.isEmpty() ? QString() : state.left(1) + state.mid(1).toLower();
}

QVariant ServerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Tokens)
        return tr("Tokens that are neither revoked nor expired");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Id:
        return tr("ID");
    case State:
        return tr("State");
    case Vaults:
        return tr("Vaults");
    case Tokens:
        return tr("Tokens");
    case Created:
        return tr("Created");
    case Creator:
        return tr("Created by");
    default:
        return {};
    }
}

Qt::ItemFlags ServerModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = KeyedTableModel<Server>::flags(index);
    if (index.isValid() && index.column() == Name)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ServerModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Name ||
        !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString name = value.toString().trimmed();
    const Server &s = item(index.row());
    if (name.isEmpty() || name == s.name)
        return false;
    emit renameRequested(s.id, name);
    return false; // the row changes when the service has renamed it
}

} // namespace ca
