#include "service/ApiRoutes.h"

#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/JsonDecoder.h"
#include "core/Logging.h"
#include "service/Crypto.h"

#include <algorithm>

#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 1000;

HttpResponse fail(const ApiError &e)
{
    return HttpResponse::error(e);
}

// A request body of the wire type Body, decoded strictly: 415 for another media type, 400
// with the decoder's code and sentence for anything that is not exactly a Body.
template <typename Body>
Result<Body> requestBody(const HttpRequest &req)
{
    const QByteArray type = req.header("content-type").toLower();
    if (!type.isEmpty() && !type.startsWith("application/json"))
        return ApiError{415,
                        u"unsupported_media_type"_s,
                        u"Send the request body as JSON (Content-Type: application/json)."_s,
                        {}};
    if (req.body.trimmed().isEmpty())
        return ApiError::badRequest(u"This request needs a JSON object as its body."_s,
                                    u"missing_body"_s);
    Body body;
    json::DecodeError error;
    if (!json::decode(req.body, body, &error))
        return ApiError::badRequest(error.message, error.code);
    return body;
}

const QStringList kPaged{u"limit"_s, u"cursor"_s};

const QByteArray kRevisionHeader = "X-Account-Revision";

// A strong validator of an answer: a digest of its bytes, so equal answers have equal tags
// on every worker and instance, whichever made them.
QByteArray entityTag(const QByteArray &body)
{
    return '"' + crypto::base64Url(crypto::sha256(body).left(16)) + '"';
}

QByteArray headerOf(const HttpResponse &answer, const QByteArray &name)
{
    for (const auto &[key, value] : answer.headers)
        if (key == name)
            return value;
    return {};
}

// Whether an If-None-Match header names tag (or is "*"); weak tags compare by their value.
bool matchesEntityTag(const QByteArray &ifNoneMatch, const QByteArray &tag)
{
    if (ifNoneMatch.isEmpty())
        return false;
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == "*" || candidate == tag)
            return true;
    }
    return false;
}

