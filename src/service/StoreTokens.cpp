// The Store's token metadata (never the token itself) and each token's vaults.
#include "service/StoreSql.h"

#include "core/Ids.h"

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

static const QString kTokenColumns =
    u"id, name, server_id, created_at, expires_at, revoked_at, revokes_at"_s;

static Token tokenFromRow(const QSqlQuery &q)
{
    Token t;
    t.id = q.value(0).toString();
    t.name = q.value(1).toString();
    t.serverId = q.value(2).toString();
    t.createdAt = fromMs(q.value(3));
    t.expiresAt = fromMs(q.value(4));
    t.revokedAt = fromMs(q.value(5));
    t.revokesAt = fromMs(q.value(6));
    t.state = t.revokedAt.isValid() ? TokenState::Revoked : TokenState::Active;
    return t;
}

void Store::fillTokenVaults(QList<Token> &tokens)
{
    if (tokens.isEmpty())
        return;
    QHash<QString, qsizetype> index;
    QVariantList ids;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        index.insert(tokens.at(i).id, i);
        ids.append(tokens.at(i).id);
    }
    forEachRow(run(u"SELECT token_id, vault_id, acl FROM token_vaults WHERE token_id IN ("_s +
                       placeholders(int(ids.size())) + u") ORDER BY token_id, vault_id"_s,
                   ids),
               [&](const QSqlQuery &q) {
                   tokens[index.value(q.value(0).toString())].vaults.append(
                       TokenVault{q.value(1).toString(),
                                  accessFromAcl(q.value(2).toInt()).value_or(Access::ReadWrite)});
               });
}

qint64 Store::nextTokenExpiry(const QDateTime &now)
{
    qint64 next = 0;
    forEachRow(
        run(u"SELECT MIN(expires_at) FROM tokens WHERE expires_at > ? AND revoked_at IS NULL"_s,
            {ms(now)}),
        [&](const QSqlQuery &q) { next = q.value(0).toLongLong(); });
    return next;
}

void Store::insertToken(const Token &t, const QString &creatorId)
{
    run(u"INSERT INTO tokens (id, server_id, name, created_at, expires_at, revoked_at, revokes_at, creator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {t.id, t.serverId, t.name, ms(t.createdAt), ms(t.expiresAt), ms(t.revokedAt),
         ms(t.revokesAt), creatorId})
        .finish();
    if (!t.revokedAt.isValid())
        run(u"UPDATE servers SET live_tokens = live_tokens + 1 WHERE id = ?"_s, {t.serverId})
            .finish();
    for (const TokenVault &v : t.vaults)
        run(u"INSERT INTO token_vaults (token_id, vault_id, acl) VALUES (?, ?, ?)"_s,
            {t.id, v.vaultId, aclBits(v.access)})
            .finish();
}

std::optional<Token> Store::token(const QString &id)
{
    QList<Token> found;
    forEachRow(run(u"SELECT "_s + kTokenColumns + u" FROM tokens WHERE id = ?"_s, {id}),
               [&](const QSqlQuery &q) { found.append(tokenFromRow(q)); });
    if (found.isEmpty())
        return std::nullopt;
    fillTokenVaults(found);
    return found.first();
}

QList<Token> Store::tokenCandidates(const QString &ref, const QString &serverId)
{
    QList<Token> found;
    QVariantList values{canonicalId(ref), ref};
    QString filter;
    if (!serverId.isEmpty()) {
        filter = u" AND server_id = ?"_s;
        values.append(serverId);
    }
    forEachRow(run(u"SELECT "_s + kTokenColumns +
                       u" FROM tokens WHERE (id = ? OR lower(name) = lower(?))"_s + filter,
                   values),
               [&](const QSqlQuery &q) { found.append(tokenFromRow(q)); });
    fillTokenVaults(found);
    return found;
}

Page<Token> Store::listTokens(const PageRequest &page, const QString &serverId,
                              const std::optional<QSet<QString>> &onlyServers)
{
    Page<Token> p;
    if (onlyServers && onlyServers->isEmpty())
        return p;
    QVariantList values{afterKey(page)};
    QString filter;
    if (!serverId.isEmpty()) {
        filter += u" AND server_id = ?"_s;
        values.append(serverId);
    }
    if (onlyServers) {
        for (const QString &id : *onlyServers)
            values.append(id);
        filter += u" AND server_id IN ("_s + placeholders(int(onlyServers->size())) + u")"_s;
    }
    values.append(page.limit + 1);
    forEachRow(run(u"SELECT "_s + kTokenColumns + u" FROM tokens WHERE id > ?"_s + filter +
                       u" ORDER BY id LIMIT ?"_s,
                   values),
               [&](const QSqlQuery &q) { p.items.append(tokenFromRow(q)); });
    trimPage(p, page.limit, [](const auto &item) { return item.id; });
    fillTokenVaults(p.items);
    return p;
}

QList<Token> Store::activeTokensOfServer(const QString &serverId, const QDateTime &now)
{
    QList<Token> found;
    forEachRow(run(u"SELECT "_s + kTokenColumns +
                       u" FROM tokens WHERE server_id = ? AND revoked_at IS NULL "
                       "AND (expires_at IS NULL OR expires_at > ?) ORDER BY id"_s,
                   {serverId, ms(now)}),
               [&](const QSqlQuery &q) { found.append(tokenFromRow(q)); });
    fillTokenVaults(found);
    return found;
}

void Store::renameToken(const QString &id, const QString &name)
{
    run(u"UPDATE tokens SET name = ? WHERE id = ?"_s, {name, id}).finish();
}

void Store::revokeToken(const QString &id, const QDateTime &at)
{
    QSqlQuery &q = run(u"UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"_s,
                       {ms(at), id});
    if (changedRows(q) == 1)
        run(u"UPDATE servers SET live_tokens = live_tokens - 1 "
            "WHERE id = (SELECT server_id FROM tokens WHERE id = ?)"_s,
            {id})
            .finish();
}

int Store::revokeTokensOfServer(const QString &serverId, const QDateTime &at)
{
    QSqlQuery &q =
        run(u"UPDATE tokens SET revoked_at = ? WHERE server_id = ? AND revoked_at IS NULL"_s,
            {ms(at), serverId});
    const int revoked = changedRows(q);
    run(u"UPDATE servers SET live_tokens = 0 WHERE id = ?"_s, {serverId}).finish();
    return revoked;
}

} // namespace ca

namespace ca {

QList<Token> Store::tokensNamingVault(const QString &vaultId)
{
    QList<Token> found;
    forEachRow(
        run(u"SELECT "_s + kTokenColumns +
                u" FROM tokens WHERE id IN (SELECT token_id FROM token_vaults WHERE vault_id = ?)"
                " ORDER BY name, id"_s,
            {vaultId}),
        [&](const QSqlQuery &q) { found.append(tokenFromRow(q)); });
    fillTokenVaults(found);
    return found;
}

} // namespace ca
