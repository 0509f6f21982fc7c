// The Store's Connect servers: one row each with their granted vaults and active token count.
#include "service/StoreSql.h"

#include "core/Ids.h"

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

static Server serverFromRow(const QSqlQuery &q)
{
    Server s;
    s.id = q.value(0).toString();
    s.name = q.value(1).toString();
    s.state = q.value(2).toString();
    s.createdAt = fromMs(q.value(3));
    s.creatorId = q.value(4).toString();
    s.tokensVersion = q.value(5).toLongLong();
    const QString vaults = q.value(6).toString();
    if (!vaults.isEmpty()) {
        s.vaults = vaults.split(u',');
        s.vaults.sort();
    }
    s.activeTokens = q.value(7).toInt();
    s.credentialsIssuedAt = fromMs(q.value(8));
    s.credentialsFingerprint = q.value(9).toString();
    return s;
}

// A server with its granted vaults (aggregated into one column) and its active token count,
// one row per server: far cheaper than a row per grant plus follow-up queries. The count is
// the tokens not revoked (kept on the server row by every token write) less those expired
// and not revoked (read from a partial index that holds only unrevoked tokens with an
// expiry): the token table's size does not enter.
QString Store::serverSelect() const
{
    const QString aggregate =
        m_postgres ? u"string_agg(sv.vault_id, ',')"_s : u"group_concat(sv.vault_id, ',')"_s;
    return u"SELECT s.id, s.name, s.state, s.created_at, s.creator_id, s.tokens_version, "
           "(SELECT "_s +
           aggregate +
           u" FROM server_vaults sv WHERE sv.server_id = s.id), "
           "s.live_tokens - (SELECT COUNT(*) FROM tokens t WHERE t.server_id = s.id "
           "AND t.revoked_at IS NULL AND t.expires_at IS NOT NULL AND t.expires_at <= ?), "
           "s.credentials_issued_at, s.credentials_fingerprint FROM servers s "_s;
}

void Store::insertServer(const Server &s, const QByteArray &sealedSecret)
{
    run(u"INSERT INTO servers (id, name, state, created_at, creator_id, tokens_version, "
        "secret_sealed, credentials_issued_at, credentials_fingerprint) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {s.id, s.name, s.state, ms(s.createdAt), s.creatorId, s.tokensVersion, sealedSecret,
         ms(s.credentialsIssuedAt), textOrNull(s.credentialsFingerprint)})
        .finish();
}

std::optional<Server> Store::server(const QString &id)
{
    std::optional<Server> found;
    forEachRow(run(serverSelect() + u"WHERE s.id = ?"_s, {QDateTime::currentMSecsSinceEpoch(), id}),
               [&](const QSqlQuery &q) { found = serverFromRow(q); });
    return found;
}

QList<Server> Store::serverCandidates(const QString &ref)
{
    QList<Server> found;
    forEachRow(run(serverSelect() + u"WHERE s.id = ? OR lower(s.name) = lower(?)"_s,
                   {QDateTime::currentMSecsSinceEpoch(), canonicalId(ref), ref}),
               [&](const QSqlQuery &q) { found.append(serverFromRow(q)); });
    return found;
}

Page<Server> Store::listServers(const PageRequest &page,
                                const std::optional<QSet<QString>> &onlyIds, const QDateTime &now)
{
    Page<Server> p;
    if (onlyIds && onlyIds->isEmpty())
        return p;
    QVariantList values{now.toMSecsSinceEpoch(), afterKey(page)};
    QString filter;
    if (onlyIds) {
        for (const QString &id : *onlyIds)
            values.append(id);
        filter = u" AND s.id IN ("_s + placeholders(int(onlyIds->size())) + u")"_s;
    }
    values.append(page.limit + 1);
    forEachRow(
        run(serverSelect() + u"WHERE s.id > ?"_s + filter + u" ORDER BY s.id LIMIT ?"_s, values),
        [&](const QSqlQuery &q) { p.items.append(serverFromRow(q)); });
    trimPage(p, page.limit, [](const auto &item) { return item.id; });
    return p;
}

void Store::renameServer(const QString &id, const QString &name)
{
    run(u"UPDATE servers SET name = ? WHERE id = ?"_s, {name, id}).finish();
}

void Store::deleteServer(const QString &id)
{
    run(u"DELETE FROM server_vaults WHERE server_id = ?"_s, {id}).finish();
    run(u"DELETE FROM group_grants WHERE server_id = ?"_s, {id}).finish();
    run(u"DELETE FROM servers WHERE id = ?"_s, {id}).finish();
}

QByteArray Store::serverSecret(const QString &id)
{
    QByteArray secret;
    forEachRow(run(u"SELECT secret_sealed FROM servers WHERE id = ?"_s, {id}),
               [&](const QSqlQuery &q) { secret = q.value(0).toByteArray(); });
    return secret;
}

void Store::bumpTokensVersion(const QString &serverId, qint64 changes)
{
    run(u"UPDATE servers SET tokens_version = tokens_version + ? WHERE id = ?"_s,
        {changes, serverId})
        .finish();
}

QSet<QString> Store::existingServerIds(const QSet<QString> &ids)
{
    QSet<QString> out;
    if (ids.isEmpty())
        return out;
    QVariantList values;
    for (const QString &id : ids)
        values.append(id);
    forEachRow(
        run(u"SELECT id FROM servers WHERE id IN ("_s + placeholders(int(ids.size())) + u")"_s,
            values),
        [&](const QSqlQuery &q) { out.insert(q.value(0).toString()); });
    return out;
}

} // namespace ca

namespace ca {

QList<Server> Store::serversWithVault(const QString &vaultId)
{
    QList<Server> found;
    forEachRow(run(serverSelect() +
                       u"WHERE s.id IN (SELECT server_id FROM server_vaults WHERE vault_id = ?) "
                       "ORDER BY s.name, s.id"_s,
                   {QDateTime::currentMSecsSinceEpoch(), vaultId}),
               [&](const QSqlQuery &q) { found.append(serverFromRow(q)); });
    return found;
}

} // namespace ca
