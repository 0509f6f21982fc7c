// AccountService: the reverse view of a vault — who can reach it, through which server,
// token and group.
#include "service/AccountService.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// Which of the grants make a group manage this server; each group once, the widest first.
QList<VaultAccessGroup> managersOf(const Server &server, const QList<GroupGrant> &grants,
                                   const QHash<QString, Group> &groups)
{
    QList<VaultAccessGroup> out;
    for (GroupGrantKind kind :
         {GroupGrantKind::Manager, GroupGrantKind::AllServers, GroupGrantKind::Server}) {
        for (const GroupGrant &g : grants) {
            if (g.kind != kind || (kind == GroupGrantKind::Server && g.serverId != server.id))
                continue;
            const bool listed = std::any_of(out.cbegin(), out.cend(),
                                            [&](const auto &m) { return m.group.id == g.groupId; });
            if (!listed && groups.contains(g.groupId))
                out.append(VaultAccessGroup{groups.value(g.groupId), kind});
        }
    }
    return out;
}

} // namespace

Result<VaultAccess> AccountService::vaultAccess(const Actor &actor, const QString &vaultRef)
{
    const Result<Vault> vault = resolveVault(vaultRef, actor);
    if (!vault.ok())
        return vault.error();
    VaultAccess access;
    access.vault = *vault;
    const std::optional<QSet<QString>> visible = visibleServers(actor);
    const QList<Token> tokens = m_store.tokensNamingVault(vault->id);
    const QList<GroupGrant> grants = m_store.listGroupGrants();
    QHash<QString, Group> groups;
    for (const Group &g : m_store.listGroups(PageRequest{100000, {}}).items)
        groups.insert(g.id, g);
    for (const Server &s : m_store.serversWithVault(vault->id)) {
        if (visible && !visible->contains(s.id))
            continue;
        VaultAccessServer entry{s, {}, managersOf(s, grants, groups)};
        for (const Token &t : tokens) {
            if (t.serverId == s.id)
                entry.tokens.append(t);
        }
        access.servers.append(entry);
    }
    return access;
}

} // namespace ca
