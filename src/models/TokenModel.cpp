#include "models/TokenModel.h"

#include "core/Ids.h"
#include "core/NameOrder.h"
#include "models/Colors.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace ca {

TokenModel::TokenModel(const Directory *directory, QObject *parent)
    : KeyedTableModel<Token>(parent)
    , m_directory(directory)
{
    connect(directory, &Directory::vaultsChanged, this, [this] { columnChanged(Vaults); });
    connect(directory, &Directory::serversChanged, this, [this] {
        columnChanged(Server);
        columnChanged(Vaults); // a server's vaults changed: which scopes are lost
    });
}

void TokenModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    columnChanged(Expires);
    columnChanged(State);
}

int TokenModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QList<TokenScope> TokenModel::scopes(const Token &t) const
{
    QList<TokenVault> vaults = t.vaults;
    NameOrder::current().sortBy(
        vaults, [this](const TokenVault &v) { return m_directory->vaultName(v.vaultId); });
    QList<TokenScope> out;
    out.reserve(vaults.size());
    for (const TokenVault &v : std::as_const(vaults))
        out.append({QStringLiteral("%1 (%2)").arg(m_directory->vaultName(v.vaultId),
                                                  accessSuffix(v.access)),
                    !m_directory->serverReaches(t.serverId, v.vaultId)});
    return out;
}

QString TokenModel::permissions(const Token &t) const
{
    QStringList parts;
    for (const TokenScope &s : scopes(t))
        parts.append(s.text);
    return parts.join(u", ");
}

QString TokenModel::scopeDescription(const Token &t) const
{
    QStringList lines;
    for (const TokenScope &s : scopes(t))
        lines.append(s.lost ? tr("%1 — \"%2\" no longer has access to this vault, so the token "
                                 "can't reach it either.")
                                  .arg(s.text, m_directory->serverName(t.serverId))
                            : s.text);
    return lines.join(u'\n');
}

QString TokenModel::relativeExpiry(const QDateTime &expiresAt, const QDateTime &now)
{
    if (!expiresAt.isValid())
        return tr("never");
    const qint64 seconds = now.secsTo(expiresAt);
    const qint64 magnitude = std::abs(seconds);
    // Rounded to the nearest unit, not down: a new 30-day token reads "in 30 days", although a
    // few seconds have passed since it was created. Singular and plural spelled out: only
    // English and German ship, and neither needs more.
    const auto rounded = [magnitude](qint64 unit) { return (magnitude + unit / 2) / unit; };
    QString amount;
    if (rounded(60) < 60) {
        const qint64 m = std::max<qint64>(1, rounded(60));
        amount = m == 1 ? tr("1 minute") : tr("%1 minutes").arg(m);
    } else if (rounded(3600) < 48) {
        const qint64 h = rounded(3600);
        amount = h == 1 ? tr("1 hour") : tr("%1 hours").arg(h);
    } else {
        amount = tr("%1 days").arg(rounded(86400));
    }
    return seconds >= 0 ? tr("in %1").arg(amount) : tr("%1 ago").arg(amount);
}

QVariant TokenModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Token &t = item(index.row());
    if (role == IdRole)
        return t.id;
    if (role == ServerIdRole)
        return t.serverId;
    if (role == StateRole)
        return int(t.stateAt(m_clock()));
    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == RawRole)
            return t.name;
        break;
    case Server:
        if (role == Qt::DisplayRole || role == RawRole)
            return m_directory->serverName(t.serverId);
        break;
    case Vaults:
        if (role == Qt::DisplayRole || role == RawRole)
            return permissions(t);
        if (role == ScopesRole)
            return QVariant::fromValue(scopes(t));
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return scopeDescription(t);
        break;
    case Expires: {
        const QDateTime now = m_clock();
        if (role == Qt::DisplayRole) {
            // A revoked token's remaining time means nothing; a scheduled revocation (after a
            // rotation) matters more than a far expiry.
            if (t.state == TokenState::Revoked)
                return tr("revoked");
            if (t.revokesAt.isValid())
                return tr("revokes %1").arg(relativeExpiry(t.revokesAt, now));
            return relativeExpiry(t.expiresAt, now);
        }
        if (role == RawRole) // never-expiring sorts last
            return t.expiresAt.isValid() ? t.expiresAt
                                         : QDateTime::fromMSecsSinceEpoch(
                                               std::numeric_limits<qint64>::max() / 2, Qt::UTC);
        if (role == Qt::ToolTipRole)
            return t.expiresAt.isValid()
                       ? QLocale().toString(t.expiresAt.toLocalTime(), QLocale::LongFormat)
                       : tr("This token does not expire.");
        if (role == Qt::ForegroundRole && t.state != TokenState::Revoked && t.expiresAt.isValid()) {
            if (t.expiresAt <= now)
                return QBrush(colors::text(colors::Tone::Negative)); // expired
            if (now.secsTo(t.expiresAt) < kDueSoonDays * 86400)
                return QBrush(colors::text(colors::Tone::Neutral)); // due soon
        }
        break;
    }
    case State: {
        const TokenState s = t.stateAt(m_clock());
        if (role == Qt::DisplayRole)
            return s == TokenState::Active    ? tr("Active")
                   : s == TokenState::Revoked ? tr("Revoked")
                                              : tr("Expired");
        if (role == RawRole)
            return int(s);
        if (role == Qt::ForegroundRole && s != TokenState::Active)
            return QBrush(s == TokenState::Expired ? colors::text(colors::Tone::Negative)
                                                   : colors::dimmed());
        break;
    }
    case Created:
        if (role == Qt::DisplayRole)
            return QLocale().toString(t.createdAt.toLocalTime(), QLocale::ShortFormat);
        if (role == RawRole)
            return t.createdAt;
        break;
    case Id:
        if (role == Qt::DisplayRole || role == RawRole)
            return displayId(t.id, IdKind::Token);
        break;
    default:
        break;
    }
    return {};
}

QVariant TokenModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Server:
        return tr("Server");
    case Vaults:
        return tr("Vaults and permissions");
    case Expires:
        return tr("Expires");
    case State:
        return tr("State");
    case Created:
        return tr("Created");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

Qt::ItemFlags TokenModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = KeyedTableModel<Token>::flags(index);
    if (index.isValid() && index.column() == Name)
        f |= Qt::ItemIsEditable;
    return f;
}

bool TokenModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Name ||
        !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString name = value.toString().trimmed();
    const Token &t = item(index.row());
    if (name.isEmpty() || name == t.name)
        return false;
    emit renameRequested(t.id, t.serverId, name);
    return false;
}

} // namespace ca
