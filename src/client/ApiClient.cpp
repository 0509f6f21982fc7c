#include "client/ApiClient.h"

#include "core/JsonCodec.h"
#include "core/JsonDecoder.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// Translatable strings of this file, in the context "ca::ApiClient".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::ApiClient)
};

// How each answer becomes a typed value: core's decoder for the wire types; nothing to
// read for a 204.
template <typename T>
bool decodeAnswer(const QByteArray &bytes, T &out, json::DecodeError *error)
{
    return json::decode(bytes, out, error);
}
bool decodeAnswer(const QByteArray &, Done &, json::DecodeError *)
{
    return true;
}
bool decodeAnswer(const QByteArray &bytes, QJsonObject &out, json::DecodeError *error)
{
    if (bytes.isEmpty()) { // 204
        out = QJsonObject();
        return true;
    }
    return json::decode(bytes, out, error);
}

// A request body in its wire form.
template <typename Request>
QByteArray body(const Request &request)
{
    json::Writer w;
    json::write(w, request);
    return w.take();
}

// Hands on one member of a reply (the grant of a group grant result, the count of a removal).
template <typename Wire, typename T>
Callback<Wire> member(Callback<T> done, T Wire::*field)
{
    return [done = std::move(done), field](const Result<Wire> &r) {
        if (r.ok())
            done((*r).*field);
        else
            done(r.error());
    };
}

QUrlQuery serverQuery(const QString &server)
{
    QUrlQuery query;
    if (!server.isEmpty())
        query.addQueryItem(u"server"_s, QString::fromLatin1(QUrl::toPercentEncoding(server)));
    return query;
}

QString networkProblem(QNetworkReply::NetworkError e, const QString &detail)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
        return Text::tr(
            "Nothing answers at that address (connection refused). Is the account service "
            "running?");
    case QNetworkReply::HostNotFoundError:
        return Text::tr("The host name could not be found. Check the service URL.");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return Text::tr("The service did not answer in time.");
    case QNetworkReply::RemoteHostClosedError:
        return Text::tr("The service closed the connection before answering.");
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
        return Text::tr("The network is not available.");
    default:
        return detail;
    }
}

} // namespace

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
    qRegisterMetaType<ca::ApiError>();
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    QString path = m_baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_baseUrl.setPath(path);
}

bool ApiClient::setCaFile(const QString &path, QString *error)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = Text::tr("%1 holds no PEM certificate.").arg(path);
        return false;
    }
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.addCaCertificates(certificates);
    m_ssl = conf;
    m_nam->clearConnectionCache(); // connections made under the old trust must not be reused
    return true;
}

QString ApiClient::segment(const QString &nameOrId)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(nameOrId));
}

void ApiClient::call(const QByteArray &method, const QString &path, const QUrlQuery &query,
                     const std::optional<QJsonObject> &body, QObject *context,
                     Callback<QJsonObject> done)
{
    std::optional<QByteArray> payload;
    if (body)
        payload = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    fetchOne<QJsonObject>(method, path, query, payload, context, std::move(done));
}

void ApiClient::send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                     const std::optional<QByteArray> &body, QObject *context,
                     Callback<QByteArray> done)
{
    QString text = m_baseUrl.toString(QUrl::FullyEncoded) + path;
    if (!query.isEmpty())
        text += u'?' + query.toString(QUrl::FullyEncoded);
    QNetworkRequest request{QUrl(text, QUrl::StrictMode)};
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    const bool withSession = !m_token.isEmpty() && path != u"/v1/auth/sessions";
    if (withSession)
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (body)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    const bool conditional = method == "GET" && withSession;
    if (conditional) {
        if (const auto kept = m_kept.constFind(text); kept != m_kept.constEnd())
            request.setRawHeader("If-None-Match", kept->etag);
    }
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body.value_or(QByteArray()));
    auto sslProblem = std::make_shared<QString>();
    connect(reply, &QNetworkReply::sslErrors, reply, [sslProblem](const QList<QSslError> &errors) {
        QStringList parts;
        for (const QSslError &e : errors) {
            const QString subject = e.certificate().subjectDisplayName();
            parts.append(subject.isEmpty()
                             ? e.errorString()
                             : Text::tr("%1 (certificate of %2)").arg(e.errorString(), subject));
        }
        *sslProblem = parts.join(u"; "_s);
    });
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, guard, hasContext, withSession, conditional, text, sslProblem,
             done = std::move(done)] {
                reply->deleteLater();
                if (const QByteArray revision = reply->rawHeader("X-Account-Revision");
                    !revision.isEmpty())
                    m_lastRevision = revision.toLongLong();
                const Result<QByteArray> result = conditional
                                                      ? interpretKept(reply, text, *sslProblem)
                                                      : interpret(reply, withSession, *sslProblem);
                if (hasContext && !guard)
                    return; // nobody is waiting any more
                done(result);
            });
}

