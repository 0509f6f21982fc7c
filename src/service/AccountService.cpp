#include "service/AccountService.h"

#include "core/Duration.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/Logging.h"
#include "core/Resolve.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

constexpr int kMaxNameLength = 200;

QByteArray sessionHash(const QByteArray &token)
{
    return crypto::sha256(token);
}

QString quoted(const QString &s)
{
    return u"\""_s + s + u"\""_s;
}

ApiError ambiguous(const QString &what, const QString &ref, const QStringList &ids)
{
    return ApiError::badRequest(u"More than one %1 is named %2: %3. Use the ID instead."_s.arg(
                                    what, quoted(ref), ids.join(u", "_s)),
                                u"ambiguous"_s);
}

} // namespace

std::optional<ApiError> validateName(const QString &name, const QString &what)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return ApiError::badRequest(u"The %1 name is empty."_s.arg(what), u"invalid_name"_s);
    if (trimmed.size() > kMaxNameLength)
        return ApiError::badRequest(
            u"The %1 name is %2 characters long; the limit is %3."_s.arg(what)
                .arg(trimmed.size())
                .arg(kMaxNameLength),
            u"invalid_name"_s);
    for (const char32_t c : trimmed.toUcs4()) {
        const QChar::Category cat = QChar::category(c);
        if (cat == QChar::Other_Control || cat == QChar::Other_Format ||
            cat == QChar::Other_Surrogate || cat == QChar::Other_NotAssigned)
            return ApiError::badRequest(
                u"The %1 name contains a control or invisible character."_s.arg(what),
                u"invalid_name"_s);
    }
    return std::nullopt;
}

AccountService::AccountService(Store &store, MasterKey masterKey, ServiceConfig config)
    : m_store(store)
    , m_masterKey(std::move(masterKey))
    , m_config(std::move(config))
{
    if (!m_config.clock)
        m_config.clock = [] { return QDateTime::currentDateTimeUtc(); };
    // A hash to check against when the email is unknown, so that timing does not tell.
    m_dummyHash = crypto::hashPassword(crypto::randomBytes(16), m_config.passwordHash);
}

QDateTime AccountService::now() const
{
    return m_config.clock();
}

void AccountService::initialize()
{
    if (const auto a = m_store.account())
        m_accountId = a->id;
    auto load = [this]() -> bool {
        const QList<StoredSigningKey> keys = m_store.signingKeys();
        if (keys.isEmpty())
            return false;
        // Every instance uses the oldest key so that instances started together agree.
        const auto pem = m_masterKey.open(keys.first().privateSealed,
                                          "signing-key:" + keys.first().kid.toUtf8());
        if (!pem)
            throw StoreError("the token signing key can't be opened with this master key; "
                             "is --master-key the file this database was created with?");
        m_signingKey = crypto::SigningKey::fromPrivatePem(*pem);
        if (!m_signingKey)
            throw StoreError("the stored token signing key is damaged");
        return true;
    };
    if (load())
        return;
    crypto::SigningKey key = crypto::SigningKey::generate();
    {
        Store::Transaction tx(m_store);
        const QString kid = key.kid();
        m_store.insertSigningKey(
            StoredSigningKey{kid, m_masterKey.seal(key.privatePem(), "signing-key:" + kid.toUtf8()),
                             now()},
            key.publicJwk());
        audit(nullptr, u"signing_key.create"_s, u"signing_key"_s, kid);
        tx.commit();
    }
    load();
}

void AccountService::audit(const Actor *actor, const QString &action, const QString &targetType,
                           const QString &targetId, const QJsonObject &detail)
{
    AuditEvent e;
    e.at = now();
    e.actorId = actor ? actor->user.id : QString();
    e.action = action;
    e.targetType = targetType;
    e.targetId = targetId;
    e.detail = detail;
    m_store.insertAudit(e);
}

// ---- sessions -------------------------------------------------------------------------------

