// AccountService: granting vaults to servers, one at a time or as an atomic batch.
#include "service/AccountService.h"
#include "service/AccountText.h"

#include "core/Ids.h"
#include "core/JsonCodec.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace ca::accounttext;

namespace ca {

Result<Server> AccountService::grantVault(const Actor &actor, const QString &serverRef,
                                          const QString &vaultRef)
{
    auto s = server(actor, serverRef);
    if (!s.ok())
        return s;
    auto v = resolveVault(vaultRef, actor);
    if (!v.ok())
        return v.error();
    if (auto e = requireGrantable(actor, *v))
        return *e;
    Store::Transaction tx(m_store);
    if (m_store.addServerVault(s->id, v->id, now())) {
        m_store.bumpGrantsRevision(std::nullopt);
        audit(&actor, u"vault.grant"_s, u"server"_s, displayId(s->id, IdKind::Server),
              {{u"vault"_s, displayId(v->id, IdKind::Vault)}, {u"vault_name"_s, v->name}});
    }
    tx.commit();
    return *m_store.server(s->id);
}

Result<Server> AccountService::revokeVault(const Actor &actor, const QString &serverRef,
                                           const QString &vaultRef)
{
    auto s = server(actor, serverRef);
    if (!s.ok())
        return s;
    auto v = resolveVault(vaultRef, actor);
    if (!v.ok())
        return v.error();
    Store::Transaction tx(m_store);
    if (!m_store.removeServerVault(s->id, v->id))
        return ApiError::notFound(u"The Connect server %1 has no access to the vault %2."_s.arg(
            quoted(s->name), quoted(v->name)));
    m_store.bumpGrantsRevision(std::nullopt);
    audit(&actor, u"vault.revoke"_s, u"server"_s, displayId(s->id, IdKind::Server),
          {{u"vault"_s, displayId(v->id, IdKind::Vault)}, {u"vault_name"_s, v->name}});
    tx.commit();
    return *m_store.server(s->id);
}

Result<GrantMatrix> AccountService::grants(const Actor &actor)
{
    GrantMatrix m;
    m.revision = m_store.grantsRevision();
    const auto visible = visibleServers(actor);
    const QList<VaultGrant> all = m_store.allGrants();
    if (!visible) {
        m.grants = all;
    } else {
        for (const VaultGrant &g : all) {
            if (visible->contains(g.serverId))
                m.grants.append(g);
        }
    }
    return m;
}

// A batch is checked whole before anything is written: each cell once, every server and
// vault known, every server managed by the caller, every vault granted one it may grant.
std::optional<ApiError> AccountService::checkBatch(const Actor &actor,
                                                   const QList<GrantChange> &changes)
{
    QSet<QString> serverIds, vaultIds, cells;
    for (const GrantChange &c : changes) {
        serverIds.insert(c.serverId);
        vaultIds.insert(c.vaultId);
        const QString cell = c.serverId + u'/' + c.vaultId;
        if (cells.contains(cell))
            return ApiError::badRequest(
                u"The batch changes the server %1 and vault %2 twice."_s.arg(
                    displayId(c.serverId, IdKind::Server), displayId(c.vaultId, IdKind::Vault)),
                u"duplicate_change"_s);
        cells.insert(cell);
    }
    const QSet<QString> existingServers = m_store.existingServerIds(serverIds);
    const QHash<QString, Vault> vaults = m_store.vaultsByIds(vaultIds, actor.user.id);
    for (const GrantChange &c : changes) {
        if (!existingServers.contains(c.serverId))
            return serverNotFound(displayId(c.serverId, IdKind::Server));
        if (!vaults.contains(c.vaultId))
            return vaultNotFound(displayId(c.vaultId, IdKind::Vault));
        if (!actor.canManage(c.serverId))
            return ApiError::forbidden(
                u"You can't manage the Connect server %1, so the batch was not applied."_s.arg(
                    displayId(c.serverId, IdKind::Server)));
        if (c.granted) {
            if (auto e = requireGrantable(actor, vaults.value(c.vaultId)))
                return e;
        }
    }
    return std::nullopt;
}

Result<GrantBatchResult> AccountService::applyGrants(const Actor &actor, qint64 baseRevision,
                                                     const QList<GrantChange> &changes)
{
    const auto stale = [this]() {
        const qint64 current = m_store.grantsRevision();
        ApiError e = ApiError::conflict(
            u"The vault access changed since you loaded it (now at revision %1). Reload, check "
            "your changes against the new state and apply again."_s.arg(current),
            u"stale_revision"_s);
        e.extra.insert(u"revision"_s, current);
        return e;
    };
    if (changes.isEmpty())
        return ApiError::badRequest(u"The batch has no changes."_s, u"empty_batch"_s);
    if (m_store.grantsRevision() != baseRevision)
        return stale();
    if (auto e = checkBatch(actor, changes))
        return *e;

    GrantBatchResult result;
    Store::Transaction tx(m_store);
    if (!m_store.bumpGrantsRevision(baseRevision))
        return stale(); // another writer got in between
    // Every cell the batch changed goes into its event, so that Compare and `connect diff`
    // can rebuild the matrix from the log (events written before 2026-12-02 kept only the
    // first 100, under "first").
    QJsonArray cells;
    for (const GrantChange &c : changes) {
        const bool changed = c.granted ? m_store.addServerVault(c.serverId, c.vaultId, now())
                                       : m_store.removeServerVault(c.serverId, c.vaultId);
        if (changed) {
            ++result.applied;
            cells.append(json::encode(c));
        }
    }
    if (result.applied == 0) {
        // Every change was already in place: the revision stays, others' batches stand.
        result.revision = baseRevision;
        return result; // the transaction rolls back
    }
    result.revision = baseRevision + 1;
    audit(&actor, u"grants.batch"_s, u"grants"_s, QString::number(result.revision),
          {{u"changes"_s, qint64(changes.size())},
           {u"applied"_s, result.applied},
           {u"cells"_s, cells}});
    tx.commit();
    return result;
}

} // namespace ca