Result<QByteArray> ApiClient::interpretKept(QNetworkReply *reply, const QString &url,
                                            const QString &sslProblem)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 304) {
        if (const auto kept = m_kept.constFind(url); kept != m_kept.constEnd()) {
            ++m_notModified;
            return kept->body; // unchanged: the same bytes, and so the same rows
        }
    }
    Result<QByteArray> result = interpret(reply, true, sslProblem);
    const QByteArray etag = reply->rawHeader("ETag");
    if (result.ok() && !etag.isEmpty()) {
        if (m_kept.size() >= kMaxKept)
            m_kept.clear();
        m_kept.insert(url, {etag, *result});
    } else {
        m_kept.remove(url);
    }
    return result;
}

Result<QByteArray> ApiClient::interpret(QNetworkReply *reply, bool hadSession,
                                        const QString &sslProblem)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = m_baseUrl.toDisplayString();
    if (status == 0) {
        ApiError e;
        const QNetworkReply::NetworkError code = reply->error();
        if (!sslProblem.isEmpty() || code == QNetworkReply::SslHandshakeFailedError) {
            e.code = u"tls"_s;
            e.message = Text::tr("The secure connection to %1 failed: %2")
                            .arg(where, sslProblem.isEmpty() ? reply->errorString() : sslProblem);
        } else {
            const bool timeout = code == QNetworkReply::TimeoutError ||
                                 code == QNetworkReply::OperationCanceledError;
            e.code = timeout ? u"timeout"_s : u"unreachable"_s;
            e.message = Text::tr("Can't reach the account service at %1: %2")
                            .arg(where, networkProblem(code, reply->errorString()));
        }
        if (m_reachable) {
            m_reachable = false;
            emit reachabilityChanged(false);
        }
        qCInfo(lcClient) << "request failed:" << reply->request().url().path() << e.code;
        return e;
    }
    if (!m_reachable) {
        m_reachable = true;
        emit reachabilityChanged(true);
    }
    const QByteArray bytes = reply->readAll();
    if (status >= 200 && status < 300)
        return bytes; // decoded as what the caller expects
    ApiError e;
    QJsonObject error;
    if (decodeAnswer(bytes, error, nullptr) && error.value(u"message"_s).isString()) {
        e = ApiError::fromJson(status, error);
    } else {
        e.status = status;
        e.code = u"http_%1"_s.arg(status);
        e.message =
            Text::tr("The account service answered HTTP %1 (%2) without an explanation.")
                .arg(status)
                .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    }
    qCInfo(lcClient) << "request refused:" << reply->request().url().path() << status << e.code;
    if (status == 401 && hadSession)
        emit sessionExpired(e);
    return e;
}

template <typename T>
void ApiClient::fetchOne(const QByteArray &method, const QString &path, const QUrlQuery &query,
                         const std::optional<QByteArray> &body, QObject *context, Callback<T> done)
{
    const QString where = m_baseUrl.toDisplayString();
    send(method, path, query, body, context,
         [done = std::move(done), where](const Result<QByteArray> &r) {
             if (!r.ok())
                 return done(r.error());
             T value{};
             json::DecodeError problem;
             if (!decodeAnswer(*r, value, &problem))
                 return done(
                     ApiError{200,
                              u"malformed_response"_s,
                              Text::tr("The account service at %1 gave an answer this program "
                                       "doesn't understand (%2).")
                                  .arg(where, problem.message),
                              {}});
             done(value);
         });
}

