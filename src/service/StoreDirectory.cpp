// The Store's directory: the account, users, groups and their members, vaults and who may
// use them.
#include "service/StoreSql.h"

#include "core/Ids.h"

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

std::optional<Account> Store::account()
{
    std::optional<Account> a;
    forEachRow(run(u"SELECT id, name, domain, created_at FROM accounts LIMIT 1"_s),
               [&](const QSqlQuery &q) {
                   a = Account{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               fromMs(q.value(3))};
               });
    return a;
}

void Store::insertAccount(const Account &a)
{
    run(u"INSERT INTO accounts (id, name, domain, created_at) VALUES (?, ?, ?, ?)"_s,
        {a.id, a.name, a.domain, ms(a.createdAt)})
        .finish();
}

void Store::insertUser(const User &u, const QString &passwordHash, const QDateTime &at)
{
    run(u"INSERT INTO users (id, email, name, state, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {u.id, u.email.toLower(), u.name, u.state, passwordHash, ms(at)})
        .finish();
}

void Store::setPasswordHash(const QString &userId, const QString &passwordHash)
{
    run(u"UPDATE users SET password_hash = ? WHERE id = ?"_s, {passwordHash, userId}).finish();
}

std::optional<StoredUser> Store::userByEmail(const QString &email)
{
    std::optional<StoredUser> r;
    forEachRow(run(u"SELECT id, email, name, state, password_hash FROM users WHERE email = ?"_s,
                   {email.toLower()}),
               [&](const QSqlQuery &q) {
                   r = StoredUser{User{q.value(0).toString(), q.value(1).toString(),
                                       q.value(2).toString(), q.value(3).toString()},
                                  q.value(4).toString()};
               });
    return r;
}

std::optional<User> Store::userByIdOrEmail(const QString &ref)
{
    std::optional<User> r;
    forEachRow(run(u"SELECT id, email, name, state FROM users WHERE id = ? OR email = ?"_s,
                   {canonicalId(ref), ref.trimmed().toLower()}),
               [&](const QSqlQuery &q) {
                   r = User{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString()};
               });
    return r;
}

Page<User> Store::listUsers(const PageRequest &page)
{
    Page<User> p;
    forEachRow(run(u"SELECT id, email, name, state FROM users WHERE id > ? ORDER BY id LIMIT ?"_s,
                   {afterKey(page), page.limit + 1}),
               [&](const QSqlQuery &q) {
                   p.items.append(User{q.value(0).toString(), q.value(1).toString(),
                                       q.value(2).toString(), q.value(3).toString()});
               });
    trimPage(p, page.limit, [](const auto &item) { return item.id; });
    return p;
}

void Store::insertGroup(const Group &g, const QDateTime &at)
{
    run(u"INSERT INTO user_groups (id, name, description, builtin, created_at) VALUES (?, ?, ?, ?, ?)"_s,
        {g.id, g.name, g.description, g.builtin ? 1 : 0, ms(at)})
        .finish();
}

void Store::addMember(const QString &groupId, const QString &userId)
{
    run(u"INSERT INTO group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
        {groupId, userId})
        .finish();
}

static Group groupFromRow(const QSqlQuery &q)
{
    return Group{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                 q.value(3).toInt() != 0};
}

Page<Group> Store::listGroups(const PageRequest &page)
{
    Page<Group> p;
    forEachRow(
        run(u"SELECT id, name, description, builtin FROM user_groups WHERE id > ? ORDER BY id LIMIT ?"_s,
            {afterKey(page), page.limit + 1}),
        [&](const QSqlQuery &q) { p.items.append(groupFromRow(q)); });
    trimPage(p, page.limit, [](const auto &item) { return item.id; });
    return p;
}

QList<Group> Store::groupCandidates(const QString &ref)
{
    QList<Group> out;
    forEachRow(
        run(u"SELECT id, name, description, builtin FROM user_groups WHERE id = ? OR lower(name) = lower(?)"_s,
            {canonicalId(ref), ref}),
        [&](const QSqlQuery &q) { out.append(groupFromRow(q)); });
    return out;
}

QList<Group> Store::groupsOfUser(const QString &userId)
{
    QList<Group> out;
    forEachRow(run(uR"(SELECT g.id, g.name, g.description, g.builtin
                       FROM group_members m JOIN user_groups g ON g.id = m.group_id
                       WHERE m.user_id = ? ORDER BY g.name, g.id)"_s,
                   {userId}),
               [&](const QSqlQuery &q) { out.append(groupFromRow(q)); });
    return out;
}

