// AccountService: applying an access plan (connect plan / apply, issue 14): many changes of
// every kind in one transaction, only while the account is still at the plan's revision.
#include "service/AccountService.h"
#include "service/AccountText.h"

#include "core/Ids.h"

using namespace Qt::StringLiterals;
using namespace ca::accounttext;

namespace ca {

namespace {

// Which fields each op needs; the sentence names the first one missing.
std::optional<ApiError> missingField(const PlanChange &c)
{
    const auto need = [&c](bool present, const char *field) -> std::optional<ApiError> {
        if (present)
            return std::nullopt;
        return ApiError::badRequest(
            u"A %1 change needs \"%2\"."_s.arg(planOpName(c.op), QLatin1String(field)),
            u"missing_field"_s);
    };
    switch (c.op) {
    case PlanOp::ServerCreate:
        return need(!c.name.isEmpty(), "name");
    case PlanOp::ServerRename:
        if (auto e = need(!c.server.isEmpty(), "server"))
            return e;
        return need(!c.name.isEmpty(), "name");
    case PlanOp::ServerDelete:
        return need(!c.server.isEmpty(), "server");
    case PlanOp::VaultGrant:
    case PlanOp::VaultRevoke:
        if (auto e = need(!c.server.isEmpty(), "server"))
            return e;
        return need(!c.vault.isEmpty(), "vault");
    case PlanOp::TokenCreate:
        if (auto e = need(!c.server.isEmpty(), "server"))
            return e;
        return need(!c.name.isEmpty(), "name");
    case PlanOp::TokenRename:
        if (auto e = need(!c.token.isEmpty(), "token"))
            return e;
        return need(!c.name.isEmpty(), "name");
    case PlanOp::TokenRevoke:
        return need(!c.token.isEmpty(), "token");
    case PlanOp::GroupGrant:
    case PlanOp::GroupRevoke:
        if (auto e = need(!c.group.isEmpty(), "group"))
            return e;
        return need(c.kind != GroupGrantKind::Server || !c.server.isEmpty(), "server");
    }
    return std::nullopt;
}

// A result's error, or nothing: each change's outcome reduced to what the plan needs.
template <typename T>
std::optional<ApiError> errorOf(const Result<T> &r)
{
    return r.ok() ? std::nullopt : std::optional<ApiError>(r.error());
}

} // namespace

Result<AppliedPlan> AccountService::applyPlan(const Actor &actor, const PlanApplyRequest &request)
{
    if (request.changes.isEmpty())
        return ApiError::badRequest(u"The plan has no changes."_s, u"empty_plan"_s);
    for (const PlanChange &c : request.changes) {
        if (auto e = missingField(c))
            return *e;
    }
    Store::Transaction tx(m_store);
    // Read under the writers' queue (Store::Transaction): no change can land between this
    // check and ours, and one that landed since the plan was made is refused here whole.
    const qint64 current = m_store.lockedAccountRevision();
    if (current != request.baseRevision) {
        ApiError e = ApiError::conflict(
            u"The account changed since the plan was made (it was at revision %1, now %2); "
            "nothing was applied. Make the plan again."_s.arg(request.baseRevision)
                .arg(current),
            u"stale_revision"_s);
        e.extra.insert(u"revision"_s, current);
        return e;
    }
    AppliedPlan result;
    PlanContext context;
    for (qsizetype i = 0; i < request.changes.size(); ++i) {
        const PlanChange &c = request.changes.at(i);
        if (auto e = applyPlanChange(actor, c, context, result)) {
            // The transaction rolls back: the changes before this one go too.
            e->message =
                u"Change %1 of %2 (%3) was refused, so nothing was applied: %4"_s.arg(i + 1)
                    .arg(request.changes.size())
                    .arg(planOpName(c.op), e->message);
            e->extra.insert(u"change"_s, qint64(i));
            return *e;
        }
        ++result.applied;
    }
    tx.commit();
    result.revision = m_store.committedRevision();
    return result;
}

QString AccountService::planServer(const PlanContext &context, const QString &ref) const
{
    return context.createdServers.value(ref, ref);
}

std::optional<ApiError> AccountService::applyPlanChange(const Actor &actor, const PlanChange &c,
                                                        PlanContext &context, AppliedPlan &result)
{
    const QString server = planServer(context, c.server);
    switch (c.op) {
    case PlanOp::ServerCreate: {
        if (context.createdServers.contains(c.name.trimmed()))
            return ApiError::badRequest(
                u"The plan creates two servers named %1."_s.arg(quoted(c.name.trimmed())),
                u"duplicate_change"_s);
        auto created = createServer(actor, c.name, {});
        if (!created.ok())
            return created.error();
        context.createdServers.insert(created->server.name, created->server.id);
        result.servers.append(*created);
        return std::nullopt;
    }
    case PlanOp::ServerRename:
        return errorOf(renameServer(actor, server, c.name));
    case PlanOp::ServerDelete:
        return errorOf(deleteServer(actor, server));
    case PlanOp::VaultGrant:
        return errorOf(grantVault(actor, server, c.vault));
    case PlanOp::VaultRevoke:
        return errorOf(revokeVault(actor, server, c.vault));
    case PlanOp::TokenCreate: {
        auto created = createToken(actor, c.name, server, c.vaults, c.expiresIn);
        if (!created.ok())
            return created.error();
        result.tokens.append(*created);
        return std::nullopt;
    }
    case PlanOp::TokenRename:
        return errorOf(renameToken(actor, c.token, {}, c.name));
    case PlanOp::TokenRevoke:
        return errorOf(revokeToken(actor, c.token, {}));
    case PlanOp::GroupGrant: {
        bool created = false;
        const GroupGrantRequest grant{c.group,
                                      c.kind == GroupGrantKind::Server ? server : QString(),
                                      c.kind == GroupGrantKind::AllServers};
        return errorOf(grantGroup(actor, grant, &created));
    }
    case PlanOp::GroupRevoke:
        return errorOf(revokeGroup(
            actor,
            GroupGrantRequest{c.group, c.kind == GroupGrantKind::Server ? server : QString(),
                              c.kind == GroupGrantKind::AllServers},
            GroupRevokeScope::ExactlyThisGrant));
    }
    return std::nullopt;
}

} // namespace ca