template <typename T>
void ApiClient::fetchPages(const QString &path, QUrlQuery query, QObject *context,
                           PageHandler<T> handler)
{
    if (!query.hasQueryItem(u"limit"_s))
        query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    const QString where = m_baseUrl.toDisplayString();
    QPointer<QObject> guard(context);
    send("GET", path, query, std::nullopt, context,
         [this, path, query, guard, handler, where](const Result<QByteArray> &r) mutable {
             if (!r.ok())
                 return handler.onError(r.error());
             if (!guard)
                 return;
             // Decoded on a worker thread (issue 15): the window stays free while 100,000
             // tokens arrive; the page is handed over on this thread, in order, and the next
             // one asked for then. A page whose caller is gone is dropped; the watcher goes
             // with this client.
             struct Decoded
             {
                 Page<T> page;
                 json::DecodeError problem;
                 bool ok = false;
             };
             auto *watcher = new QFutureWatcher<Decoded>(this);
             QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                              [this, path, query, guard, handler, where, watcher]() mutable {
                                  watcher->deleteLater();
                                  if (!guard) // the caller went while the page was decoded
                                      return;
                                  const Decoded decoded = watcher->result();
                                  if (!decoded.ok)
                                      return handler.onError(ApiError{
                                          200,
                                          u"malformed_response"_s,
                                          Text::tr("The account service at %1 gave a list this "
                                                   "program doesn't understand (%2).")
                                              .arg(where, decoded.problem.message),
                                          {}});
                                  const bool last = decoded.page.nextCursor.isEmpty();
                                  handler.onPage(decoded.page.items, last);
                                  if (last || !guard) // onPage may have ended the caller
                                      return;
                                  QUrlQuery next = query;
                                  next.removeAllQueryItems(u"cursor"_s);
                                  next.addQueryItem(u"cursor"_s, decoded.page.nextCursor);
                                  fetchPages<T>(path, next, guard.data(), handler);
                              });
             watcher->setFuture(QtConcurrent::run([bytes = *r] {
                 Decoded d;
                 d.ok = json::decode(bytes, d.page, &d.problem);
                 return d;
             }));
         });
}

// ---- operations -----------------------------------------------------------------------------

void ApiClient::signIn(const QString &email, const QString &password, QObject *context,
                       Callback<SessionInfo> done)
{
    fetchOne<SessionInfo>("POST", u"/v1/auth/sessions"_s, {}, body(SignInRequest{email, password}),
                          context, [this, done = std::move(done)](const Result<SessionInfo> &r) {
                              if (r.ok())
                                  m_token = r->token;
                              done(r);
                          });
}

void ApiClient::currentSession(QObject *context, Callback<SessionInfo> done)
{
    fetchOne<SessionInfo>("GET", u"/v1/auth/sessions/current"_s, {}, std::nullopt, context,
                          std::move(done));
}

void ApiClient::signOut(QObject *context, Callback<Done> done)
{
    fetchOne<Done>("DELETE", u"/v1/auth/sessions/current"_s, {}, std::nullopt, context,
                   [this, done = std::move(done)](const Result<Done> &r) {
                       m_token.clear();
                       done(r);
                   });
}

void ApiClient::health(QObject *context, Callback<QJsonObject> done)
{
    fetchOne<QJsonObject>("GET", u"/health"_s, {}, std::nullopt, context, std::move(done));
}

void ApiClient::account(QObject *context, Callback<Account> done)
{
    fetchOne<Account>("GET", u"/v1/account"_s, {}, std::nullopt, context, std::move(done));
}

void ApiClient::vaults(QObject *context, PageHandler<Vault> handler)
{
    fetchPages<Vault>(u"/v1/vaults"_s, {}, context, std::move(handler));
}

void ApiClient::groups(QObject *context, PageHandler<Group> handler)
{
    fetchPages<Group>(u"/v1/groups"_s, {}, context, std::move(handler));
}

void ApiClient::users(QObject *context, PageHandler<User> handler)
{
    fetchPages<User>(u"/v1/users"_s, {}, context, std::move(handler));
}

void ApiClient::userGroups(const QString &user, QObject *context, Callback<QList<Group>> done)
{
    fetchOne<Page<Group>>("GET", u"/v1/users/%1/groups"_s.arg(segment(user)), {}, std::nullopt,
                          context, member(std::move(done), &Page<Group>::items));
}

void ApiClient::servers(QObject *context, PageHandler<Server> handler)
{
    fetchPages<Server>(u"/v1/connect/servers"_s, {}, context, std::move(handler));
}

void ApiClient::server(const QString &ref, QObject *context, Callback<Server> done)
{
    fetchOne<Server>("GET", u"/v1/connect/servers/"_s + segment(ref), {}, std::nullopt, context,
                     std::move(done));
}

