// The Store's vault grants of servers (the grant matrix) and its revision.
#include "service/StoreSql.h"

#include "service/SqliteChangeCounter.h"

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

// ---- meta ---------------------------------------------------------------------------------

qint64 Store::accountRevision()
{
    // Inside a transaction the transaction's own view counts, and may be ahead of the count.
    if (!m_changes || m_transactionDepth > 0)
        return readAccountRevision();
    const std::uint64_t changes = m_changes->value(); // before the read: a change counted
                                                      // after it is read again next time
    if (m_knownRevision < 0 || changes != m_changesSeen || m_revisionRecheckMs <= 0 ||
        m_knownRevisionAge.hasExpired(m_revisionRecheckMs)) {
        m_knownRevision = readAccountRevision();
        m_changesSeen = changes;
        m_knownRevisionAge.start();
    }
    return m_knownRevision;
}

qint64 Store::readAccountRevision()
{
    return readInteger(u"SELECT value FROM meta WHERE key = 'account_revision'"_s);
}

qint64 Store::lockedAccountRevision()
{
    return readInteger(m_postgres
                           ? u"SELECT value FROM meta WHERE key = 'account_revision' FOR UPDATE"_s
                           : u"SELECT value FROM meta WHERE key = 'account_revision'"_s);
}

qint64 Store::readInteger(const QString &sql, const QVariantList &values)
{
    qint64 v = 0;
    forEachRow(run(sql, values), [&](const QSqlQuery &q) { v = q.value(0).toLongLong(); });
    return v;
}

void Store::bumpAccountRevision()
{
    forEachRow(
        run(u"UPDATE meta SET value = value + 1 WHERE key = 'account_revision' RETURNING value"_s),
        [&](const QSqlQuery &q) { m_committedRevision = q.value(0).toLongLong(); });
}

qint64 Store::grantsRevision()
{
    return readInteger(u"SELECT value FROM meta WHERE key = 'grants_revision'"_s);
}

bool Store::bumpGrantsRevision(std::optional<qint64> expected)
{
    QSqlQuery &q =
        expected
            ? run(u"UPDATE meta SET value = value + 1 WHERE key = 'grants_revision' AND value = ?"_s,
                  {*expected})
            : run(u"UPDATE meta SET value = value + 1 WHERE key = 'grants_revision'"_s);
    return changedRows(q) == 1;
}

bool Store::addServerVault(const QString &serverId, const QString &vaultId, const QDateTime &at)
{
    QSqlQuery &q = run(
        u"INSERT INTO server_vaults (server_id, vault_id, granted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
        {serverId, vaultId, ms(at)});
    return changedRows(q) > 0;
}

bool Store::removeServerVault(const QString &serverId, const QString &vaultId)
{
    QSqlQuery &q = run(u"DELETE FROM server_vaults WHERE server_id = ? AND vault_id = ?"_s,
                       {serverId, vaultId});
    return changedRows(q) > 0;
}

QList<VaultGrant> Store::allGrants()
{
    QList<VaultGrant> out;
    forEachRow(run(u"SELECT server_id, vault_id FROM server_vaults ORDER BY server_id, vault_id"_s),
               [&](const QSqlQuery &q) {
                   out.append(VaultGrant{q.value(0).toString(), q.value(1).toString()});
               });
    return out;
}

} // namespace ca