// Where the store resumes a list: an ID, or an audit event's sequence number. A cursor is
// signed, so this only guards against a key that signed something else.
template <typename T>
bool isPosition(const QString &position)
{
    return isValidId(position);
}
template <>
bool isPosition<AuditEvent>(const QString &position)
{
    return !position.isEmpty() && position.size() <= 18 &&
           std::all_of(position.begin(), position.end(),
                       [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// A result as another wire type; an error stays the error.
template <typename T, typename Convert>
auto mapped(const Result<T> &result, Convert convert) -> Result<decltype(convert(*result))>
{
    if (!result.ok())
        return result.error();
    return convert(*result);
}

// Tokens carry a state derived from the service's clock (EXPIRED), so their writers take it.
template <typename T>
constexpr bool kWrittenWithClock = false;
template <>
constexpr bool kWrittenWithClock<Token> = true;
template <>
constexpr bool kWrittenWithClock<CreatedToken> = true;
template <typename T>
constexpr bool kWrittenWithClock<Page<T>> = kWrittenWithClock<T>;
template <>
constexpr bool kWrittenWithClock<RotatedToken> = true;
template <>
constexpr bool kWrittenWithClock<RotatedTokens> = true;
template <>
constexpr bool kWrittenWithClock<RenewedCredentials> = true;
template <>
constexpr bool kWrittenWithClock<VaultAccess> = true;
template <>
constexpr bool kWrittenWithClock<AppliedPlan> = true;

// Whether a cached answer of T can change with the clock alone: tokens' states, and servers'
// active-token counts (a token that expires leaves the count with no write). Only such
// answers pay for the account's next token expiry when they are made.
template <typename T>
constexpr bool kChangesWithClock = kWrittenWithClock<T>;
template <>
constexpr bool kChangesWithClock<Server> = true;
template <typename T>
constexpr bool kChangesWithClock<Page<T>> = kChangesWithClock<T>;

} // namespace

ApiRoutes::ApiRoutes(AccountService &service, ServiceShared &shared, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_shared(shared)
    , m_cursors(service.cursorKey())
{}

template <typename T>
HttpResponse ApiRoutes::reply(int status, const Result<T> &result) const
{
    if (!result.ok())
        return fail(result.error());
    json::Writer w;
    if constexpr (kWrittenWithClock<T>)
        json::write(w, *result, m_service.now());
    else
        json::write(w, *result);
    return HttpResponse::json(w.take(), status);
}

template <typename T>
Result<PageRequest> ApiRoutes::pageRequest(const HttpRequest &req, const QString &list) const
{
    PageRequest page;
    page.limit = kDefaultLimit;
    const QString limit = req.queryValue(u"limit"_s);
    if (!limit.isEmpty()) {
        bool ok = false;
        page.limit = limit.toInt(&ok);
        if (!ok || page.limit < 1 || page.limit > kMaxLimit)
            return ApiError::badRequest(
                u"\"limit\" must be a whole number from 1 to %1."_s.arg(kMaxLimit),
                u"invalid_parameter"_s);
    }
    const QString cursor = req.queryValue(u"cursor"_s);
    if (!cursor.isEmpty()) {
        const std::optional<QString> position = m_cursors.decode(list, cursor);
        if (!position || !isPosition<T>(*position))
            return ApiError::badRequest(
                u"\"cursor\" is not a cursor this service gave out for this list; pass the "
                "next_cursor of the previous page as it was, or leave it out to start over."_s,
                u"invalid_parameter"_s);
        page.after = *position;
    }
    return page;
}

void ApiRoutes::route(Router &r, const QByteArray &method, const QString &pattern, Action action,
                      const QStringList &query, Cached cached)
{
    r.add(
        method, pattern,
        [this, method, cached, action = std::move(action)](const HttpRequest &req,
                                                           const Respond &respond) {
            // A read's revision is read before anything else, so its answer is at least as
            // new (read-your-writes), and its session is checked at that revision.
            const bool isRead = method == "GET";
            const qint64 revision = isRead ? m_service.accountRevision() : 0;
            const QByteArray authorization = req.header("authorization");
            const Result<Actor> actor = isRead ? m_service.authenticateAt(authorization, revision)
                                               : m_service.authenticate(authorization);
            if (!actor.ok())
                return respond(unauthenticated(actor.error()));
            if (isRead)
                return respond(read(*actor, req, action, cached, revision));
            const qint64 before = m_service.committedRevision();
            HttpResponse answer = action(*actor, req);
            if (const qint64 after = m_service.committedRevision(); after != before)
                answer.headers.append({kRevisionHeader, QByteArray::number(after)});
            respond(answer);
        },
        query);
}

HttpResponse ApiRoutes::read(const Actor &actor, const HttpRequest &req, const Action &action,
                             Cached cached, qint64 revision)
{
    const AnswerCache::Key key{req.path + u'?' + req.query.query(QUrl::FullyEncoded), actor.user.id,
                               revision};
    HttpResponse answer;
    std::optional<AnswerCache::Answer> hit;
    if (cached != Cached::No)
        hit = m_shared.answers.find(key, m_service.now().toMSecsSinceEpoch());
    if (hit) {
        answer = HttpResponse::json(hit->body);
        answer.headers.append({"ETag", hit->etag});
        answer.revalidate = true;
    } else if (cached != Cached::No) {
        answer = fill(actor, req, action, key, cached);
    } else {
        answer = tagged(action(actor, req));
    }
    return answered(req, std::move(answer), revision);
}

HttpResponse ApiRoutes::tagged(HttpResponse answer)
{
    if (answer.status == 200) {
        answer.headers.append({"ETag", entityTag(answer.body)});
        answer.revalidate = true;
    }
    return answer;
}

HttpResponse ApiRoutes::unauthenticated(const ApiError &error)
{
    HttpResponse refused = fail(error);
    refused.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer")});
    return refused;
}

HttpResponse ApiRoutes::answered(const HttpRequest &req, HttpResponse answer, qint64 revision)
{
    if (answer.revalidate) {
        const QByteArray etag = headerOf(answer, "ETag");
        if (matchesEntityTag(req.header("if-none-match"), etag))
            answer = HttpResponse::notModified(etag);
    }
    answer.headers.append({kRevisionHeader, QByteArray::number(revision)});
    return answer;
}

HttpResponse ApiRoutes::fill(const Actor &actor, const HttpRequest &req, const Action &action,
                             const AnswerCache::Key &key, Cached cached)
{
    // Token states and active-token counts change when a token expires, with no write: such
    // an answer is kept only until the account's next token expiry (read before the answer
    // is made, so a token that expires in between cuts it short rather than long).
    const qint64 freshUntil =
        cached == Cached::UntilTokenExpiry ? m_service.nextTokenExpiry() : qint64(0);
    HttpResponse answer = action(actor, req);
    if (answer.status != 200)
        return answer;
    const QByteArray etag = entityTag(answer.body);
    m_shared.answers.store(key, {answer.body, etag, freshUntil});
    answer.headers.append({"ETag", etag});
    answer.revalidate = true;
    return answer;
}

template <typename Body>
void ApiRoutes::bodyRoute(Router &r, const QByteArray &method, const QString &pattern,
                          BodyAction<Body> action, const QStringList &query)
{
    route(
        r, method, pattern,
        [action = std::move(action)](const Actor &a, const HttpRequest &req) {
            const Result<Body> body = requestBody<Body>(req);
            return body.ok() ? action(a, req, *body) : fail(body.error());
        },
        query);
}

template <typename T>
void ApiRoutes::listRoute(Router &r, const QString &pattern, ListAction<T> list,
                          const QStringList &extraQuery)
{
    route(
        r, "GET", pattern,
        [this, pattern, list = std::move(list)](const Actor &a, const HttpRequest &req) {
            const Result<PageRequest> page = pageRequest<T>(req, pattern);
            if (!page.ok())
                return fail(page.error());
            Result<Page<T>> result = list(a, req, *page);
            if (result.ok() && !result->nextCursor.isEmpty())
                result->nextCursor = m_cursors.encode(pattern, result->nextCursor);
            return reply(200, result);
        },
        kPaged + extraQuery, kChangesWithClock<T> ? Cached::UntilTokenExpiry : Cached::Yes);
}

template <typename T>
void ApiRoutes::listRoute(Router &r, const QString &pattern,
                          Result<Page<T>> (AccountService::*list)(const Actor &,
                                                                  const PageRequest &))
{
    listRoute<T>(
        r, pattern,
        [&service = m_service, list](const Actor &a, const HttpRequest &, const PageRequest &page) {
            return (service.*list)(a, page);
        });
}

void ApiRoutes::signIn(const HttpRequest &req, const Respond &respond)
{
    const Result<SignInRequest> body = requestBody<SignInRequest>(req);
    if (!body.ok())
        return respond(fail(body.error()));
    const QString email = body->email;
    const QByteArray password = body->password.toUtf8();
    if (email.trimmed().isEmpty() || password.isEmpty())
        return respond(fail(
            ApiError::badRequest(u"Give an email address and a password."_s, u"missing_field"_s)));
    if (password.size() > 1024)
        return respond(fail(ApiError::badRequest(u"The password is longer than 1024 bytes."_s,
                                                 u"invalid_field"_s)));
    // Password checks are deliberately slow; a flood of them must not queue without end.
    if (m_shared.signInsInFlight.fetch_add(1) >= ServiceShared::kMaxSignInsInFlight) {
        --m_shared.signInsInFlight;
        ApiError busy{
            429, u"rate_limited"_s, u"Too many sign-ins at once. Try again in a moment."_s, {}};
        busy.extra.insert(u"retry_after"_s, 1);
        return respond(fail(busy));
    }
    // Every attempt admitted above leaves once, when the last copy of this goes.
    struct InFlight
    {
        explicit InFlight(std::atomic<int> &c)
            : count(c)
        {}
        std::atomic<int> &count;
        ~InFlight() { --count; }
    };
    const auto leave = std::make_shared<InFlight>(m_shared.signInsInFlight);
    const auto attempt = m_service.beginSignIn(email, req.peer);
    if (!attempt.ok())
        return respond(fail(attempt.error()));
    const QString hash = attempt->hashToCheck;
    const QString peer = req.peer;
    QtConcurrent::run(&m_shared.passwordPool, [hash, password] {
        return crypto::verifyPassword(hash, password);
    }).then(this, [this, attempt = attempt.value(), email, peer, respond, leave](bool matches) {
        try {
            respond(reply(201, m_service.finishSignIn(attempt, matches, email, peer)));
        } catch (const std::exception &e) {
            qCCritical(lcService) << "sign-in failed:" << e.what();
            respond(fail(ApiError::internal(u"The service failed to sign you in; see its log."_s)));
        }
    });
}

void ApiRoutes::queueTokenCreation(const HttpRequest &req, const Respond &respond)
{
    // As route() and bodyRoute() check a change: the session, then the body.
    const Result<Actor> actor = m_service.authenticate(req.header("authorization"));
    if (!actor.ok())
        return respond(unauthenticated(actor.error()));
    const Result<CreateTokenRequest> body = requestBody<CreateTokenRequest>(req);
    if (!body.ok())
        return respond(fail(body.error()));
    if (m_queuedTokens.isEmpty()) // the event loop's next turn, after every socket read now
        QMetaObject::invokeMethod(this, &ApiRoutes::createQueuedTokens, Qt::QueuedConnection);
    m_queuedTokens.append({{*actor, *body}, respond});
}

void ApiRoutes::createQueuedTokens()
{
    const QList<QueuedToken> queued = std::exchange(m_queuedTokens, {});
    QList<AccountService::TokenCreation> creations;
    for (const QueuedToken &q : queued)
        creations.append(q.creation);
    const qint64 before = m_service.committedRevision();
    QList<Result<CreatedToken>> created;
    try {
        created = m_service.createTokens(creations);
    } catch (const std::exception &e) {
        // Nothing was written. createTokens() writes a group that fails one by one, so this is
        // a lone creation that failed, or the database out of reach while they were checked.
        qCCritical(lcService) << "creating" << queued.size() << "tokens failed:" << e.what();
        for (const QueuedToken &q : queued)
            q.respond(fail(
                ApiError::internal(u"The service failed to complete the request; see its log."_s)));
        return;
    }
    const qint64 after = m_service.committedRevision();
    for (qsizetype i = 0; i < queued.size(); ++i) {
        const Result<CreatedToken> &made = created.at(i);
        // The session is checked again when the creation is written: it may have ended since.
        HttpResponse answer = !made.ok() && made.error().status == 401
                                  ? unauthenticated(made.error())
                                  : reply(201, made);
        if (made.ok() && after != before)
            answer.headers.append({kRevisionHeader, QByteArray::number(after)});
        queued.at(i).respond(answer);
    }
}

// GET /v1/audit/verify. The walk of the hash chain takes seconds at a million events: it
// runs on the shared audit pool, on a database connection of its own, one walk at a time,
// and this worker goes on answering meanwhile. The answer is a read's like any other (its
// revision read first, an ETag).
void ApiRoutes::verifyAudit(const HttpRequest &req, const Respond &respond)
{
    const qint64 revision = m_service.accountRevision();
    const Result<Actor> actor = m_service.authenticateAt(req.header("authorization"), revision);
    if (!actor.ok())
        return respond(unauthenticated(actor.error()));
    if (const Result<bool> may = m_service.mayReadAudit(*actor); !may.ok())
        return respond(answered(req, fail(may.error()), revision));
    QtConcurrent::run(&m_shared.auditPool,
                      [open = m_shared.openStore] {
                          const std::unique_ptr<Store> store = open();
                          return store->verifyAudit();
                      })
        .then(this,
              [this, req, respond, revision](const AuditVerification &v) {
                  respond(
                      answered(req, tagged(reply(200, Result<AuditVerification>(v))), revision));
              })
        .onFailed(this, [respond](const std::exception &e) {
            qCCritical(lcService) << "walking the audit chain failed:" << e.what();
            respond(fail(ApiError::internal(
                u"The service failed to walk the audit log's chain; see its log."_s)));
        });
}

void ApiRoutes::publicRoutes(Router &r)
{
    r.add("GET", u"/health"_s, [this](const HttpRequest &, const Respond &respond) {
        int schema = 0;
        try {
            schema = m_service.schemaVersion();
        } catch (const std::exception &) {
            ApiError e{503, u"unavailable"_s, u"The service can't reach its database."_s, {}};
            e.extra.insert(u"database"_s, u"unreachable"_s);
            return respond(fail(e));
        }
        respond(HttpResponse::json(
            {{u"status"_s, u"ok"_s},
             {u"database"_s, m_service.isPostgres() ? u"postgresql"_s : u"sqlite"_s},
             {u"schema_version"_s, schema},
             {u"version"_s, QStringLiteral(CONNECTADMIN_VERSION)}}));
    });
    r.add("GET", u"/heartbeat"_s, [](const HttpRequest &, const Respond &respond) {
        HttpResponse h;
        h.contentType = "text/plain";
        h.body = ".";
        respond(h);
    });
    r.add("GET", u"/.well-known/jwks.json"_s, [this](const HttpRequest &, const Respond &respond) {
        respond(HttpResponse::json(m_service.jwks()));
    });
    r.add("POST", u"/v1/auth/sessions"_s,
          [this](const HttpRequest &req, const Respond &respond) { signIn(req, respond); });
}

void ApiRoutes::install(Router &r)
{
    using Req = HttpRequest;
    auto param = [](const HttpRequest &req, const char *name) {
        return req.params.value(QLatin1String(name));
    };
    const QStringList server{u"server"_s};

    publicRoutes(r);

    // ---- sessions
    route(r, "GET", u"/v1/auth/sessions/current"_s, [this](const Actor &a, const Req &) {
        return reply(200, Result<SessionInfo>(m_service.sessionInfo(a)));
    });
    route(r, "DELETE", u"/v1/auth/sessions/current"_s, [this](const Actor &a, const Req &) {
        m_service.signOut(a);
        return HttpResponse::noContent();
    });

    // ---- directory
    route(r, "GET", u"/v1/account"_s,
          [this](const Actor &, const Req &) { return reply(200, m_service.account()); });
    listRoute(r, u"/v1/vaults"_s, &AccountService::vaults);
    listRoute(r, u"/v1/groups"_s, &AccountService::groups);
    listRoute(r, u"/v1/users"_s, &AccountService::users);
    route(r, "GET", u"/v1/users/{user}/groups"_s, [this, param](const Actor &a, const Req &q) {
        return reply(200, m_service.userGroups(a, param(q, "user")));
    });

    // ---- servers and their vaults
    listRoute(r, u"/v1/connect/servers"_s, &AccountService::servers);
    bodyRoute<CreateServerRequest>(
        r, "POST", u"/v1/connect/servers"_s,
        [this](const Actor &a, const Req &, const CreateServerRequest &body) {
            return reply(201, m_service.createServer(a, body.name, body.vaults));
        });
    route(r, "GET", u"/v1/connect/servers/{server}"_s, [this, param](const Actor &a, const Req &q) {
        return reply(200, m_service.server(a, param(q, "server")));
    });
    bodyRoute<RenameRequest>(
        r, "PATCH", u"/v1/connect/servers/{server}"_s,
        [this, param](const Actor &a, const Req &q, const RenameRequest &body) {
            return reply(200, m_service.renameServer(a, param(q, "server"), body.name));
        });
    route(r, "DELETE", u"/v1/connect/servers/{server}"_s,
          [this, param](const Actor &a, const Req &q) {
              return reply(200, m_service.deleteServer(a, param(q, "server")));
          });
    route(r, "PUT", u"/v1/connect/servers/{server}/vaults/{vault}"_s,
          [this, param](const Actor &a, const Req &q) {
              return reply(200, m_service.grantVault(a, param(q, "server"), param(q, "vault")));
          });
    route(r, "DELETE", u"/v1/connect/servers/{server}/vaults/{vault}"_s,
          [this, param](const Actor &a, const Req &q) {
              return reply(200, m_service.revokeVault(a, param(q, "server"), param(q, "vault")));
          });

    // ---- the grant matrix
    route(
        r, "GET", u"/v1/connect/grants"_s,
        [this](const Actor &a, const Req &) { return reply(200, m_service.grants(a)); }, {},
        Cached::Yes);
    bodyRoute<GrantBatchRequest>(
        r, "POST", u"/v1/connect/grants/batch"_s,
        [this](const Actor &a, const Req &, const GrantBatchRequest &body) {
            return reply(200, m_service.applyGrants(a, body.baseRevision, body.changes));
        });
    // ---- access as code: a whole plan, atomically against the account's revision
    bodyRoute<PlanApplyRequest>(r, "POST", u"/v1/connect/plans/apply"_s,
                                [this](const Actor &a, const Req &, const PlanApplyRequest &body) {
                                    return reply(200, m_service.applyPlan(a, body));
                                });

    // ---- tokens
    listRoute<Token>(
        r, u"/v1/connect/tokens"_s,
        [this](const Actor &a, const Req &q, const PageRequest &page) {
            return m_service.tokens(a, q.queryValue(u"server"_s), page);
        },
        server);
    r.add("POST", u"/v1/connect/tokens"_s,
          [this](const Req &req, const Respond &respond) { queueTokenCreation(req, respond); });
    bodyRoute<RenameRequest>(
        r, "PATCH", u"/v1/connect/tokens/{token}"_s,
        [this, param](const Actor &a, const Req &q, const RenameRequest &body) {
            return reply(200, m_service.renameToken(a, param(q, "token"), q.queryValue(u"server"_s),
                                                    body.name));
        },
        server);
    route(
        r, "DELETE", u"/v1/connect/tokens/{token}"_s,
        [this, param](const Actor &a, const Req &q) {
            return reply(200,
                         m_service.revokeToken(a, param(q, "token"), q.queryValue(u"server"_s)));
        },
        server);

    // ---- who may administer Secrets Automation
    route(
        r, "GET", u"/v1/connect/group-grants"_s,
        [this](const Actor &a, const Req &) {
            return reply(200, mapped(m_service.groupGrants(a), [](const QList<GroupGrant> &all) {
                             return Page<GroupGrant>{all, {}}; // one page: there are few
                         }));
        },
        {}, Cached::Yes);
    bodyRoute<GroupGrantRequest>(
        r, "POST", u"/v1/connect/group-grants"_s,
        [this](const Actor &a, const Req &, const GroupGrantRequest &body) {
            bool created = false;
            const Result<GroupGrant> grant = m_service.grantGroup(a, body, &created);
            return reply(created ? 201 : 200, mapped(grant, [created](const GroupGrant &g) {
                             return GroupGrantResult{g, created};
                         }));
        });
    route(r, "DELETE", u"/v1/connect/group-grants"_s,
          [this](const Actor &a, const Req &q) {
              GroupGrantRequest request;
              QString problem;
              if (!fromQuery(q.query, request, &problem))
                  return fail(ApiError::badRequest(problem, u"invalid_parameter"_s));
              return reply(200, mapped(m_service.revokeGroup(a, request),
                                       [](int removed) { return RemovedCount{removed}; }));
          },
          {u"group"_s, u"server"_s, u"all_servers"_s});

    // ---- audit: filtered server-side, and its hash chain verified
    listRoute<AuditEvent>(r, u"/v1/audit"_s,
                          [this](const Actor &a, const Req &q, const PageRequest &page) {
                              const AuditQuery query{
                                  q.queryValue(u"actor"_s),  q.queryValue(u"action"_s),
                                  q.queryValue(u"object"_s), q.queryValue(u"since"_s),
                                  q.queryValue(u"until"_s),  q.queryValue(u"q"_s)};
                              return m_service.auditEvents(a, query, page);
                          },
                          {u"actor"_s, u"action"_s, u"object"_s, u"since"_s, u"until"_s, u"q"_s});
    r.add("GET", u"/v1/audit/verify"_s,
          [this](const Req &req, const Respond &respond) { verifyAudit(req, respond); });

    // ---- who can reach a vault
    route(r, "GET", u"/v1/vaults/{vault}/access"_s, [this, param](const Actor &a, const Req &q) {
        return reply(200, m_service.vaultAccess(a, param(q, "vault")));
    });

    lifecycleRoutes(r);
}

// Rotation, scheduled revocation and credentials renewal (issue 12).
void ApiRoutes::lifecycleRoutes(Router &r)
{
    using Req = HttpRequest;
    auto token = [](const HttpRequest &req) { return req.params.value(u"token"_s); };
    auto serverOf = [](const HttpRequest &req) { return req.queryValue(u"server"_s); };
    const QStringList server{u"server"_s};

    route(
        r, "GET", u"/v1/connect/tokens/{token}"_s,
        [this, token, serverOf](const Actor &a, const Req &q) {
            return reply(200, m_service.token(a, token(q), serverOf(q)));
        },
        server);
    bodyRoute<RotateTokensRequest>(
        r, "POST", u"/v1/connect/tokens/rotate"_s,
        [this](const Actor &a, const Req &, const RotateTokensRequest &body) {
            return reply(201, m_service.rotateTokens(a, body));
        });
    bodyRoute<RotateTokenRequest>(
        r, "POST", u"/v1/connect/tokens/{token}/rotate"_s,
        [this, token, serverOf](const Actor &a, const Req &q, const RotateTokenRequest &body) {
            return reply(201, m_service.rotateToken(a, token(q), serverOf(q), body));
        },
        server);
    bodyRoute<ScheduleRevocationRequest>(
        r, "PUT", u"/v1/connect/tokens/{token}/revokes_at"_s,
        [this, token, serverOf](const Actor &a, const Req &q,
                                const ScheduleRevocationRequest &body) {
            return reply(200, m_service.scheduleRevocation(a, token(q), serverOf(q), body));
        },
        server);
    route(
        r, "DELETE", u"/v1/connect/tokens/{token}/revokes_at"_s,
        [this, token, serverOf](const Actor &a, const Req &q) {
            return reply(200, m_service.cancelRevocation(a, token(q), serverOf(q)));
        },
        server);
    bodyRoute<RenewCredentialsRequest>(
        r, "POST", u"/v1/connect/servers/{server}/credentials"_s,
        [this](const Actor &a, const Req &q, const RenewCredentialsRequest &body) {
            return reply(201, m_service.renewCredentials(a, q.params.value(u"server"_s), body));
        });
}

} // namespace ca
