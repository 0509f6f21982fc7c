#include "service/ApiRoutes.h"

#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/Logging.h"
#include "service/Crypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 1000;
constexpr int kMaxBatchChanges = 20000;
constexpr int kMaxSignInsInFlight = 32;

HttpResponse fail(const ApiError &e)
{
    return HttpResponse::error(e);
}

Result<QJsonObject> jsonBody(const HttpRequest &req)
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
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &error);
    if (error.error != QJsonParseError::NoError)
        return ApiError::badRequest(
            u"The body is not valid JSON: %1 at byte %2."_s.arg(error.errorString())
                .arg(error.offset),
            u"invalid_json"_s);
    if (!doc.isObject())
        return ApiError::badRequest(u"The body must be a JSON object."_s, u"invalid_json"_s);
    return doc.object();
}

std::optional<ApiError> checked(const QJsonObject &o, std::initializer_list<json::Field> fields)
{
    const json::FieldCheck c = json::checkFields(o, fields);
    if (c.ok())
        return std::nullopt;
    return ApiError::badRequest(c.message, c.code);
}

const QStringList kPaged{u"limit"_s, u"cursor"_s};

Result<PageRequest> pageRequest(const HttpRequest &req)
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
        const auto raw = crypto::fromBase64Url(cursor.toLatin1());
        if (!raw || !raw->startsWith("c1:"))
            return ApiError::badRequest(u"\"cursor\" is not a cursor this service gave out."_s,
                                        u"invalid_parameter"_s);
        page.after = QString::fromUtf8(raw->mid(3));
    }
    return page;
}

// One object in its wire form, written straight to JSON text.
template <typename... T>
HttpResponse written(int status, const T &...object)
{
    json::Writer w;
    json::write(w, object...);
    return HttpResponse::json(w.take(), status);
}

template <typename T, typename... Extra>
HttpResponse pageResponse(const Result<Page<T>> &r, const Extra &...extra)
{
    if (!r.ok())
        return fail(r.error());
    json::Writer w(r->items.size() * 256 + 64);
    w.beginObject().key("items"_L1).beginArray();
    for (const T &item : r->items)
        json::write(w, item, extra...);
    w.endArray().key("next_cursor"_L1);
    if (r->nextCursor.isEmpty())
        w.null();
    else
        w.value(QString::fromLatin1(crypto::base64Url("c1:" + r->nextCursor.toUtf8())));
    w.endObject();
    return HttpResponse::json(w.take(), 200);
}

QString param(const HttpRequest &req, const char *name)
{
    return req.params.value(QLatin1String(name));
}

bool truthy(const QString &v, bool *ok)
{
    *ok = true;
    if (v.isEmpty() || v == u"false" || v == u"0")
        return false;
    if (v == u"true" || v == u"1")
        return true;
    *ok = false;
    return false;
}

} // namespace