Result<AccountService::SignInAttempt> AccountService::beginSignIn(const QString &email,
                                                                  const QString &peer)
{
    if (const qint64 wait = m_throttle.retryAfter(email, peer, now())) {
        ApiError e{429,
                   u"rate_limited"_s,
                   u"Too many failed sign-ins. Try again in %1 seconds."_s.arg(wait),
                   {}};
        e.extra.insert(u"retry_after"_s, wait);
        return e;
    }
    m_throttle.recordAttempt(email, peer, now());
    SignInAttempt attempt;
    attempt.user = m_store.userByEmail(email.trimmed());
    attempt.hashToCheck = attempt.user ? attempt.user->passwordHash : m_dummyHash;
    return attempt;
}

Result<SessionInfo> AccountService::finishSignIn(const SignInAttempt &attempt, bool passwordMatches,
                                                 const QString &email, const QString &peer)
{
    Q_UNUSED(peer);
    if (!attempt.user || !passwordMatches || attempt.user->user.state != u"ACTIVE") {
        return ApiError::unauthorized(u"The email address or password is wrong."_s,
                                      u"invalid_credentials"_s);
    }
    m_throttle.recordSuccess(email);
    const QByteArray token = crypto::base64Url(crypto::randomBytes(32));
    const QDateTime created = now();
    const QDateTime expires = created.addSecs(m_config.sessionTtlSeconds);
    Actor actor;
    actor.user = attempt.user->user;
    {
        Store::Transaction tx(m_store);
        m_store.deleteExpiredSessions(created);
        m_store.insertSession(sessionHash(token), actor.user.id, created, expires);
        audit(&actor, u"session.create"_s, u"user"_s, displayId(actor.user.id, IdKind::User),
              {{u"peer"_s, peer}});
        tx.commit();
    }
    actor.rights = m_store.membership(actor.user.id);
    actor.sessionExpiresAt = expires;
    SessionInfo info = sessionInfo(actor);
    info.token = QString::fromLatin1(token);
    return info;
}

Result<Actor> AccountService::authenticate(const QByteArray &authorization)
{
    if (authorization.isEmpty())
        return ApiError::unauthorized(u"Sign in first: this request has no session token."_s);
    if (!authorization.startsWith("Bearer ") || authorization.size() < 8)
        return ApiError::unauthorized(
            u"The Authorization header must be \"Bearer\" followed by a session token."_s);
    const QByteArray token = authorization.mid(7).trimmed();
    const auto stored = m_store.session(sessionHash(token));
    if (!stored)
        return ApiError::unauthorized(
            u"The session is not valid (signed out or unknown). Sign in again."_s);
    if (stored->expiresAt <= now())
        return ApiError::unauthorized(u"The session has expired. Sign in again."_s,
                                      u"session_expired"_s);
    if (stored->user.state != u"ACTIVE")
        return ApiError::unauthorized(u"This user is suspended."_s);
    Actor actor;
    actor.user = stored->user;
    actor.rights = m_store.membership(actor.user.id);
    actor.sessionHash = sessionHash(token);
    actor.sessionExpiresAt = stored->expiresAt;
    return actor;
}

SessionInfo AccountService::sessionInfo(const Actor &actor) const
{
    SessionInfo info;
    info.expiresAt = actor.sessionExpiresAt;
    info.user = actor.user;
    info.rights.owner = actor.rights.owner;
    info.rights.manager = actor.rights.manager;
    info.rights.allServers = actor.rights.allServers;
    info.rights.servers = actor.rights.servers;
    return info;
}

void AccountService::signOut(const Actor &actor)
{
    Store::Transaction tx(m_store);
    m_store.deleteSession(actor.sessionHash);
    audit(&actor, u"session.delete"_s, u"user"_s, displayId(actor.user.id, IdKind::User));
    tx.commit();
}

// ---- directory ------------------------------------------------------------------------------

Result<Account> AccountService::account()
{
    if (const auto a = m_store.account())
        return *a;
    return ApiError::notFound(u"This service has no account yet."_s);
}