void ApiClient::createServer(const QString &name, const QStringList &vaults, QObject *context,
                             Callback<NewServerReply> done)
{
    fetchOne<NewServerReply>("POST", u"/v1/connect/servers"_s, {},
                             body(CreateServerRequest{name, vaults}), context, std::move(done));
}

void ApiClient::renameServer(const QString &ref, const QString &name, QObject *context,
                             Callback<Server> done)
{
    fetchOne<Server>("PATCH", u"/v1/connect/servers/"_s + segment(ref), {},
                     body(RenameRequest{name}), context, std::move(done));
}

void ApiClient::deleteServer(const QString &ref, QObject *context, Callback<Server> done)
{
    fetchOne<Server>("DELETE", u"/v1/connect/servers/"_s + segment(ref), {}, std::nullopt, context,
                     std::move(done));
}

void ApiClient::grantVault(const QString &server, const QString &vault, QObject *context,
                           Callback<Server> done)
{
    fetchOne<Server>("PUT",
                     u"/v1/connect/servers/"_s + segment(server) + u"/vaults/"_s + segment(vault),
                     {}, std::nullopt, context, std::move(done));
}

void ApiClient::revokeVault(const QString &server, const QString &vault, QObject *context,
                            Callback<Server> done)
{
    fetchOne<Server>("DELETE",
                     u"/v1/connect/servers/"_s + segment(server) + u"/vaults/"_s + segment(vault),
                     {}, std::nullopt, context, std::move(done));
}

void ApiClient::grants(QObject *context, Callback<GrantMatrix> done)
{
    fetchOne<GrantMatrix>("GET", u"/v1/connect/grants"_s, {}, std::nullopt, context,
                          std::move(done));
}

void ApiClient::applyGrants(qint64 baseRevision, const QList<GrantChange> &changes,
                            QObject *context, Callback<GrantBatchResult> done)
{
    fetchOne<GrantBatchResult>("POST", u"/v1/connect/grants/batch"_s, {},
                               body(GrantBatchRequest{baseRevision, changes}), context,
                               std::move(done));
}

void ApiClient::tokens(const QString &server, QObject *context, PageHandler<Token> handler)
{
    fetchPages<Token>(u"/v1/connect/tokens"_s, serverQuery(server), context, std::move(handler));
}

void ApiClient::createToken(const NewTokenRequest &request, QObject *context,
                            Callback<NewTokenReply> done)
{
    fetchOne<NewTokenReply>("POST", u"/v1/connect/tokens"_s, {}, body(request), context,
                            std::move(done));
}

void ApiClient::renameToken(const QString &ref, const QString &server, const QString &name,
                            QObject *context, Callback<Token> done)
{
    fetchOne<Token>("PATCH", u"/v1/connect/tokens/"_s + segment(ref), serverQuery(server),
                    body(RenameRequest{name}), context, std::move(done));
}

void ApiClient::revokeToken(const QString &ref, const QString &server, QObject *context,
                            Callback<Token> done)
{
    fetchOne<Token>("DELETE", u"/v1/connect/tokens/"_s + segment(ref), serverQuery(server),
                    std::nullopt, context, std::move(done));
}

void ApiClient::token(const QString &ref, const QString &server, QObject *context,
                      Callback<Token> done)
{
    fetchOne<Token>("GET", u"/v1/connect/tokens/"_s + segment(ref), serverQuery(server),
                    std::nullopt, context, std::move(done));
}

void ApiClient::rotateToken(const QString &ref, const QString &server,
                            const RotateTokenRequest &request, QObject *context,
                            Callback<RotatedToken> done)
{
    fetchOne<RotatedToken>("POST", u"/v1/connect/tokens/"_s + segment(ref) + u"/rotate"_s,
                           serverQuery(server), body(request), context, std::move(done));
}

void ApiClient::rotateTokens(const RotateTokensRequest &request, QObject *context,
                             Callback<QList<RotatedToken>> done)
{
    fetchOne<RotatedTokens>("POST", u"/v1/connect/tokens/rotate"_s, {}, body(request), context,
                            member(std::move(done), &RotatedTokens::items));
}

void ApiClient::scheduleRevocation(const QString &ref, const QString &server,
                                   const ScheduleRevocationRequest &request, QObject *context,
                                   Callback<Token> done)
{
    fetchOne<Token>("PUT", u"/v1/connect/tokens/"_s + segment(ref) + u"/revokes_at"_s,
                    serverQuery(server), body(request), context, std::move(done));
}

