// The Store's scheduled revocations and credentials renewal.
#include "service/StoreSql.h"

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

bool Store::scheduleRevocation(const QString &tokenId, const QDateTime &at)
{
    QSqlQuery &q = run(u"UPDATE tokens SET revokes_at = ? WHERE id = ? AND revoked_at IS NULL"_s,
                       {ms(at), tokenId});
    return changedRows(q) == 1;
}

bool Store::cancelRevocation(const QString &tokenId)
{
    QSqlQuery &q = run(u"UPDATE tokens SET revokes_at = NULL WHERE id = ? AND revoked_at IS NULL "
                       "AND revokes_at IS NOT NULL"_s,
                       {tokenId});
    return changedRows(q) == 1;
}

QList<Token> Store::revokeDueTokens(const QDateTime &now)
{
    // The WHERE clause is evaluated again on a row another transaction changed meanwhile
    // (PostgreSQL) or the statement waits for the write lock (SQLite): a row revoked by
    // another instance is not returned here a second time.
    QList<Token> revoked;
    forEachRow(run(u"UPDATE tokens SET revoked_at = revokes_at WHERE revoked_at IS NULL "
                   "AND revokes_at IS NOT NULL AND revokes_at <= ? "
                   "RETURNING id, name, server_id, revokes_at"_s,
                   {ms(now)}),
               [&](const QSqlQuery &q) {
                   Token t;
                   t.id = q.value(0).toString();
                   t.name = q.value(1).toString();
                   t.serverId = q.value(2).toString();
                   t.revokesAt = fromMs(q.value(3));
                   t.revokedAt = t.revokesAt;
                   t.state = TokenState::Revoked;
                   revoked.append(t);
               });
    for (const Token &t : std::as_const(revoked))
        run(u"UPDATE servers SET live_tokens = live_tokens - 1 WHERE id = ?"_s, {t.serverId})
            .finish();
    return revoked;
}

QStringList Store::serversWithDueRevocations(const QDateTime &now)
{
    QStringList ids;
    forEachRow(run(u"SELECT DISTINCT server_id FROM tokens WHERE revoked_at IS NULL "
                   "AND revokes_at IS NOT NULL AND revokes_at <= ? ORDER BY server_id"_s,
                   {ms(now)}),
               [&](const QSqlQuery &q) { ids.append(q.value(0).toString()); });
    return ids;
}

QDateTime Store::nextScheduledRevocation()
{
    QDateTime next;
    forEachRow(run(u"SELECT MIN(revokes_at) FROM tokens WHERE revoked_at IS NULL "
                   "AND revokes_at IS NOT NULL"_s),
               [&](const QSqlQuery &q) { next = fromMs(q.value(0)); });
    return next;
}

bool Store::replaceServerSecret(const QString &serverId, const QByteArray &sealedSecret,
                                const QDateTime &issuedAt, const QString &fingerprint,
                                const QString &expectedFingerprint)
{
    QSqlQuery &q =
        run(u"UPDATE servers SET secret_sealed = ?, credentials_issued_at = ?, "
            "credentials_fingerprint = ? WHERE id = ? "
            "AND credentials_fingerprint IS NOT DISTINCT FROM ?"_s,
            {sealedSecret, ms(issuedAt), fingerprint, serverId, textOrNull(expectedFingerprint)});
    return changedRows(q) == 1;
}

} // namespace ca
