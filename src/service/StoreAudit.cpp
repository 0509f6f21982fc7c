// The Store's audit log and table counts.
#include "service/StoreSql.h"

#include <QJsonDocument>
#include <limits>

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

void Store::insertAudit(const AuditEvent &e)
{
    run(u"INSERT INTO audit_events (at, actor_id, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {ms(e.at), textOrNull(e.actorId), e.action, e.targetType, e.targetId,
         QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))})
        .finish();
    // Every change writes an audit event: the account's revision follows them (at COMMIT,
    // once per transaction, rather than once per event of a batch).
    if (m_transactionDepth > 0)
        m_revisionDue = true;
    else
        bumpAccountRevision();
}

Page<AuditEvent> Store::listAudit(const PageRequest &page)
{
    Page<AuditEvent> p;
    const qint64 before =
        page.after.isEmpty() ? std::numeric_limits<qint64>::max() : page.after.toLongLong();
    forEachRow(
        run(u"SELECT id, at, actor_id, action, target_type, target_id, detail FROM audit_events WHERE id < ? ORDER BY id DESC LIMIT ?"_s,
            {before, page.limit + 1}),
        [&](const QSqlQuery &q) {
            AuditEvent e;
            e.id = q.value(0).toLongLong();
            e.at = fromMs(q.value(1));
            e.actorId = q.value(2).toString();
            e.action = q.value(3).toString();
            e.targetType = q.value(4).toString();
            e.targetId = q.value(5).toString();
            e.detail = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
            p.items.append(e);
        });
    trimPage(p, page.limit, [](const AuditEvent &e) { return QString::number(e.id); });
    return p;
}

qint64 Store::auditCount()
{
    return count(u"audit_events"_s);
}

qint64 Store::count(const QString &table)
{
    static const QStringList allowed{u"users"_s,        u"user_groups"_s,   u"vaults"_s,
                                     u"servers"_s,      u"server_vaults"_s, u"tokens"_s,
                                     u"token_vaults"_s, u"group_grants"_s,  u"sessions"_s,
                                     u"audit_events"_s, u"signing_keys"_s};
    if (!allowed.contains(table))
        throw StoreError("count: unknown table");
    qint64 n = 0;
    forEachRow(run(u"SELECT COUNT(*) FROM "_s + table),
               [&](const QSqlQuery &q) { n = q.value(0).toLongLong(); });
    return n;
}

} // namespace ca