Result<Page<Vault>> AccountService::vaults(const Actor &actor, const PageRequest &page)
{
    return m_store.listVaults(page, actor.user.id);
}

Result<Page<Group>> AccountService::groups(const Actor &, const PageRequest &page)
{
    return m_store.listGroups(page);
}

Result<Page<User>> AccountService::users(const Actor &, const PageRequest &page)
{
    return m_store.listUsers(page);
}

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
        return ApiError::notFound(
            u"No Connect server is named or has the ID %1."_s.arg(quoted(ref)));
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
        return ApiError::notFound(u"No vault is named or has the ID %1."_s.arg(quoted(ref)));
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

QByteArray AccountService::serverSecret(const QString &serverId)
{
    const auto secret =
        m_masterKey.open(m_store.serverSecret(serverId), "server-secret:" + serverId.toUtf8());
    if (!secret)
        throw StoreError("a server secret can't be opened with this master key");
    return *secret;
}

// ---- servers --------------------------------------------------------------------------------

Result<Page<Server>> AccountService::servers(const Actor &actor, const PageRequest &page)
{
    return m_store.listServers(page, visibleServers(actor), now());
}

Result<Server> AccountService::server(const Actor &actor, const QString &ref)
{
    auto s = resolveServer(ref, actor);
    if (!s.ok())
        return s;
    if (auto e = requireManage(actor, *s))
        return *e;
    return s;
}

QJsonObject AccountService::buildCredentials(const QString &accountId, const QString &serverId,
                                             const QString &issuer, const QByteArray &secret)
{
    const QByteArray salt = crypto::randomBytes(16);
    const QString kid = newId();
    const QByteArray key = crypto::hkdfSha256(secret, salt, "connect-admin/credentials/v1", 32);
    const QJsonObject identity{{u"account"_s, displayId(accountId, IdKind::Account)},
                               {u"server"_s, displayId(serverId, IdKind::Server)},
                               {u"url"_s, issuer}};
    const crypto::Sealed sealed =
        crypto::aesGcmEncrypt(key, QJsonDocument(identity).toJson(QJsonDocument::Compact));
    auto b64 = [](const QByteArray &b) { return QString::fromLatin1(crypto::base64Url(b)); };
    return {
        {u"verifier"_s, QJsonObject{{u"salt"_s, b64(salt)},
                                    {u"localHash"_s, b64(crypto::hmacSha256(salt, secret))}}},
        {u"encCredentials"_s, QJsonObject{{u"kid"_s, kid},
                                          {u"enc"_s, u"A256GCM"_s},
                                          {u"cty"_s, u"b5+jwk+json"_s},
                                          {u"iv"_s, b64(sealed.iv)},
                                          {u"data"_s, b64(sealed.ciphertext)}}},
        {u"version"_s, u"2"_s},
        {u"deviceUuid"_s, newId()},
        {u"uniqueKey"_s, QJsonObject{{u"alg"_s, u"A256GCM"_s},
                                     {u"ext"_s, true},
                                     {u"k"_s, b64(secret)},
                                     {u"key_ops"_s, QJsonArray{u"encrypt"_s, u"decrypt"_s}},
                                     {u"kty"_s, u"oct"_s},
                                     {u"kid"_s, kid}}},
    };
}