Membership Store::membership(const QString &userId)
{
    Membership m;
    forEachRow(run(uR"(SELECT g.builtin, gg.kind, gg.server_id
                         FROM group_members m JOIN user_groups g ON g.id = m.group_id
                         LEFT JOIN group_grants gg ON gg.group_id = g.id
                        WHERE m.user_id = ?)"_s,
                   {userId}),
               [&](const QSqlQuery &q) {
                   if (q.value(0).toInt() != 0)
                       m.owner = true;
                   const QString kind = q.value(1).toString();
                   if (kind == u"manager")
                       m.manager = true;
                   else if (kind == u"all_servers")
                       m.allServers = true;
                   else if (kind == u"server" && !m.servers.contains(q.value(2).toString()))
                       m.servers.append(q.value(2).toString());
               });
    if (m.owner)
        m.manager = true;
    m.servers.sort();
    return m;
}

// ---- vaults ---------------------------------------------------------------------------------

// A user sees every shared vault and only their own personal vault; "accessible" says
// whether they can use (and so grant) it.
static const QString kVaultColumns = uR"(v.id, v.name, v.type,
    (EXISTS (SELECT 1 FROM vault_user_access a WHERE a.vault_id = v.id AND a.user_id = ?)
     OR EXISTS (SELECT 1 FROM vault_group_access ga JOIN group_members m ON m.group_id = ga.group_id
                 WHERE ga.vault_id = v.id AND m.user_id = ?)) AS accessible)"_s;
static const QString kVaultVisible = u"(v.type <> 'PERSONAL' OR v.owner_user_id = ?)"_s;

static Vault vaultFromRow(const QSqlQuery &q)
{
    Vault v;
    v.id = q.value(0).toString();
    v.name = q.value(1).toString();
    v.type = vaultTypeFromName(q.value(2).toString()).value_or(VaultType::UserCreated);
    v.accessible = q.value(3).toBool();
    return v;
}

void Store::insertVault(const Vault &v, const QString &ownerUserId, const QDateTime &at)
{
    run(u"INSERT INTO vaults (id, name, type, owner_user_id, created_at) VALUES (?, ?, ?, ?, ?)"_s,
        {v.id, v.name, vaultTypeName(v.type), textOrNull(ownerUserId), ms(at)})
        .finish();
}

void Store::giveVaultToUser(const QString &vaultId, const QString &userId)
{
    run(u"INSERT INTO vault_user_access (vault_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
        {vaultId, userId})
        .finish();
}

void Store::giveVaultToGroup(const QString &vaultId, const QString &groupId)
{
    run(u"INSERT INTO vault_group_access (vault_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
        {vaultId, groupId})
        .finish();
}

Page<Vault> Store::listVaults(const PageRequest &page, const QString &forUserId)
{
    Page<Vault> p;
    forEachRow(run(u"SELECT "_s + kVaultColumns + u" FROM vaults v WHERE v.id > ? AND "_s +
                       kVaultVisible + u" ORDER BY v.id LIMIT ?"_s,
                   {forUserId, forUserId, afterKey(page), forUserId, page.limit + 1}),
               [&](const QSqlQuery &q) { p.items.append(vaultFromRow(q)); });
    trimPage(p, page.limit, [](const auto &item) { return item.id; });
    return p;
}

QList<Vault> Store::vaultCandidates(const QString &ref, const QString &forUserId)
{
    QList<Vault> out;
    forEachRow(run(u"SELECT "_s + kVaultColumns +
                       u" FROM vaults v WHERE (v.id = ? OR lower(v.name) = lower(?)) AND "_s +
                       kVaultVisible,
                   {forUserId, forUserId, canonicalId(ref), ref, forUserId}),
               [&](const QSqlQuery &q) { out.append(vaultFromRow(q)); });
    return out;
}

QHash<QString, Vault> Store::vaultsByIds(const QSet<QString> &ids, const QString &forUserId)
{
    QHash<QString, Vault> out;
    if (ids.isEmpty())
        return out;
    QVariantList values{forUserId, forUserId};
    for (const QString &id : ids)
        values.append(id);
    values.append(forUserId);
    forEachRow(run(u"SELECT "_s + kVaultColumns + u" FROM vaults v WHERE v.id IN ("_s +
                       placeholders(int(ids.size())) + u") AND "_s + kVaultVisible,
                   values),
               [&](const QSqlQuery &q) {
                   Vault v = vaultFromRow(q);
                   out.insert(v.id, v);
               });
    return out;
}

QSet<QString> Store::accessibleVaultIds(const QString &userId)
{
    QSet<QString> out;
    forEachRow(run(uR"(SELECT vault_id FROM vault_user_access WHERE user_id = ?
                        UNION SELECT ga.vault_id FROM vault_group_access ga
                          JOIN group_members m ON m.group_id = ga.group_id WHERE m.user_id = ?)"_s,
                   {userId, userId}),
               [&](const QSqlQuery &q) { out.insert(q.value(0).toString()); });
    return out;
}

} // namespace ca
