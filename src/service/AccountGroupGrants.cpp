// AccountService: which groups administer Secrets Automation.
#include "service/AccountService.h"
#include "service/AccountText.h"

#include "core/Ids.h"

using namespace Qt::StringLiterals;
using namespace ca::accounttext;

namespace ca {

Result<QList<GroupGrant>> AccountService::groupGrants(const Actor &actor)
{
    if (!actor.rights.manager)
        return ApiError::forbidden(
            u"Seeing who administers Secrets Automation needs manager rights."_s);
    return m_store.listGroupGrants();
}

Result<GroupGrant> AccountService::grantGroup(const Actor &actor, const GroupGrantRequest &request,
                                              bool *created)
{
    if (!actor.rights.manager)
        return ApiError::forbidden(
            u"Granting a group access to Secrets Automation needs manager rights (Owners, "
            "Administrators, or a manager group)."_s);
    if (request.allServers && !request.server.isEmpty())
        return ApiError::badRequest(u"Give either a server or all servers, not both."_s,
                                    u"conflicting_fields"_s);
    auto g = resolveGroup(request.group);
    if (!g.ok())
        return g.error();
    GroupGrant grant;
    grant.groupId = g->id;
    grant.createdAt = now();
    grant.kind = request.allServers ? GroupGrantKind::AllServers
                                    : (request.server.isEmpty() ? GroupGrantKind::Manager
                                                                : GroupGrantKind::Server);
    if (grant.kind == GroupGrantKind::Server) {
        auto s = resolveServer(request.server, actor);
        if (!s.ok())
            return s.error();
        grant.serverId = s->id;
    }
    Store::Transaction tx(m_store);
    *created = m_store.insertGroupGrant(grant);
    if (!*created) {
        for (const GroupGrant &existing : m_store.listGroupGrants()) {
            if (existing == grant)
                grant.createdAt = existing.createdAt;
        }
    }
    if (*created)
        audit(&actor, u"group.grant"_s, u"group"_s, displayId(g->id, IdKind::Group),
              {{u"group_name"_s, g->name},
               {u"kind"_s, groupGrantKindName(grant.kind)},
               {u"server"_s, grant.serverId.isEmpty()
                                 ? QJsonValue()
                                 : QJsonValue(displayId(grant.serverId, IdKind::Server))}});
    tx.commit();
    return grant;
}

Result<int> AccountService::revokeGroup(const Actor &actor, const GroupGrantRequest &request,
                                        GroupRevokeScope scope)
{
    if (!actor.rights.manager)
        return ApiError::forbidden(
            u"Revoking a group's access to Secrets Automation needs manager rights."_s);
    if (request.allServers && !request.server.isEmpty())
        return ApiError::badRequest(u"Give either a server or all servers, not both."_s,
                                    u"conflicting_fields"_s);
    auto g = resolveGroup(request.group);
    if (!g.ok())
        return g.error();
    QString serverId;
    if (!request.server.isEmpty()) {
        auto s = resolveServer(request.server, actor);
        if (!s.ok())
            return s.error();
        serverId = s->id;
    }
    const GroupGrantKind kind = request.allServers   ? GroupGrantKind::AllServers
                                : serverId.isEmpty() ? GroupGrantKind::Manager
                                                     : GroupGrantKind::Server;
    Store::Transaction tx(m_store);
    int removed = m_store.deleteGroupGrants(g->id, kind, serverId);
    // All servers, as op connect does it: the group's per-server grants go too. A plan
    // removes exactly the grants it lists.
    if (kind == GroupGrantKind::AllServers && scope == GroupRevokeScope::WithServerGrants)
        removed += m_store.deleteGroupGrants(g->id, GroupGrantKind::Server, {});
    if (removed == 0)
        return ApiError::notFound(
            request.allServers ? u"The group %1 has no server grants."_s.arg(quoted(g->name))
            : serverId.isEmpty()
                ? u"The group %1 is not a Secrets Automation manager."_s.arg(quoted(g->name))
                : u"The group %1 has no grant for that server."_s.arg(quoted(g->name)));
    audit(&actor, u"group.revoke"_s, u"group"_s, displayId(g->id, IdKind::Group),
          {{u"group_name"_s, g->name},
           {u"kind"_s, groupGrantKindName(kind)},
           {u"all_servers"_s, request.allServers},
           {u"server"_s,
            serverId.isEmpty() ? QJsonValue() : QJsonValue(displayId(serverId, IdKind::Server))},
           {u"removed"_s, removed}});
    tx.commit();
    return removed;
}

} // namespace ca
