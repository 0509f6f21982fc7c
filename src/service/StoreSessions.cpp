// The Store's sessions (only a hash of each bearer token) and token signing keys (sealed).
#include "service/StoreSql.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

void Store::insertSession(const QByteArray &tokenHash, const QString &userId,
                          const QDateTime &created, const QDateTime &expires)
{
    run(u"INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)"_s,
        {tokenHash, userId, ms(created), ms(expires)})
        .finish();
}

std::optional<StoredSession> Store::session(const QByteArray &tokenHash)
{
    std::optional<StoredSession> s;
    forEachRow(run(uR"(SELECT u.id, u.email, u.name, u.state, s.expires_at
                         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?)"_s,
                   {tokenHash}),
               [&](const QSqlQuery &q) {
                   s = StoredSession{User{q.value(0).toString(), q.value(1).toString(),
                                          q.value(2).toString(), q.value(3).toString()},
                                     fromMs(q.value(4))};
               });
    return s;
}

void Store::deleteSession(const QByteArray &tokenHash)
{
    run(u"DELETE FROM sessions WHERE token_hash = ?"_s, {tokenHash}).finish();
}

int Store::deleteExpiredSessions(const QDateTime &now)
{
    QSqlQuery &q = run(u"DELETE FROM sessions WHERE expires_at <= ?"_s, {ms(now)});
    return changedRows(q);
}

// ---- signing keys ---------------------------------------------------------------------------

QList<StoredSigningKey> Store::signingKeys()
{
    QList<StoredSigningKey> out;
    forEachRow(
        run(u"SELECT kid, private_sealed, created_at FROM signing_keys ORDER BY created_at"_s),
        [&](const QSqlQuery &q) {
            out.append(StoredSigningKey{q.value(0).toString(), q.value(1).toByteArray(),
                                        fromMs(q.value(2))});
        });
    return out;
}

void Store::insertSigningKey(const StoredSigningKey &key, const QJsonObject &publicJwk)
{
    run(u"INSERT INTO signing_keys (kid, private_sealed, public_jwk, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
        {key.kid, key.privateSealed,
         QString::fromUtf8(QJsonDocument(publicJwk).toJson(QJsonDocument::Compact)),
         ms(key.createdAt)})
        .finish();
}

} // namespace ca