Result<CreatedServer> AccountService::createServer(const Actor &actor, const QString &rawName,
                                                   const QStringList &vaultRefs)
{
    if (!actor.rights.manager)
        return ApiError::forbidden(
            u"Creating Connect servers needs Secrets Automation manager rights: be in Owners or "
            "Administrators, or in a group granted with \"connect group grant\" without --server."_s);
    if (auto e = validateName(rawName, u"server"_s))
        return *e;
    const QString name = rawName.trimmed();
    QList<Vault> vaults;
    for (const QString &ref : vaultRefs) {
        auto v = resolveVault(ref, actor);
        if (!v.ok())
            return v.error();
        if (auto e = requireGrantable(actor, *v))
            return *e;
        if (!std::any_of(vaults.cbegin(), vaults.cend(),
                         [&](const Vault &x) { return x.id == v->id; }))
            vaults.append(*v);
    }
    Server s;
    s.id = newId();
    s.name = name;
    s.createdAt = now();
    s.creatorId = actor.user.id;
    const QByteArray secret = crypto::randomBytes(32);
    {
        Store::Transaction tx(m_store);
        m_store.insertServer(s, m_masterKey.seal(secret, "server-secret:" + s.id.toUtf8()));
        QJsonArray vaultIds;
        for (const Vault &v : vaults) {
            m_store.addServerVault(s.id, v.id, s.createdAt);
            vaultIds.append(displayId(v.id, IdKind::Vault));
        }
        if (!vaults.isEmpty())
            m_store.bumpGrantsRevision(std::nullopt);
        audit(&actor, u"server.create"_s, u"server"_s, displayId(s.id, IdKind::Server),
              {{u"name"_s, name}, {u"vaults"_s, vaultIds}});
        tx.commit();
    }
    CreatedServer created;
    created.server = *m_store.server(s.id);
    created.credentials = buildCredentials(m_accountId, s.id, m_config.issuer, secret);
    return created;
}

Result<Server> AccountService::renameServer(const Actor &actor, const QString &ref,
                                            const QString &rawName)
{
    auto s = server(actor, ref);
    if (!s.ok())
        return s;
    if (auto e = validateName(rawName, u"server"_s))
        return *e;
    const QString name = rawName.trimmed();
    Store::Transaction tx(m_store);
    m_store.renameServer(s->id, name);
    audit(&actor, u"server.rename"_s, u"server"_s, displayId(s->id, IdKind::Server),
          {{u"from"_s, s->name}, {u"to"_s, name}});
    tx.commit();
    return *m_store.server(s->id);
}

Result<Server> AccountService::deleteServer(const Actor &actor, const QString &ref)
{
    auto s = server(actor, ref);
    if (!s.ok())
        return s;
    Store::Transaction tx(m_store);
    const int revoked = m_store.revokeTokensOfServer(s->id, now());
    const bool hadVaults = !s->vaults.isEmpty();
    m_store.deleteServer(s->id);
    if (hadVaults)
        m_store.bumpGrantsRevision(std::nullopt);
    audit(&actor, u"server.delete"_s, u"server"_s, displayId(s->id, IdKind::Server),
          {{u"name"_s, s->name}, {u"revoked_tokens"_s, revoked}});
    tx.commit();
    return s;
}

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
            return ApiError::notFound(
                u"No Connect server has the ID %1."_s.arg(displayId(c.serverId, IdKind::Server)));
        if (!vaults.contains(c.vaultId))
            return ApiError::notFound(
                u"No vault has the ID %1."_s.arg(displayId(c.vaultId, IdKind::Vault)));
        if (!actor.canManage(c.serverId))
            return ApiError::forbidden(
                u"You can't manage the Connect server %1, so the batch was not applied."_s.arg(
                    displayId(c.serverId, IdKind::Server)));
        if (c.granted) {
            if (auto e = requireGrantable(actor, vaults.value(c.vaultId)))
                return *e;
        }
    }

    GrantBatchResult result;
    Store::Transaction tx(m_store);
    if (!m_store.bumpGrantsRevision(baseRevision))
        return stale(); // another writer got in between
    QJsonArray detail;
    for (const GrantChange &c : changes) {
        const bool changed = c.granted ? m_store.addServerVault(c.serverId, c.vaultId, now())
                                       : m_store.removeServerVault(c.serverId, c.vaultId);
        if (changed) {
            ++result.applied;
            if (detail.size() < 100)
                detail.append(json::encode(c));
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
           {u"first"_s, detail}});
    tx.commit();
    return result;
}

// ---- tokens ---------------------------------------------------------------------------------