void ApiClient::cancelRevocation(const QString &ref, const QString &server, QObject *context,
                                 Callback<Token> done)
{
    fetchOne<Token>("DELETE", u"/v1/connect/tokens/"_s + segment(ref) + u"/revokes_at"_s,
                    serverQuery(server), std::nullopt, context, std::move(done));
}

void ApiClient::renewCredentials(const QString &server, const RenewCredentialsRequest &request,
                                 QObject *context, Callback<RenewedCredentials> done)
{
    fetchOne<RenewedCredentials>("POST",
                                 u"/v1/connect/servers/"_s + segment(server) + u"/credentials"_s,
                                 {}, body(request), context, std::move(done));
}

void ApiClient::jwks(QObject *context, Callback<QJsonObject> done)
{
    fetchOne<QJsonObject>("GET", u"/.well-known/jwks.json"_s, {}, std::nullopt, context,
                          std::move(done));
}

void ApiClient::applyPlan(const PlanApplyRequest &request, QObject *context,
                          Callback<AppliedPlan> done)
{
    fetchOne<AppliedPlan>("POST", u"/v1/connect/plans/apply"_s, {}, body(request), context,
                          std::move(done));
}

void ApiClient::groupGrants(QObject *context, Callback<QList<GroupGrant>> done)
{
    fetchOne<Page<GroupGrant>>("GET", u"/v1/connect/group-grants"_s, {}, std::nullopt, context,
                               member(std::move(done), &Page<GroupGrant>::items));
}

void ApiClient::grantGroup(const QString &group, const QString &server, bool allServers,
                           QObject *context, Callback<GroupGrant> done)
{
    fetchOne<GroupGrantResult>("POST", u"/v1/connect/group-grants"_s, {},
                               body(GroupGrantRequest{group, server, allServers}), context,
                               member(std::move(done), &GroupGrantResult::grant));
}

void ApiClient::revokeGroup(const QString &group, const QString &server, bool allServers,
                            QObject *context, Callback<int> done)
{
    fetchOne<RemovedCount>("DELETE", u"/v1/connect/group-grants"_s,
                           toQuery(GroupGrantRequest{group, server, allServers}), std::nullopt,
                           context, member(std::move(done), &RemovedCount::removed));
}

void ApiClient::audit(QObject *context, PageHandler<AuditEvent> handler)
{
    fetchPages<AuditEvent>(u"/v1/audit"_s, {}, context, std::move(handler));
}

namespace {
QUrlQuery auditQuery(const AuditListQuery &query)
{
    QUrlQuery q;
    auto add = [&q](const QString &name, const QString &value) {
        if (!value.isEmpty())
            q.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(u"actor"_s, query.actor);
    add(u"action"_s, query.action);
    add(u"object"_s, query.object);
    if (query.since.isValid())
        add(u"since"_s, query.since.toUTC().toString(Qt::ISODateWithMs));
    if (query.until.isValid())
        add(u"until"_s, query.until.toUTC().toString(Qt::ISODateWithMs));
    add(u"q"_s, query.text);
    add(u"limit"_s, QString::number(query.limit));
    add(u"cursor"_s, query.cursor);
    return q;
}
} // namespace

void ApiClient::auditPage(const AuditListQuery &query, QObject *context,
                          Callback<Page<AuditEvent>> done)
{
    fetchOne<Page<AuditEvent>>("GET", u"/v1/audit"_s, auditQuery(query), std::nullopt, context,
                               std::move(done));
}

void ApiClient::auditEvents(const AuditListQuery &query, QObject *context,
                            PageHandler<AuditEvent> handler)
{
    fetchPages<AuditEvent>(u"/v1/audit"_s, auditQuery(query), context, std::move(handler));
}

void ApiClient::verifyAudit(QObject *context, Callback<AuditVerification> done)
{
    fetchOne<AuditVerification>("GET", u"/v1/audit/verify"_s, {}, std::nullopt, context,
                                std::move(done));
}

void ApiClient::vaultAccess(const QString &vault, QObject *context, Callback<VaultAccess> done)
{
    fetchOne<VaultAccess>("GET", u"/v1/vaults/"_s + segment(vault) + u"/access"_s, {}, std::nullopt,
                          context, std::move(done));
}

} // namespace ca
