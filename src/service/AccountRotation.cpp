// AccountService: rotating tokens (a new token like the old one; the old one revoked at once
// or at a later time), scheduling and cancelling revocations, and carrying out those whose
// time has come. Lock order, as everywhere: the audit chain's head (taken at BEGIN on
// PostgreSQL, see Store::Transaction), then a server's row (its tokens_version) before the
// rows of its tokens, servers in ID order.
#include "service/AccountService.h"
#include "service/AccountText.h"

#include "core/Duration.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace ca::accounttext;

namespace ca {

namespace {

constexpr qsizetype kMaxNameLength = 200; // validateName's limit

// "deploy" -> "deploy (rotated 2026-12-01)"; an earlier suffix is replaced, not stacked.
QString rotatedName(const QString &old, const QDateTime &at)
{
    static const QRegularExpression suffix(u"\\s*\\(rotated \\d{4}-\\d{2}-\\d{2}\\)$"_s);
    QString base = old;
    base.remove(suffix);
    const QString tail = u" (rotated "_s + at.toUTC().toString(u"yyyy-MM-dd"_s) + u')';
    if (base.size() > kMaxNameLength - tail.size()) {
        base.truncate(kMaxNameLength - tail.size());
        if (!base.isEmpty() && base.back().isHighSurrogate())
            base.chop(1); // never half a character
    }
    return base.trimmed() + tail;
}

ApiError alreadyRevoked(const Token &t, const QString &what)
{
    return ApiError::conflict(u"The token %1 was revoked on %2, so %3."_s.arg(
                                  quoted(t.name), json::isoUtc(t.revokedAt), what),
                              u"already_revoked"_s);
}

} // namespace

void AccountService::notifyScheduled(const QDateTime &at)
{
    if (m_revocationListener && at.isValid())
        m_revocationListener(at);
}

Result<Token> AccountService::token(const Actor &actor, const QString &ref,
                                    const QString &serverRef)
{
    return managedToken(actor, ref, serverRef);
}

Result<QDateTime> AccountService::revocationTime(const RevocationTime &when) const
{
    const QDateTime at = now();
    if (when.at.isValid()) {
        if (when.at <= at)
            return ApiError::badRequest(
                u"\"revokes_at\" (%1) is not in the future; to revoke the old token at once, "
                "give an overlap of 0 instead."_s.arg(json::isoUtc(when.at)),
                u"invalid_time"_s);
        return when.at;
    }
    if (!when.overlap)
        return at.addSecs(kDefaultOverlapSeconds);
    const DurationParse d = parseOverlap(*when.overlap);
    if (!d.seconds)
        return ApiError::badRequest(u"\"overlap\": "_s + d.error, u"invalid_duration"_s);
    return at.addSecs(*d.seconds);
}

// What replaces old: the same server, the vaults its server still reaches with the same
// access, the same lifetime counted from now. The caller must reach each of those vaults, as
// when issuing a token.
Result<AccountService::RotationPlan>
AccountService::planRotation(const Actor &actor, const Token &old,
                             const std::optional<QString> &name)
{
    if (old.state == TokenState::Revoked)
        return alreadyRevoked(old, u"only a token in use can be rotated"_s);
    const auto s = m_store.server(old.serverId);
    if (!s)
        return serverNotFound(displayId(old.serverId, IdKind::Server));
    RotationPlan plan;
    plan.old = old;
    Token &t = plan.replacement;
    t.id = newId();
    t.serverId = old.serverId;
    t.createdAt = now();
    if (name) {
        if (auto e = validateName(*name, u"token"_s))
            return *e;
        t.name = name->trimmed();
    } else {
        t.name = rotatedName(old.name, t.createdAt);
    }
    if (old.expiresAt.isValid())
        t.expiresAt = t.createdAt.addMSecs(old.createdAt.msecsTo(old.expiresAt));
    QSet<QString> ids;
    for (const TokenVault &v : old.vaults)
        ids.insert(v.vaultId);
    const QHash<QString, Vault> visible = m_store.vaultsByIds(ids, actor.user.id);
    for (const TokenVault &v : old.vaults) {
        if (!s->vaults.contains(v.vaultId)) {
            plan.droppedVaults.append(v.vaultId);
            continue;
        }
        const Vault vault = visible.value(v.vaultId);
        if (!vault.accessible)
            return ApiError::forbidden(
                u"You can't rotate the token %1: it reaches the vault %2, which you don't have "
                "access to yourself."_s.arg(
                    quoted(old.name), vault.name.isEmpty() ? displayId(v.vaultId, IdKind::Vault)
                                                           : quoted(vault.name)));
        t.vaults.append(v);
    }
    if (t.vaults.isEmpty())
        return ApiError::badRequest(
            u"The Connect server %1 no longer reaches any vault of the token %2, so a "
            "replacement could reach nothing. Revoke the token instead."_s.arg(quoted(s->name),
                                                                               quoted(old.name)),
            u"no_vaults"_s);
    return plan;
}

Result<QList<AccountService::RotationPlan>>
AccountService::planRotations(const Actor &actor, const RotateTokensRequest &request)
{
    if (request.tokens.isEmpty())
        return ApiError::badRequest(u"Name at least one token to rotate."_s, u"missing_field"_s);
    QList<RotationPlan> plans;
    QSet<QString> seen;
    for (const RotateTokenItem &item : request.tokens) {
        const auto old = managedToken(actor, item.token, request.server);
        if (!old.ok())
            return old.error();
        if (seen.contains(old->id))
            return ApiError::badRequest(
                u"The token %1 is named twice in the request."_s.arg(quoted(old->name)),
                u"duplicate_change"_s);
        seen.insert(old->id);
        auto plan = planRotation(actor, *old, item.name);
        if (!plan.ok())
            return plan.error();
        plans.append(*plan);
    }
    return plans;
}

Result<QList<RotatedToken>>
AccountService::writeRotations(const Actor &actor, const QList<RotationPlan> &plans,
                               const QDateTime &revokeOldAt,
                               const QHash<QString, QByteArray> &secrets)
{
    QList<RotatedToken> out;
    const QDateTime at = now();
    const bool atOnce = revokeOldAt <= at;
    for (const RotationPlan &plan : plans) {
        // Read again under the server's lock: revoked meanwhile is a conflict, not a rotation.
        const auto current = m_store.token(plan.old.id);
        if (!current || current->state == TokenState::Revoked)
            return alreadyRevoked(current.value_or(plan.old), u"it was not rotated"_s);
        const Token &t = plan.replacement;
        m_store.insertToken(t, actor.user.id);
        QJsonObject detail{{u"name"_s, plan.old.name},
                           {u"server"_s, displayId(t.serverId, IdKind::Server)},
                           {u"new_token"_s, displayId(t.id, IdKind::Token)},
                           {u"new_name"_s, t.name},
                           {u"vaults"_s, auditVaults(t.vaults)},
                           {u"expires_at"_s, json::fromDateTime(t.expiresAt)}};
        if (atOnce) {
            m_store.revokeToken(plan.old.id, at);
            detail.insert(u"revoked_at"_s, json::isoUtc(at));
        } else {
            // An earlier revocation already scheduled stays: rotating never extends a token.
            const QDateTime when = current->revokesAt.isValid()
                                       ? std::min(current->revokesAt, revokeOldAt)
                                       : revokeOldAt;
            m_store.scheduleRevocation(plan.old.id, when);
            detail.insert(u"revokes_at"_s, json::isoUtc(when));
        }
        if (!plan.droppedVaults.isEmpty())
            detail.insert(u"dropped_vaults"_s, QJsonArray::fromStringList(plan.droppedVaults));
        audit(&actor, u"token.rotate"_s, u"token"_s, displayId(plan.old.id, IdKind::Token), detail);
        RotatedToken r;
        r.created.token = t;
        r.created.jwt = QString::fromLatin1(
            crypto::signJwt(*m_signingKey, tokenClaims(t, secrets.value(t.serverId))));
        r.previous = *m_store.token(plan.old.id);
        r.droppedVaults = plan.droppedVaults;
        out.append(r);
    }
    return out;
}

Result<RotatedTokens> AccountService::rotateTokens(const Actor &actor,
                                                   const RotateTokensRequest &request)
{
    const auto revokeAt = revocationTime(request.revokeOld);
    if (!revokeAt.ok())
        return revokeAt.error();
    const auto plans = planRotations(actor, request);
    if (!plans.ok())
        return plans.error();
    QStringList servers;
    for (const RotationPlan &p : *plans) {
        if (!servers.contains(p.old.serverId))
            servers.append(p.old.serverId);
    }
    servers.sort();
    Store::Transaction tx(m_store);
    QHash<QString, QByteArray> secrets;
    for (const QString &id : std::as_const(servers)) {
        m_store.bumpTokensVersion(id);
        secrets.insert(id, serverSecret(id));
    }
    auto rotated = writeRotations(actor, *plans, *revokeAt, secrets);
    if (!rotated.ok())
        return rotated.error();
    tx.commit();
    if (*revokeAt > now())
        notifyScheduled(*revokeAt);
    return RotatedTokens{*rotated};
}

Result<RotatedToken> AccountService::rotateToken(const Actor &actor, const QString &ref,
                                                 const QString &serverRef,
                                                 const RotateTokenRequest &request)
{
    RotateTokensRequest one;
    one.server = serverRef;
    one.tokens = {RotateTokenItem{ref, request.name}};
    one.revokeOld = request.revokeOld;
    const auto rotated = rotateTokens(actor, one);
    if (!rotated.ok())
        return rotated.error();
    return rotated->items.first();
}

Result<Token> AccountService::scheduleRevocation(const Actor &actor, const QString &ref,
                                                 const QString &serverRef,
                                                 const ScheduleRevocationRequest &request)
{
    auto t = managedToken(actor, ref, serverRef);
    if (!t.ok())
        return t;
    if (t->state == TokenState::Revoked)
        return alreadyRevoked(*t, u"its revocation can't be scheduled"_s);
    QDateTime at = request.revokesAt;
    if (request.revokesIn) {
        // Zero is not a schedule: revoking at once is DELETE /v1/connect/tokens/{token}.
        const DurationParse d = parseDuration(*request.revokesIn);
        if (!d.seconds)
            return ApiError::badRequest(u"\"revokes_in\": "_s + d.error, u"invalid_duration"_s);
        at = now().addSecs(*d.seconds);
    } else if (at <= now()) {
        return ApiError::badRequest(u"\"revokes_at\" (%1) is not in the future; to revoke the "
                                    "token now, revoke it (DELETE)."_s.arg(json::isoUtc(at)),
                                    u"invalid_time"_s);
    }
    Store::Transaction tx(m_store);
    m_store.bumpTokensVersion(t->serverId);
    if (!m_store.scheduleRevocation(t->id, at))
        return alreadyRevoked(m_store.token(t->id).value_or(*t),
                              u"its revocation can't be scheduled"_s);
    audit(&actor, u"token.revoke_schedule"_s, u"token"_s, displayId(t->id, IdKind::Token),
          {{u"name"_s, t->name},
           {u"server"_s, displayId(t->serverId, IdKind::Server)},
           {u"revokes_at"_s, json::isoUtc(at)},
           {u"previous"_s, json::fromDateTime(t->revokesAt)}});
    tx.commit();
    notifyScheduled(at);
    return *m_store.token(t->id);
}

Result<Token> AccountService::cancelRevocation(const Actor &actor, const QString &ref,
                                               const QString &serverRef)
{
    auto t = managedToken(actor, ref, serverRef);
    if (!t.ok())
        return t;
    if (t->state == TokenState::Revoked)
        return alreadyRevoked(*t, u"its revocation can't be cancelled any more"_s);
    if (!t->revokesAt.isValid())
        return t; // nothing scheduled: nothing to cancel
    Store::Transaction tx(m_store);
    m_store.bumpTokensVersion(t->serverId);
    if (!m_store.cancelRevocation(t->id)) {
        const Token latest = m_store.token(t->id).value_or(*t);
        if (latest.state == TokenState::Revoked)
            return alreadyRevoked(latest, u"its revocation can't be cancelled any more"_s);
        return latest; // someone else cancelled it
    }
    audit(&actor, u"token.revoke_cancel"_s, u"token"_s, displayId(t->id, IdKind::Token),
          {{u"name"_s, t->name},
           {u"server"_s, displayId(t->serverId, IdKind::Server)},
           {u"revokes_at"_s, json::isoUtc(t->revokesAt)}});
    tx.commit();
    return *m_store.token(t->id);
}

QList<Token> AccountService::revokeDueTokens()
{
    const QDateTime at = now();
    Store::Transaction tx(m_store);
    for (const QString &serverId : m_store.serversWithDueRevocations(at))
        m_store.bumpTokensVersion(serverId);
    QList<Token> revoked = m_store.revokeDueTokens(at);
    for (const Token &t : std::as_const(revoked))
        audit(nullptr, u"token.revoke"_s, u"token"_s, displayId(t.id, IdKind::Token),
              {{u"name"_s, t.name},
               {u"server"_s, displayId(t.serverId, IdKind::Server)},
               {u"scheduled"_s, true},
               {u"revokes_at"_s, json::isoUtc(t.revokesAt)}});
    tx.commit();
    return revoked;
}

QDateTime AccountService::nextScheduledRevocation()
{
    return m_store.nextScheduledRevocation();
}

} // namespace ca