Result<Page<Token>> AccountService::tokens(const Actor &actor, const QString &serverRef,
                                           const PageRequest &page)
{
    QString serverId;
    if (!serverRef.isEmpty()) {
        auto s = server(actor, serverRef);
        if (!s.ok())
            return s.error();
        serverId = s->id;
    }
    return m_store.listTokens(page, serverId, visibleServers(actor));
}

Result<CreatedToken> AccountService::createToken(const Actor &actor, const QString &rawName,
                                                 const QString &serverRef,
                                                 const QList<VaultPermission> &requested,
                                                 const std::optional<QString> &expiresIn)
{
    if (auto e = validateName(rawName, u"token"_s))
        return *e;
    auto s = server(actor, serverRef);
    if (!s.ok())
        return s.error();
    qint64 lifetime = 0;
    if (expiresIn) { // given but empty is a bad duration, not "never expires"
        const DurationParse d = parseDuration(*expiresIn);
        if (!d.seconds)
            return ApiError::badRequest(d.error, u"invalid_duration"_s);
        lifetime = *d.seconds;
    }

    QList<TokenVault> vaults;
    auto merge = [&vaults](const QString &vaultId, Access access) {
        for (TokenVault &v : vaults) {
            if (v.vaultId == vaultId) {
                v.access = Access(int(v.access) | int(access));
                return;
            }
        }
        vaults.append(TokenVault{vaultId, access});
    };
    if (requested.isEmpty()) {
        if (s->vaults.isEmpty())
            return ApiError::badRequest(
                u"The Connect server %1 has no vaults, so a token for it could reach nothing. "
                "Grant a vault first (connect vault grant)."_s.arg(quoted(s->name)),
                u"no_vaults"_s);
        // All of the server's vaults; each must be one the caller can access.
        const QSet<QString> accessible = m_store.accessibleVaultIds(actor.user.id);
        for (const QString &id : s->vaults) {
            if (!accessible.contains(id))
                return ApiError::forbidden(
                    u"The Connect server %1 has the vault %2, which you can't access; name the "
                    "vaults this token should reach."_s.arg(quoted(s->name),
                                                            displayId(id, IdKind::Vault)));
            merge(id, Access::ReadWrite);
        }
    }
    for (const VaultPermission &r : requested) {
        auto v = resolveVault(r.vault, actor);
        if (!v.ok())
            return v.error();
        if (!s->vaults.contains(v->id)) {
            ApiError e = ApiError::badRequest(
                u"The Connect server %1 has no access to the vault %2, so a token can't name it. "
                "Grant it first: connect vault grant --server %3 --vault %4"_s.arg(
                    quoted(s->name), quoted(v->name), displayId(s->id, IdKind::Server),
                    displayId(v->id, IdKind::Vault)),
                u"vault_not_granted"_s);
            return e;
        }
        if (!v->accessible)
            return ApiError::forbidden(
                u"You can't issue a token for the vault %1: you don't have access to it yourself."_s
                    .arg(quoted(v->name)));
        merge(v->id, r.access);
    }

    Token t;
    t.id = newId();
    t.name = rawName.trimmed();
    t.serverId = s->id;
    t.createdAt = now();
    if (lifetime > 0)
        t.expiresAt = t.createdAt.addSecs(lifetime);
    t.vaults = vaults;

    QJsonArray vts;
    QJsonArray auditVaults;
    for (const TokenVault &v : vaults) {
        vts.append(QJsonObject{{u"u"_s, displayId(v.vaultId, IdKind::Vault)},
                               {u"a"_s, aclBits(v.access)}});
        auditVaults.append(
            QString(displayId(v.vaultId, IdKind::Vault) + u',' + accessSuffix(v.access)));
    }
    const QByteArray secret = serverSecret(s->id);
    QJsonObject claims{
        {u"1password.com/auuid"_s, displayId(m_accountId, IdKind::Account)},
        {u"1password.com/token"_s, QString::fromLatin1(crypto::base64Url(secret))},
        {u"1password.com/fts"_s, QJsonArray{u"vaultaccess"_s}},
        {u"1password.com/vts"_s, vts},
        {u"aud"_s, QJsonArray{u"com.1password.connect"_s}},
        {u"iss"_s, m_config.issuer},
        {u"sub"_s, displayId(s->id, IdKind::Server)},
        {u"iat"_s, t.createdAt.toSecsSinceEpoch()},
        {u"jti"_s, displayId(t.id, IdKind::Token)},
    };
    if (t.expiresAt.isValid())
        claims.insert(u"exp"_s, t.expiresAt.toSecsSinceEpoch());

    {
        Store::Transaction tx(m_store);
        m_store.insertToken(t, actor.user.id);
        m_store.bumpTokensVersion(s->id);
        audit(&actor, u"token.create"_s, u"token"_s, displayId(t.id, IdKind::Token),
              {{u"name"_s, t.name},
               {u"server"_s, displayId(s->id, IdKind::Server)},
               {u"vaults"_s, auditVaults},
               {u"expires_at"_s, json::fromDateTime(t.expiresAt)}});
        tx.commit();
    }
    CreatedToken created;
    created.token = t;
    created.jwt = QString::fromLatin1(crypto::signJwt(*m_signingKey, claims));
    return created;
}

