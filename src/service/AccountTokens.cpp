// AccountService: issuing, renaming and revoking tokens (ES256 JWTs, never stored).
#include "service/AccountService.h"
#include "service/AccountText.h"

#include "core/Duration.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/Logging.h"

#include <QJsonArray>

#include <map>

using namespace Qt::StringLiterals;
using namespace ca::accounttext;

namespace ca {

namespace {

// A vault named twice gets the union of the permissions asked for.
void mergeVault(QList<TokenVault> &vaults, const QString &vaultId, Access access)
{
    for (TokenVault &v : vaults) {
        if (v.vaultId == vaultId) {
            v.access = Access(int(v.access) | int(access));
            return;
        }
    }
    vaults.append(TokenVault{vaultId, access});
}

} // namespace

QJsonArray AccountService::auditVaults(const QList<TokenVault> &vaults)
{
    QJsonArray out;
    for (const TokenVault &v : vaults)
        out.append(QString(displayId(v.vaultId, IdKind::Vault) + u',' + accessSuffix(v.access)));
    return out;
}

Result<Token> AccountService::managedToken(const Actor &actor, const QString &ref,
                                           const QString &serverRef)
{
    const auto serverId = optionalServerId(actor, serverRef);
    if (!serverId.ok())
        return serverId.error();
    auto t = resolveToken(ref, *serverId, actor);
    if (!t.ok())
        return t;
    if (!actor.canManage(t->serverId))
        return ApiError::forbidden(u"You can't manage the tokens of the Connect server %1."_s.arg(
            displayId(t->serverId, IdKind::Server)));
    return t;
}

Result<QString> AccountService::optionalServerId(const Actor &actor, const QString &serverRef)
{
    if (serverRef.isEmpty())
        return QString();
    const auto s = server(actor, serverRef);
    if (!s.ok())
        return s.error();
    return s->id;
}

Result<Page<Token>> AccountService::tokens(const Actor &actor, const QString &serverRef,
                                           const PageRequest &page)
{
    const auto serverId = optionalServerId(actor, serverRef);
    if (!serverId.ok())
        return serverId.error();
    return m_store.listTokens(page, *serverId, visibleServers(actor));
}

// The vaults a new token reaches: the ones asked for (each granted to the server and
// accessible to the caller), or without any, all of the server's.
Result<QList<TokenVault>> AccountService::tokenVaults(const Actor &actor, const Server &s,
                                                      const QList<VaultPermission> &requested)
{
    QList<TokenVault> vaults;
    if (requested.isEmpty()) {
        if (s.vaults.isEmpty())
            return ApiError::badRequest(
                u"The Connect server %1 has no vaults, so a token for it could reach nothing. "
                "Grant a vault first (connect vault grant)."_s.arg(quoted(s.name)),
                u"no_vaults"_s);
        const QSet<QString> accessible = m_store.accessibleVaultIds(actor.user.id);
        for (const QString &id : s.vaults) {
            if (!accessible.contains(id))
                return ApiError::forbidden(
                    u"The Connect server %1 has the vault %2, which you can't access; name the "
                    "vaults this token should reach."_s.arg(quoted(s.name),
                                                            displayId(id, IdKind::Vault)));
            mergeVault(vaults, id, Access::ReadWrite);
        }
    }
    for (const VaultPermission &r : requested) {
        auto v = resolveVault(r.vault, actor);
        if (!v.ok())
            return v.error();
        if (!s.vaults.contains(v->id))
            return ApiError::badRequest(
                u"The Connect server %1 has no access to the vault %2, so a token can't name it. "
                "Grant it first: connect vault grant --server %3 --vault %4"_s.arg(
                    quoted(s.name), quoted(v->name), displayId(s.id, IdKind::Server),
                    displayId(v->id, IdKind::Vault)),
                u"vault_not_granted"_s);
        if (!v->accessible)
            return ApiError::forbidden(
                u"You can't issue a token for the vault %1: you don't have access to it yourself."_s
                    .arg(quoted(v->name)));
        mergeVault(vaults, v->id, r.access);
    }
    return vaults;
}

// The JWT claims (docs/ARCHITECTURE.md); the server's secret ties the token to its credentials
// file.
QJsonObject AccountService::tokenClaims(const Token &t, const QByteArray &secret) const
{
    QJsonArray vts;
    for (const TokenVault &v : t.vaults)
        vts.append(QJsonObject{{u"u"_s, displayId(v.vaultId, IdKind::Vault)},
                               {u"a"_s, aclBits(v.access)}});
    QJsonObject claims{
        {u"1password.com/auuid"_s, displayId(m_accountId, IdKind::Account)},
        {u"1password.com/token"_s, QString::fromLatin1(crypto::base64Url(secret))},
        {u"1password.com/fts"_s, QJsonArray{u"vaultaccess"_s}},
        {u"1password.com/vts"_s, vts},
        {u"aud"_s, QJsonArray{u"com.1password.connect"_s}},
        {u"iss"_s, m_config.issuer},
        {u"sub"_s, displayId(t.serverId, IdKind::Server)},
        {u"iat"_s, t.createdAt.toSecsSinceEpoch()},
        {u"jti"_s, displayId(t.id, IdKind::Token)},
    };
    if (t.expiresAt.isValid())
        claims.insert(u"exp"_s, t.expiresAt.toSecsSinceEpoch());
    return claims;
}

Result<CreatedToken> AccountService::createToken(const Actor &actor, const QString &name,
                                                 const QString &serverRef,
                                                 const QList<VaultPermission> &vaults,
                                                 const std::optional<QString> &expiresIn)
{
    return createTokens({{actor, {name, serverRef, vaults, expiresIn}}}).constFirst();
}

Result<Token> AccountService::draftToken(const Actor &actor, const CreateTokenRequest &request)
{
    if (auto e = validateName(request.name, u"token"_s))
        return *e;
    const auto s = server(actor, request.server);
    if (!s.ok())
        return s.error();
    qint64 lifetime = 0;
    if (request.expiresIn) { // given but empty is a bad duration, not "never expires"
        const DurationParse d = parseDuration(*request.expiresIn);
        if (!d.seconds)
            return ApiError::badRequest(d.error, u"invalid_duration"_s);
        lifetime = *d.seconds;
    }
    auto vaults = tokenVaults(actor, *s, request.vaults);
    if (!vaults.ok())
        return vaults.error();

    Token t;
    t.id = newId();
    t.name = request.name.trimmed();
    t.serverId = s->id;
    t.createdAt = now();
    if (lifetime > 0)
        t.expiresAt = t.createdAt.addSecs(lifetime);
    t.vaults = *vaults;
    return t;
}

QList<Result<CreatedToken>> AccountService::createTokens(const QList<TokenCreation> &creations)
{
    if (creations.size() == 1)
        return writeTokens(creations);
    try {
        return writeTokens(creations);
    } catch (const std::exception &e) {
        // Nothing of the group was written. What failed may concern one creation only (a
        // server deleted meanwhile whose secret is gone): each alone, so that only that one
        // fails and the others get their own answers.
        qCWarning(lcService) << "writing" << creations.size()
                             << "token creations together failed, writing each alone:" << e.what();
        QList<Result<CreatedToken>> created;
        for (const TokenCreation &c : creations) {
            try {
                created.append(writeTokens({c}).constFirst());
            } catch (const std::exception &one) {
                qCCritical(lcService) << "creating a token failed:" << one.what();
                created.append(ApiError::internal(
                    u"The service failed to create the token; see its log. Nothing was written."_s));
            }
        }
        return created;
    }
}

QList<Result<CreatedToken>> AccountService::writeTokens(const QList<TokenCreation> &creations)
{
    QList<Actor> actors;
    QList<Result<Token>> drafts;
    std::map<QString, qint64> newTokens; // server ID -> tokens to write, in ID order
    QHash<QByteArray, Result<Actor>> sessions;
    for (const TokenCreation &c : creations) {
        // The session and its rights as they are now, not as when the request was read (the
        // service queues creations for a turn of its event loop): a sign-out or a revoked
        // group grant answered meanwhile holds. Actors made without a session (tests, the
        // service's own set-up) are taken as they are.
        Result<Actor> actor = c.actor;
        if (!c.actor.sessionHash.isEmpty()) {
            auto known = sessions.constFind(c.actor.sessionHash);
            if (known == sessions.cend())
                known = sessions.insert(c.actor.sessionHash, sessionActor(c.actor.sessionHash));
            actor = *known;
        }
        actors.append(actor.ok() ? *actor : c.actor);
        drafts.append(actor.ok() ? draftToken(*actor, c.request) : Result<Token>(actor.error()));
        if (drafts.constLast().ok())
            ++newTokens[drafts.constLast()->serverId];
    }
    QList<QJsonObject> claims(creations.size());
    if (!newTokens.empty()) {
        Store::Transaction tx(m_store);
        // After the audit chain's head (PostgreSQL: at BEGIN), the servers' rows
        // (tokens_version counts every token), in one order, then their secrets: a renewal of
        // a server's credentials either committed before (its new tokens carry the new
        // secret) or waits for them (and counts them).
        for (const auto &[serverId, count] : newTokens)
            m_store.bumpTokensVersion(serverId, count);
        QHash<QString, QByteArray> secrets;
        for (qsizetype i = 0; i < drafts.size(); ++i) {
            if (!drafts.at(i).ok())
                continue;
            const Token &t = *drafts.at(i);
            QByteArray &secret = secrets[t.serverId];
            if (secret.isEmpty())
                secret = serverSecret(t.serverId);
            claims[i] = tokenClaims(t, secret);
            m_store.insertToken(t, actors.at(i).user.id);
            audit(&actors.at(i), u"token.create"_s, u"token"_s, displayId(t.id, IdKind::Token),
                  {{u"name"_s, t.name},
                   {u"server"_s, displayId(t.serverId, IdKind::Server)},
                   {u"vaults"_s, auditVaults(t.vaults)},
                   {u"expires_at"_s, json::fromDateTime(t.expiresAt)}});
        }
        tx.commit();
    }
    QList<Result<CreatedToken>> created;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        if (drafts.at(i).ok())
            created.append(CreatedToken{
                *drafts.at(i), QString::fromLatin1(crypto::signJwt(*m_signingKey, claims.at(i)))});
        else
            created.append(drafts.at(i).error());
    }
    return created;
}

