// The Store's audit hash chain: verifying it from its start, and chaining the events written
// before the chain existed (schema migration 5).
#include "service/StoreSql.h"

#include "service/AuditChain.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

namespace {

// Rows are read in batches so that a long log never sits in memory at once (the PostgreSQL
// driver reads a whole result set).
constexpr int kBatch = 5000;

auditchain::StoredEvent storedFromRow(const QSqlQuery &q)
{
    auditchain::StoredEvent e;
    e.id = q.value(0).toLongLong();
    e.seq = q.value(1).toLongLong();
    e.atMs = q.value(2).toLongLong();
    e.actorId = q.value(3).toString();
    e.action = q.value(4).toString();
    e.targetType = q.value(5).toString();
    e.targetId = q.value(6).toString();
    e.detail = q.value(7).toString();
    e.hash = q.value(8).toString();
    return e;
}

const QString kStoredColumns =
    u"id, seq, at, actor_id, action, target_type, target_id, detail, hash"_s;

AuditVerification broken(qint64 count, qint64 seq, qint64 eventId, const QString &problem)
{
    return AuditVerification{false, count, seq, eventId, problem};
}

} // namespace

AuditVerification Store::verifyAudit()
{
    // The head first: events appended while the walk runs lie beyond it and are left for the
    // next walk, so a busy service never looks truncated.
    const auto [headSeq, headHash] = auditChainEnd();
    // Events outside the chain were added behind the service's back.
    qint64 unchained = 0;
    forEachRow(run(u"SELECT MIN(id) FROM audit_events WHERE seq IS NULL"_s),
               [&](const QSqlQuery &q) { unchained = q.value(0).toLongLong(); });

    qint64 expectedSeq = 1;
    QString previousHash;
    for (;;) {
        QList<auditchain::StoredEvent> batch;
        forEachRow(run(u"SELECT "_s + kStoredColumns +
                           u" FROM audit_events WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?"_s,
                       {expectedSeq, headSeq, kBatch}),
                   [&](const QSqlQuery &q) { batch.append(storedFromRow(q)); });
        for (const auditchain::StoredEvent &e : batch) {
            const qint64 count = expectedSeq - 1;
            if (e.seq != expectedSeq)
                return broken(count, expectedSeq, 0,
                              u"event %1 of the chain is missing (deleted)"_s.arg(expectedSeq));
            if (auditchain::linkHash(previousHash, e) != e.hash)
                return broken(count, e.seq, e.id,
                              u"event %1 (id %2) doesn't match its hash: edited, or moved from "
                              "another place in the chain"_s.arg(e.seq)
                                  .arg(e.id));
            previousHash = e.hash;
            ++expectedSeq;
        }
        if (batch.size() < kBatch)
            break;
    }
    const qint64 count = expectedSeq - 1;
    if (headSeq > count)
        return broken(
            count, count + 1, 0,
            u"the chain ends at event %1, but %2 were written: the last ones were deleted"_s
                .arg(count)
                .arg(headSeq));
    if (headSeq != count || headHash != previousHash)
        return broken(count, count, 0,
                      u"the chain's head doesn't match its last event %1"_s.arg(count));
    if (unchained != 0)
        return broken(
            count, count + 1, unchained,
            u"event id %1 is not part of the chain (added outside the service)"_s.arg(unchained));
    return AuditVerification{true, count, 0, 0, {}};
}

void Store::chainAuditBacklog()
{
    auto [seq, hash] = auditChainEnd();
    for (;;) {
        QList<auditchain::StoredEvent> batch;
        forEachRow(run(u"SELECT "_s + kStoredColumns +
                           u" FROM audit_events WHERE seq IS NULL ORDER BY id LIMIT ?"_s,
                       {kBatch}),
                   [&](const QSqlQuery &q) { batch.append(storedFromRow(q)); });
        for (auditchain::StoredEvent &e : batch) {
            e.seq = ++seq;
            hash = auditchain::linkHash(hash, e);
            run(u"UPDATE audit_events SET seq = ?, hash = ? WHERE id = ?"_s, {e.seq, hash, e.id})
                .finish();
            insertAuditObjects(
                e.id, auditchain::objectsOf(e.targetId,
                                            QJsonDocument::fromJson(e.detail.toUtf8()).object()));
        }
        if (batch.size() < kBatch)
            break;
    }
    run(u"UPDATE audit_chain SET seq = ?, hash = ? WHERE chain = 'account'"_s, {seq, hash})
        .finish();
    // Written here (it began from the head the open transaction may hold): nothing left to
    // write at COMMIT, and the next event reads the head anew.
    m_head.reset();
    m_headDue = false;
}

} // namespace ca
