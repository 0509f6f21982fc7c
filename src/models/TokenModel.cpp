#include "models/TokenModel.h"

#include "core/Ids.h"
#include "models/Colors.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace ca {

// For sharing lists of vaults between tokens (QSet<QList<TokenVault>>).
static size_t qHash(const TokenVault &v, size_t seed = 0)
{
    return qHashMulti(seed, v.vaultId, int(v.access));
}

TokenModel::TokenModel(const Directory *directory, QObject *parent)
    : KeyedTableModel<Token, QString>(parent)
    , m_directory(directory)
{
    connect(directory, &Directory::vaultsChanged, this, &TokenModel::vaultNamesChanged);
    connect(directory, &Directory::serversChanged, this, [this] {
        forgetMatches();
        columnChanged(Server);
        columnChanged(Vaults); // a server's vaults changed: which scopes are lost
    });
}

QString TokenModel::shared(QSet<QString> &strings, const QString &text)
{
    const auto it = strings.constFind(text);
    if (it != strings.constEnd())
        return *it;
    strings.insert(text);
    forgetMatches(); // a server or vault the names were not matched for
    return text;
}

void TokenModel::orderVaults(QList<TokenVault> &vaults) const
{
    if (vaults.size() < 2)
        return;
    std::stable_sort(vaults.begin(), vaults.end(),
                     [this](const TokenVault &a, const TokenVault &b) {
                         const int ra = m_directory->vaultRank(a.vaultId),
                                   rb = m_directory->vaultRank(b.vaultId);
                         return ra != rb ? ra < rb : a.vaultId < b.vaultId;
                     });
}

QString TokenModel::prepare(Token &t)
{
    // 100,000 tokens name a few thousand servers and vaults: one copy of each ID, and of each
    // list of vaults, instead of one per token (issue 15: memory). A list seen before, in the
    // order the service sent it, is found with one lookup.
    t.serverId = shared(m_serverIds, t.serverId);
    if (t.vaults.isEmpty())
        return folded(t.name);
    const auto known = m_sharedLists.constFind(t.vaults);
    if (known != m_sharedLists.constEnd()) {
        t.vaults = *known;
        return folded(t.name);
    }
    const QList<TokenVault> received = t.vaults;
    orderVaults(t.vaults);
    for (TokenVault &v : t.vaults)
        v.vaultId = shared(m_vaultIds, v.vaultId);
    const auto list = m_vaultLists.constFind(t.vaults);
    if (list != m_vaultLists.constEnd())
        t.vaults = *list;
    else
        m_vaultLists.insert(t.vaults);
    m_sharedLists.insert(received, t.vaults);
    return folded(t.name);
}

void TokenModel::vaultNamesChanged()
{
    forgetMatches();
    // Vaults are shown in the order of their names: put each shared list in the new order,
    // then give every token its list's new version.
    QHash<const TokenVault *, QList<TokenVault>> reordered;
    QSet<QList<TokenVault>> lists;
    for (QList<TokenVault> list : std::as_const(m_vaultLists)) {
        const TokenVault *old = list.constData();
        orderVaults(list);
        const auto known = lists.constFind(list);
        reordered.insert(old, known != lists.constEnd() ? *known : *lists.insert(list));
    }
    m_vaultLists = lists;
    for (auto it = m_sharedLists.begin(); it != m_sharedLists.end(); ++it)
        *it = reordered.value(it->constData(), *it);
    for (int row = 0; row < rowCount(); ++row) {
        QList<TokenVault> &vaults = storedItem(row).vaults;
        const auto it = reordered.constFind(vaults.constData());
        if (it != reordered.constEnd())
            vaults = *it;
    }
    columnChanged(Vaults);
}

void TokenModel::matchNames(const QString &text) const
{
    // A few thousand names per text instead of three per row.
    m_matchText = text;
    m_serverMatches.clear();
    m_listMatches.clear();
    m_matchingVaults.clear();
    m_anyServerMatches = false;
    for (const QString &id : m_serverIds) {
        const bool matches = folded(m_directory->serverName(id)).contains(text);
        m_serverMatches.insert(id.constData(), matches);
        m_anyServerMatches |= matches;
    }
    for (const QString &id : m_vaultIds) {
        if (folded(m_directory->vaultName(id)).contains(text))
            m_matchingVaults.insert(id);
    }
    m_anyVaultMatches = !m_matchingVaults.isEmpty();
}

bool TokenModel::serverMatches(const QString &serverId) const
{
    const auto it = m_serverMatches.constFind(serverId.constData());
    return it != m_serverMatches.constEnd()
               ? *it
               : folded(m_directory->serverName(serverId)).contains(m_matchText);
}

bool TokenModel::vaultsMatch(const QList<TokenVault> &vaults) const
{
    const auto it = m_listMatches.constFind(vaults.constData());
    if (it != m_listMatches.constEnd())
        return *it;
    const bool matches = std::any_of(vaults.cbegin(), vaults.cend(), [this](const TokenVault &v) {
        return m_matchingVaults.contains(v.vaultId);
    });
    // Only lists this model shares stay where they are; others are not remembered.
    if (m_vaultLists.contains(vaults) &&
        m_vaultLists.constFind(vaults)->constData() == vaults.constData())
        m_listMatches.insert(vaults.constData(), matches);
    return matches;
}

bool TokenModel::rowContains(int row, const QString &text) const
{
    const Token &t = item(row);
    // IDs are lower-case, as folding makes the text.
    if (rowKey(row).contains(text) || t.id.contains(text))
        return true;
    if (m_matchText != text)
        matchNames(text);
    return (m_anyServerMatches && serverMatches(t.serverId)) ||
           (m_anyVaultMatches && !t.vaults.isEmpty() && vaultsMatch(t.vaults));
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
    QList<TokenScope> out;
    out.reserve(t.vaults.size());
    for (const TokenVault &v : t.vaults)
        out.append({scopeText(m_directory->vaultName(v.vaultId), v.access),
                    !m_directory->serverReaches(t.serverId, v.vaultId)});
    return out;
}

QString TokenModel::permissions(const Token &t) const
{
    QString out;
    for (const TokenVault &v : t.vaults) {
        if (!out.isEmpty())
            out += u", ";
        out += scopeText(m_directory->vaultName(v.vaultId), v.access);
    }
    return out;
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

QString TokenModel::stateText(TokenState state)
{
    switch (state) {
    case TokenState::Active:
        return tr("Active");
    case TokenState::Revoked:
        return tr("Revoked");
    case TokenState::Expired:
        return tr("Expired");
    }
    return {};
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
            return stateText(s);
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
    Qt::ItemFlags f = KeyedTableModel<Token, QString>::flags(index);
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