Result<Token> AccountService::renameToken(const Actor &actor, const QString &ref,
                                          const QString &serverRef, const QString &rawName)
{
    if (auto e = validateName(rawName, u"token"_s))
        return *e;
    auto t = managedToken(actor, ref, serverRef);
    if (!t.ok())
        return t;
    const QString name = rawName.trimmed();
    Store::Transaction tx(m_store);
    m_store.bumpTokensVersion(t->serverId); // the server's row before its tokens' (lock order)
    m_store.renameToken(t->id, name);
    audit(&actor, u"token.rename"_s, u"token"_s, displayId(t->id, IdKind::Token),
          {{u"from"_s, t->name}, {u"to"_s, name}});
    tx.commit();
    return *m_store.token(t->id);
}

Result<Token> AccountService::revokeToken(const Actor &actor, const QString &ref,
                                          const QString &serverRef)
{
    auto t = managedToken(actor, ref, serverRef);
    if (!t.ok())
        return t;
    if (t->state == TokenState::Revoked)
        return t; // revoking twice changes nothing
    Store::Transaction tx(m_store);
    m_store.bumpTokensVersion(t->serverId); // the server's row before its tokens' (lock order)
    m_store.revokeToken(t->id, now());
    audit(&actor, u"token.revoke"_s, u"token"_s, displayId(t->id, IdKind::Token),
          {{u"name"_s, t->name}, {u"server"_s, displayId(t->serverId, IdKind::Server)}});
    tx.commit();
    return *m_store.token(t->id);
}

} // namespace ca