Result<Token> AccountService::renameToken(const Actor &actor, const QString &ref,
                                          const QString &serverRef, const QString &rawName)
{
    if (auto e = validateName(rawName, u"token"_s))
        return *e;
    QString serverId;
    if (!serverRef.isEmpty()) {
        auto s = server(actor, serverRef);
        if (!s.ok())
            return s.error();
        serverId = s->id;
    }
    auto t = resolveToken(ref, serverId, actor);
    if (!t.ok())
        return t;
    if (!actor.canManage(t->serverId))
        return ApiError::forbidden(u"You can't manage the tokens of the Connect server %1."_s.arg(
            displayId(t->serverId, IdKind::Server)));
    const QString name = rawName.trimmed();
    Store::Transaction tx(m_store);
    m_store.renameToken(t->id, name);
    m_store.bumpTokensVersion(t->serverId);
    audit(&actor, u"token.rename"_s, u"token"_s, displayId(t->id, IdKind::Token),
          {{u"from"_s, t->name}, {u"to"_s, name}});
    tx.commit();
    return *m_store.token(t->id);
}

Result<Token> AccountService::revokeToken(const Actor &actor, const QString &ref,
                                          const QString &serverRef)
{
    QString serverId;
    if (!serverRef.isEmpty()) {
        auto s = server(actor, serverRef);
        if (!s.ok())
            return s.error();
        serverId = s->id;
    }
    auto t = resolveToken(ref, serverId, actor);
    if (!t.ok())
        return t;
    if (!actor.canManage(t->serverId))
        return ApiError::forbidden(u"You can't manage the tokens of the Connect server %1."_s.arg(
            displayId(t->serverId, IdKind::Server)));
    if (t->state == TokenState::Revoked)
        return t; // revoking twice changes nothing
    Store::Transaction tx(m_store);
    m_store.revokeToken(t->id, now());
    m_store.bumpTokensVersion(t->serverId);
    audit(&actor, u"token.revoke"_s, u"token"_s, displayId(t->id, IdKind::Token),
          {{u"name"_s, t->name}, {u"server"_s, displayId(t->serverId, IdKind::Server)}});
    tx.commit();
    return *m_store.token(t->id);
}

// ---- group grants ---------------------------------------------------------------------------

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