ApiRoutes::ApiRoutes(AccountService &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    m_passwordPool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

void ApiRoutes::withActor(const HttpRequest &req, const Respond &respond,
                          const std::function<void(const Actor &)> &then)
{
    const Result<Actor> actor = m_service.authenticate(req.header("authorization"));
    if (!actor.ok()) {
        HttpResponse r = fail(actor.error());
        r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer")});
        respond(r);
        return;
    }
    then(*actor);
}

void ApiRoutes::signIn(const HttpRequest &req, const Respond &respond)
{
    const auto body = jsonBody(req);
    if (!body.ok())
        return respond(fail(body.error()));
    if (auto e = checked(
            *body, {{"email", QJsonValue::String, true}, {"password", QJsonValue::String, true}}))
        return respond(fail(*e));
    const QString email = body->value(u"email"_s).toString();
    const QByteArray password = body->value(u"password"_s).toString().toUtf8();
    if (email.trimmed().isEmpty() || password.isEmpty())
        return respond(fail(
            ApiError::badRequest(u"Give an email address and a password."_s, u"missing_field"_s)));
    if (password.size() > 1024)
        return respond(fail(ApiError::badRequest(u"The password is longer than 1024 bytes."_s,
                                                 u"invalid_field"_s)));
    // Password checks are deliberately slow; a flood of them must not queue without end.
    if (m_signInsInFlight >= kMaxSignInsInFlight) {
        ApiError busy{
            429, u"rate_limited"_s, u"Too many sign-ins at once. Try again in a moment."_s, {}};
        busy.extra.insert(u"retry_after"_s, 1);
        return respond(fail(busy));
    }
    const auto attempt = m_service.beginSignIn(email, req.peer);
    if (!attempt.ok())
        return respond(fail(attempt.error()));
    const QString hash = attempt->hashToCheck;
    const QString peer = req.peer;
    QtConcurrent::run(&m_passwordPool, [hash, password] {
        return crypto::verifyPassword(hash, password);
    }).then(this, [this, attempt = attempt.value(), email, peer, respond](bool matches) {
        try {
            const auto session = m_service.finishSignIn(attempt, matches, email, peer);
            respond(session.ok() ? written(201, *session) : fail(session.error()));
        } catch (const std::exception &e) {
            qCCritical(lcService) << "sign-in failed:" << e.what();
            respond(fail(ApiError::internal(u"The service failed to sign you in; see its log."_s)));
        }
    });
}

void ApiRoutes::install(Router &r)
{
    // ---- public
    r.add("GET", u"/health"_s, [this](const HttpRequest &, const Respond &respond) {
        int schema = 0;
        try {
            schema = m_service.store().schemaVersion();
        } catch (const std::exception &) {
            ApiError e{503, u"unavailable"_s, u"The service can't reach its database."_s, {}};
            e.extra.insert(u"database"_s, u"unreachable"_s);
            return respond(fail(e));
        }
        respond(HttpResponse::json(
            {{u"status"_s, u"ok"_s},
             {u"database"_s, m_service.store().isPostgres() ? u"postgresql"_s : u"sqlite"_s},
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

    // ---- sessions
    r.add("POST", u"/v1/auth/sessions"_s,
          [this](const HttpRequest &req, const Respond &respond) { signIn(req, respond); });
    r.add("GET", u"/v1/auth/sessions/current"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond,
                        [&](const Actor &a) { respond(written(200, m_service.sessionInfo(a))); });
          });
    r.add("DELETE", u"/v1/auth/sessions/current"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  m_service.signOut(a);
                  respond(HttpResponse::noContent());
              });
          });

    // ---- directory
    r.add("GET", u"/v1/account"_s, [this](const HttpRequest &req, const Respond &respond) {
        withActor(req, respond, [&](const Actor &) {
            const auto a = m_service.account();
            respond(a.ok() ? written(200, *a) : fail(a.error()));
        });
    });
    r.add(
        "GET", u"/v1/vaults"_s,
        [this](const HttpRequest &req, const Respond &respond) {
            withActor(req, respond, [&](const Actor &a) {
                const auto page = pageRequest(req);
                if (!page.ok())
                    return respond(fail(page.error()));
                respond(pageResponse(m_service.vaults(a, *page)));
            });
        },
        kPaged);
    r.add(
        "GET", u"/v1/groups"_s,
        [this](const HttpRequest &req, const Respond &respond) {
            withActor(req, respond, [&](const Actor &a) {
                const auto page = pageRequest(req);
                if (!page.ok())
                    return respond(fail(page.error()));
                respond(pageResponse(m_service.groups(a, *page)));
            });
        },
        kPaged);
    r.add(
        "GET", u"/v1/users"_s,
        [this](const HttpRequest &req, const Respond &respond) {
            withActor(req, respond, [&](const Actor &a) {
                const auto page = pageRequest(req);
                if (!page.ok())
                    return respond(fail(page.error()));
                respond(pageResponse(m_service.users(a, *page)));
            });
        },
        kPaged);

    // ---- servers
    r.add(
        "GET", u"/v1/connect/servers"_s,
        [this](const HttpRequest &req, const Respond &respond) {
            withActor(req, respond, [&](const Actor &a) {
                const auto page = pageRequest(req);
                if (!page.ok())
                    return respond(fail(page.error()));
                respond(pageResponse(m_service.servers(a, *page)));
            });
        },
        kPaged);
    r.add("POST", u"/v1/connect/servers"_s, [this](const HttpRequest &req, const Respond &respond) {
        withActor(req, respond, [&](const Actor &a) {
            const auto body = jsonBody(req);
            if (!body.ok())
                return respond(fail(body.error()));
            if (auto e = checked(*body, {{"name", QJsonValue::String, true},
                                         {"vaults", QJsonValue::Array, false, true}}))
                return respond(fail(*e));
            QStringList vaults;
            for (const QJsonValue &v : body->value(u"vaults"_s).toArray()) {
                if (!v.isString())
                    return respond(fail(ApiError::badRequest(
                        u"In the request body, \"vaults\" must be a list of vault names or IDs."_s,
                        u"wrong_type"_s)));
                vaults.append(v.toString());
            }
            const auto created =
                m_service.createServer(a, body->value(u"name"_s).toString(), vaults);
            if (!created.ok())
                return respond(fail(created.error()));
            respond(HttpResponse::json({{u"server"_s, json::encode(created->server)},
                                        {u"credentials"_s, created->credentials}},
                                       201));
        });
    });
    r.add("GET", u"/v1/connect/servers/{server}"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto s = m_service.server(a, param(req, "server"));
                  respond(s.ok() ? written(200, *s) : fail(s.error()));
              });
          });
    r.add("PATCH", u"/v1/connect/servers/{server}"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto body = jsonBody(req);
                  if (!body.ok())
                      return respond(fail(body.error()));
                  if (auto e = checked(*body, {{"name", QJsonValue::String, true}}))
                      return respond(fail(*e));
                  const auto s = m_service.renameServer(a, param(req, "server"),
                                                        body->value(u"name"_s).toString());
                  respond(s.ok() ? written(200, *s) : fail(s.error()));
              });
          });
    r.add("DELETE", u"/v1/connect/servers/{server}"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto s = m_service.deleteServer(a, param(req, "server"));
                  respond(s.ok() ? written(200, *s) : fail(s.error()));
              });
          });
    r.add("PUT", u"/v1/connect/servers/{server}/vaults/{vault}"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto s = m_service.grantVault(a, param(req, "server"), param(req, "vault"));
                  respond(s.ok() ? written(200, *s) : fail(s.error()));
              });
          });
    r.add("DELETE", u"/v1/connect/servers/{server}/vaults/{vault}"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto s =
                      m_service.revokeVault(a, param(req, "server"), param(req, "vault"));
                  respond(s.ok() ? written(200, *s) : fail(s.error()));
              });
          });

    // ---- the grant matrix
    r.add("GET", u"/v1/connect/grants"_s, [this](const HttpRequest &req, const Respond &respond) {
        withActor(req, respond, [&](const Actor &a) {
            const auto m = m_service.grants(a);
            respond(m.ok() ? written(200, *m) : fail(m.error()));
        });
    });
    r.add(
        "POST", u"/v1/connect/grants/batch"_s,
        [this](const HttpRequest &req, const Respond &respond) {
            withActor(req, respond, [&](const Actor &a) {
                const auto body = jsonBody(req);
                if (!body.ok())
                    return respond(fail(body.error()));
                if (auto e = checked(*body, {{"base_revision", QJsonValue::Double, true},
                                             {"changes", QJsonValue::Array, true}}))
                    return respond(fail(*e));
                const QJsonArray array = body->value(u"changes"_s).toArray();
                if (array.size() > kMaxBatchChanges)
                    return respond(fail(ApiError::badRequest(
                        u"A batch holds at most %1 changes."_s.arg(kMaxBatchChanges),
                        u"too_many_changes"_s)));
                QList<GrantChange> changes;
                changes.reserve(array.size());
                for (const QJsonValue &v : array) {
                    if (!v.isObject())
                        return respond(fail(ApiError::badRequest(
                            u"Every entry of \"changes\" must be an object."_s, u"wrong_type"_s)));
                    const QJsonObject c = v.toObject();
                    if (auto e = checked(c, {{"server", QJsonValue::String, true},
                                             {"vault", QJsonValue::String, true},
                                             {"granted", QJsonValue::Bool, true}}))
                        return respond(fail(*e));
                    const QString server = c.value(u"server"_s).toString();
                    const QString vault = c.value(u"vault"_s).toString();
                    if (!isValidId(server) || !isValidId(vault))
                        return respond(fail(ApiError::badRequest(
                            u"A batch names servers and vaults by ID; \"%1\" / \"%2\" is not."_s
                                .arg(server.left(60), vault.left(60)),
                            u"invalid_id"_s)));
                    changes.append(GrantChange{canonicalId(server), canonicalId(vault),
                                               c.value(u"granted"_s).toBool()});
                }
                const double base = body->value(u"base_revision"_s).toDouble();
                if (base != double(qint64(base)))
                    return respond(fail(ApiError::badRequest(
                        u"\"base_revision\" must be a whole number."_s, u"wrong_type"_s)));
                const auto result = m_service.applyGrants(a, qint64(base), changes);
                if (!result.ok())
                    return respond(fail(result.error()));
                respond(HttpResponse::json(
                    {{u"revision"_s, result->revision}, {u"applied"_s, result->applied}}));
            });
        });

    // ---- tokens
    r.add("GET", u"/v1/connect/tokens"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto page = pageRequest(req);
                  if (!page.ok())
                      return respond(fail(page.error()));
                  const QDateTime now = m_service.now();
                  respond(
                      pageResponse(m_service.tokens(a, req.queryValue(u"server"_s), *page), now));
              });
          },
          {u"limit"_s, u"cursor"_s, u"server"_s});
    r.add("POST", u"/v1/connect/tokens"_s, [this](const HttpRequest &req, const Respond &respond) {
        withActor(req, respond, [&](const Actor &a) {
            const auto body = jsonBody(req);
            if (!body.ok())
                return respond(fail(body.error()));
            if (auto e = checked(*body, {{"name", QJsonValue::String, true},
                                         {"server", QJsonValue::String, true},
                                         {"vaults", QJsonValue::Array, false, true},
                                         {"expires_in", QJsonValue::String, false, true}}))
                return respond(fail(*e));
            QList<VaultPermission> vaults;
            for (const QJsonValue &v : body->value(u"vaults"_s).toArray()) {
                if (!v.isObject())
                    return respond(fail(ApiError::badRequest(
                        u"Every entry of \"vaults\" must be an object with \"vault\" and optional \"access\"."_s,
                        u"wrong_type"_s)));
                const QJsonObject o = v.toObject();
                if (auto e = checked(o, {{"vault", QJsonValue::String, true},
                                         {"access", QJsonValue::String, false, true}}))
                    return respond(fail(*e));
                VaultPermission tv;
                tv.vault = o.value(u"vault"_s).toString();
                if (o.contains(u"access"_s) && !o.value(u"access"_s).isNull()) {
                    const auto access = accessFromName(o.value(u"access"_s).toString());
                    if (!access)
                        return respond(fail(
                            ApiError::badRequest(u"\"access\" must be read, write or read_write."_s,
                                                 u"invalid_field"_s)));
                    tv.access = *access;
                }
                vaults.append(tv);
            }
            const QJsonValue expires = body->value(u"expires_in"_s);
            const auto created = m_service.createToken(
                a, body->value(u"name"_s).toString(), body->value(u"server"_s).toString(), vaults,
                expires.isString() ? std::optional<QString>(expires.toString()) : std::nullopt);
            if (!created.ok())
                return respond(fail(created.error()));
            respond(HttpResponse::json({{u"token"_s, json::encode(created->token, m_service.now())},
                                        {u"jwt"_s, created->jwt}},
                                       201));
        });
    });
    r.add("PATCH", u"/v1/connect/tokens/{token}"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto body = jsonBody(req);
                  if (!body.ok())
                      return respond(fail(body.error()));
                  if (auto e = checked(*body, {{"name", QJsonValue::String, true}}))
                      return respond(fail(*e));
                  const auto t =
                      m_service.renameToken(a, param(req, "token"), req.queryValue(u"server"_s),
                                            body->value(u"name"_s).toString());
                  respond(t.ok() ? written(200, *t, m_service.now()) : fail(t.error()));
              });
          },
          {u"server"_s});
    r.add("DELETE", u"/v1/connect/tokens/{token}"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto t =
                      m_service.revokeToken(a, param(req, "token"), req.queryValue(u"server"_s));
                  respond(t.ok() ? written(200, *t, m_service.now()) : fail(t.error()));
              });
          },
          {u"server"_s});

    // ---- group grants
    r.add("GET", u"/v1/connect/group-grants"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto grants = m_service.groupGrants(a);
                  if (!grants.ok())
                      return respond(fail(grants.error()));
                  QJsonArray items;
                  for (const GroupGrant &g : *grants)
                      items.append(json::encode(g));
                  respond(HttpResponse::json(
                      {{u"items"_s, items}, {u"next_cursor"_s, QJsonValue(QJsonValue::Null)}}));
              });
          });
    r.add("POST", u"/v1/connect/group-grants"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  const auto body = jsonBody(req);
                  if (!body.ok())
                      return respond(fail(body.error()));
                  if (auto e = checked(*body, {{"group", QJsonValue::String, true},
                                               {"server", QJsonValue::String, false, true},
                                               {"all_servers", QJsonValue::Bool, false, true}}))
                      return respond(fail(*e));
                  GroupGrantRequest request{body->value(u"group"_s).toString(),
                                            body->value(u"server"_s).toString(),
                                            body->value(u"all_servers"_s).toBool()};
                  bool created = false;
                  const auto g = m_service.grantGroup(a, request, &created);
                  respond(g.ok() ? HttpResponse::json(QJsonObject{{u"grant"_s, json::encode(*g)},
                                                                  {u"created"_s, created}},
                                                      created ? 201 : 200)
                                 : fail(g.error()));
              });
          });
    r.add("DELETE", u"/v1/connect/group-grants"_s,
          [this](const HttpRequest &req, const Respond &respond) {
              withActor(req, respond, [&](const Actor &a) {
                  bool ok = false;
                  const bool all = truthy(req.queryValue(u"all_servers"_s), &ok);
                  if (!ok)
                      return respond(fail(ApiError::badRequest(
                          u"\"all_servers\" must be true or false."_s, u"invalid_parameter"_s)));
                  const auto removed = m_service.revokeGroup(
                      a, {req.queryValue(u"group"_s), req.queryValue(u"server"_s), all});
                  respond(removed.ok() ? HttpResponse::json(QJsonObject{{u"removed"_s, *removed}})
                                       : fail(removed.error()));
              });
          },
          {u"group"_s, u"server"_s, u"all_servers"_s});

    // ---- audit
    r.add(
        "GET", u"/v1/audit"_s,
        [this](const HttpRequest &req, const Respond &respond) {
            withActor(req, respond, [&](const Actor &a) {
                const auto page = pageRequest(req);
                if (!page.ok())
                    return respond(fail(page.error()));
                respond(pageResponse(m_service.audit(a, *page)));
            });
        },
        kPaged);
}

} // namespace ca
