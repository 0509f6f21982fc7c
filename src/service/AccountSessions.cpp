// AccountService: signing in (throttled), authenticating a bearer session, signing out.
#include "service/AccountService.h"

#include "core/Ids.h"

using namespace Qt::StringLiterals;

namespace ca {

namespace {

QByteArray sessionHash(const QByteArray &token)
{
    return crypto::sha256(token);
}

} // namespace

namespace {

ApiError tooManyFailures(qint64 wait)
{
    ApiError e{429,
               u"rate_limited"_s,
               u"Too many failed sign-ins. Try again in %1 seconds."_s.arg(wait),
               {}};
    e.extra.insert(u"retry_after"_s, wait);
    return e;
}

} // namespace

Result<AccountService::SignInAttempt> AccountService::beginSignIn(const QString &email,
                                                                  const QString &peer)
{
    if (const qint64 wait = m_throttle->retryAfter(email, peer, now()))
        return tooManyFailures(wait);
    SignInAttempt attempt;
    attempt.user = m_store.userByEmail(email.trimmed());
    attempt.hashToCheck = attempt.user ? attempt.user->passwordHash : m_dummyHash;
    return attempt;
}

Result<SessionInfo> AccountService::finishSignIn(const SignInAttempt &attempt, bool passwordMatches,
                                                 const QString &email, const QString &peer)
{
    // The verdict comes in order: once failures that finished earlier reached the limit,
    // this attempt is refused whatever its password (see SignInThrottle).
    const bool failed = !attempt.user || !passwordMatches || attempt.user->user.state != u"ACTIVE";
    if (const qint64 wait = m_throttle->verdict(email, peer, now(), failed))
        return tooManyFailures(wait);
    if (failed)
        return ApiError::unauthorized(u"The email address or password is wrong."_s,
                                      u"invalid_credentials"_s);
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

// The stored hash of the session token in an Authorization header.
static Result<QByteArray> bearerHash(const QByteArray &authorization)
{
    if (authorization.isEmpty())
        return ApiError::unauthorized(u"Sign in first: this request has no session token."_s);
    if (!authorization.startsWith("Bearer ") || authorization.size() < 8)
        return ApiError::unauthorized(
            u"The Authorization header must be \"Bearer\" followed by a session token."_s);
    return sessionHash(authorization.mid(7).trimmed());
}

Result<Actor> AccountService::authenticate(const QByteArray &authorization)
{
    const Result<QByteArray> hash = bearerHash(authorization);
    return hash.ok() ? sessionActor(*hash) : Result<Actor>(hash.error());
}

Result<Actor> AccountService::authenticateAt(const QByteArray &authorization, qint64 revision)
{
    const Result<QByteArray> hash = bearerHash(authorization);
    if (!hash.ok())
        return hash.error();
    // Signing in and out, users, groups and group grants all write audit events, which move
    // the account's revision: at an unchanged revision the session and its rights are as they
    // were. Only the clock can end it in between.
    const auto known = m_knownSessions.constFind(*hash);
    if (known != m_knownSessions.cend() && known->revision == revision &&
        known->actor.sessionExpiresAt > now())
        return known->actor;
    Result<Actor> actor = sessionActor(*hash);
    if (actor.ok()) {
        if (m_knownSessions.size() >= kMaxKnownSessions)
            m_knownSessions.clear(); // refilled by the next requests of the sessions in use
        m_knownSessions.insert(*hash, KnownSession{*actor, revision});
    }
    return actor;
}

Result<Actor> AccountService::sessionActor(const QByteArray &hash)
{
    const auto stored = m_store.session(hash);
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
    actor.sessionHash = hash;
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

} // namespace ca
