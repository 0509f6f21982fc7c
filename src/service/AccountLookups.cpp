// AccountService: finding servers, vaults, groups and tokens by name or ID, as the caller
// may see them, and the checks shared by several rules.
#include "service/AccountService.h"
#include "service/AccountText.h"

#include "core/Ids.h"
#include "core/Resolve.h"

using namespace Qt::StringLiterals;
using namespace ca::accounttext;

namespace ca {

// ---- lookups --------------------------------------------------------------------------------

// Lookups look first among what the caller may manage, so another group's servers and
// tokens neither make a name ambiguous nor show up (with their IDs) in the error. A name
// that only matches something the caller can't manage is refused with 403 (saying what
// is missing), never with a list of IDs.
Result<Server> AccountService::resolveServer(const QString &ref, const Actor &actor)
{
    if (ref.trimmed().isEmpty())
        return ApiError::badRequest(u"Name a Connect server (by name or ID)."_s,
                                    u"missing_field"_s);
    const QList<Server> all = m_store.serverCandidates(ref);
    QList<Server> mine = all;
    mine.removeIf([&actor](const Server &s) { return !actor.canManage(s.id); });
    const auto id = [](const Server &s) { return s.id; };
    const auto name = [](const Server &s) { return s.name; };
    const auto r = resolveByIdOrName(QStringView(ref), mine, IdKind::Server, id, name);
    if (r.status == ResolveStatus::Ambiguous)
        return ambiguous(u"Connect server"_s, ref, r.candidateIds);
    if (r.status == ResolveStatus::Found)
        return r.value;
    const auto other = resolveByIdOrName(QStringView(ref), all, IdKind::Server, id, name);
    if (other.status == ResolveStatus::NotFound)
        return serverNotFound(ref);
    return ApiError::forbidden(
        u"You can't manage the Connect server %1: that needs Secrets Automation manager rights, "
        "or membership of a group granted this server or all servers."_s.arg(quoted(ref)));
}

Result<Vault> AccountService::resolveVault(const QString &ref, const Actor &actor)
{
    if (ref.trimmed().isEmpty())
        return ApiError::badRequest(u"Name a vault (by name or ID)."_s, u"missing_field"_s);
    const auto r = resolveByIdOrName(
        QStringView(ref), m_store.vaultCandidates(ref, actor.user.id), IdKind::Vault,
        [](const Vault &v) { return v.id; }, [](const Vault &v) { return v.name; });
    if (r.status == ResolveStatus::Ambiguous)
        return ambiguous(u"vault"_s, ref, r.candidateIds);
    if (r.status == ResolveStatus::NotFound)
        return vaultNotFound(ref);
    return r.value;
}

Result<Group> AccountService::resolveGroup(const QString &ref)
{
    if (ref.trimmed().isEmpty())
        return ApiError::badRequest(u"Name a group (by name or ID)."_s, u"missing_field"_s);
    const auto r = resolveByIdOrName(
        QStringView(ref), m_store.groupCandidates(ref), IdKind::Group,
        [](const Group &g) { return g.id; }, [](const Group &g) { return g.name; });
    if (r.status == ResolveStatus::Ambiguous)
        return ambiguous(u"group"_s, ref, r.candidateIds);
    if (r.status == ResolveStatus::NotFound)
        return ApiError::notFound(u"No group is named or has the ID %1."_s.arg(quoted(ref)));
    return r.value;
}

Result<Token> AccountService::resolveToken(const QString &ref, const QString &serverId,
                                           const Actor &actor)
{
    if (ref.trimmed().isEmpty())
        return ApiError::badRequest(u"Name a token (by name or ID)."_s, u"missing_field"_s);
    const QList<Token> all = m_store.tokenCandidates(ref, serverId);
    QList<Token> mine = all;
    mine.removeIf([&actor](const Token &t) { return !actor.canManage(t.serverId); });
    // A name given to a new token after the old one was revoked means the new one: look
    // among tokens not revoked first, then among all (so revoked ones stay reachable).
    QList<Token> live = mine;
    live.removeIf([](const Token &t) { return t.state == TokenState::Revoked; });
    const auto id = [](const Token &t) { return t.id; };
    const auto name = [](const Token &t) { return t.name; };
    auto r = resolveByIdOrName(QStringView(ref), live, IdKind::Token, id, name);
    if (r.status == ResolveStatus::NotFound)
        r = resolveByIdOrName(QStringView(ref), mine, IdKind::Token, id, name);
    if (r.status == ResolveStatus::NotFound &&
        resolveByIdOrName(QStringView(ref), all, IdKind::Token, id, name).status !=
            ResolveStatus::NotFound)
        return ApiError::forbidden(
            u"You can't manage the token %1: it belongs to a Connect server you don't manage."_s
                .arg(quoted(ref)));
    if (r.status == ResolveStatus::Ambiguous)
        return ambiguous(u"token"_s, ref, r.candidateIds);
    if (r.status == ResolveStatus::NotFound)
        return ApiError::notFound(
            serverId.isEmpty() ? u"No token is named or has the ID %1."_s.arg(quoted(ref))
                               : u"The server %1 has no token named or with the ID %2."_s.arg(
                                     displayId(serverId, IdKind::Server), quoted(ref)));
    return r.value;
}

std::optional<ApiError> AccountService::requireManage(const Actor &actor,
                                                      const Server &server) const
{
    if (actor.canManage(server.id))
        return std::nullopt;
    return ApiError::forbidden(
        u"You can't manage the Connect server %1: that needs Secrets Automation manager rights, "
        "or membership of a group granted this server or all servers."_s.arg(quoted(server.name)));
}

std::optional<ApiError> AccountService::requireGrantable(const Actor &, const Vault &vault) const
{
    if (!vault.grantable()) {
        ApiError e =
            ApiError::badRequest(notGrantableReason(vault.type, vault.name), u"not_grantable"_s);
        e.extra.insert(u"vault_type"_s, vaultTypeName(vault.type));
        return e;
    }
    if (!vault.accessible)
        return ApiError::forbidden(
            u"You can't grant the vault %1: you don't have access to it yourself."_s.arg(
                quoted(vault.name)));
    return std::nullopt;
}

std::optional<QSet<QString>> AccountService::visibleServers(const Actor &actor) const
{
    if (actor.canManageAllServers())
        return std::nullopt;
    return QSet<QString>(actor.rights.servers.cbegin(), actor.rights.servers.cend());
}

} // namespace ca
