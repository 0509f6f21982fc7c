// The Store's group grants: which groups administer Secrets Automation, and which servers.
#include "service/StoreSql.h"

#include "core/Ids.h"

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

bool Store::insertGroupGrant(const GroupGrant &g)
{
    QSqlQuery &q = run(
        u"INSERT INTO group_grants (id, group_id, kind, server_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
        {newId(), g.groupId, groupGrantKindName(g.kind), textOrNull(g.serverId), ms(g.createdAt)});
    return changedRows(q) > 0;
}

int Store::deleteGroupGrants(const QString &groupId, std::optional<GroupGrantKind> kind,
                             const QString &serverId)
{
    QString sql = u"DELETE FROM group_grants WHERE group_id = ?"_s;
    QVariantList values{groupId};
    if (kind) {
        sql += u" AND kind = ?"_s;
        values.append(groupGrantKindName(*kind));
    }
    if (!serverId.isEmpty()) {
        sql += u" AND server_id = ?"_s;
        values.append(serverId);
    }
    QSqlQuery &q = run(sql, values);
    return changedRows(q);
}

QList<GroupGrant> Store::listGroupGrants()
{
    QList<GroupGrant> out;
    forEachRow(
        run(u"SELECT group_id, kind, server_id, created_at FROM group_grants ORDER BY group_id, kind, server_id"_s),
        [&](const QSqlQuery &q) {
            GroupGrant g;
            g.groupId = q.value(0).toString();
            g.kind =
                groupGrantKindFromName(q.value(1).toString()).value_or(GroupGrantKind::Manager);
            g.serverId = q.value(2).toString();
            g.createdAt = fromMs(q.value(3));
            out.append(g);
        });
    return out;
}

} // namespace ca