Result<int> AccountService::revokeGroup(const Actor &actor, const GroupGrantRequest &request)
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
    Store::Transaction tx(m_store);
    int removed = 0;
    if (request.allServers) {
        // All servers: every server grant of the group goes, per-server ones included.
        removed = m_store.deleteGroupGrants(g->id, GroupGrantKind::AllServers, {}) +
                  m_store.deleteGroupGrants(g->id, GroupGrantKind::Server, {});
    } else if (!serverId.isEmpty()) {
        removed = m_store.deleteGroupGrants(g->id, GroupGrantKind::Server, serverId);
    } else {
        removed = m_store.deleteGroupGrants(g->id, GroupGrantKind::Manager, {});
    }
    if (removed == 0)
        return ApiError::notFound(
            request.allServers ? u"The group %1 has no server grants."_s.arg(quoted(g->name))
            : serverId.isEmpty()
                ? u"The group %1 is not a Secrets Automation manager."_s.arg(quoted(g->name))
                : u"The group %1 has no grant for that server."_s.arg(quoted(g->name)));
    audit(&actor, u"group.revoke"_s, u"group"_s, displayId(g->id, IdKind::Group),
          {{u"group_name"_s, g->name},
           {u"all_servers"_s, request.allServers},
           {u"server"_s,
            serverId.isEmpty() ? QJsonValue() : QJsonValue(displayId(serverId, IdKind::Server))},
           {u"removed"_s, removed}});
    tx.commit();
    return removed;
}

// ---- audit, keys ----------------------------------------------------------------------------

Result<Page<AuditEvent>> AccountService::audit(const Actor &actor, const PageRequest &page)
{
    if (!actor.rights.manager)
        return ApiError::forbidden(u"Reading the audit log needs manager rights."_s);
    return m_store.listAudit(page);
}

QJsonObject AccountService::jwks()
{
    QJsonArray keys;
    for (const StoredSigningKey &k : m_store.signingKeys()) {
        const auto pem = m_masterKey.open(k.privateSealed, "signing-key:" + k.kid.toUtf8());
        if (!pem)
            continue;
        if (const auto key = crypto::SigningKey::fromPrivatePem(*pem))
            keys.append(key->publicJwk());
    }
    return {{u"keys"_s, keys}};
}

// ---- seeding --------------------------------------------------------------------------------

void AccountService::ensureAccount(const QString &name, const QString &domain)
{
    if (m_store.account())
        return;
    Account a{newId(), name, domain, now()};
    Store::Transaction tx(m_store);
    m_store.insertAccount(a);
    audit(nullptr, u"account.create"_s, u"account"_s, displayId(a.id, IdKind::Account),
          {{u"name"_s, name}});
    tx.commit();
    m_accountId = a.id;
}

User AccountService::addUser(const QString &email, const QString &name, const QString &password)
{
    User u{newId(), email.toLower(), name, u"ACTIVE"_s};
    const QString hash = crypto::hashPassword(password.toUtf8(), m_config.passwordHash);
    Store::Transaction tx(m_store);
    m_store.insertUser(u, hash, now());
    audit(nullptr, u"user.create"_s, u"user"_s, displayId(u.id, IdKind::User),
          {{u"email"_s, u.email}});
    tx.commit();
    return u;
}

Group AccountService::addGroup(const QString &name, const QString &description, bool builtin)
{
    Group g{newId(), name, description, builtin};
    Store::Transaction tx(m_store);
    m_store.insertGroup(g, now());
    audit(nullptr, u"group.create"_s, u"group"_s, displayId(g.id, IdKind::Group),
          {{u"name"_s, name}});
    tx.commit();
    return g;
}

Vault AccountService::addVault(const QString &name, VaultType type, const QString &ownerUserId)
{
    Vault v;
    v.id = newId();
    v.name = name;
    v.type = type;
    Store::Transaction tx(m_store);
    m_store.insertVault(v, ownerUserId, now());
    if (!ownerUserId.isEmpty())
        m_store.giveVaultToUser(v.id, ownerUserId);
    audit(nullptr, u"vault.create"_s, u"vault"_s, displayId(v.id, IdKind::Vault),
          {{u"name"_s, name}, {u"type"_s, vaultTypeName(type)}});
    tx.commit();
    return v;
}

} // namespace ca
