#include "service/http/HttpServer.h"

#include "core/Logging.h"
#include "service/http/ListenSocket.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// A listening socket whose accepted connections get a ConnectionGuard before QHttpServer
// connects to them, so the guard sees every byte first.
template <typename Base>
class GuardedServer : public Base
{
public:
    GuardedServer(const HttpLimits &limits, QObject *parent)
        : Base(parent)
        , m_limits(limits)
    {}

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket) {
            new ConnectionGuard(socket, m_limits);
            if (socket->bytesAvailable() > 0) // already decrypted during a TLS handshake
                QMetaObject::invokeMethod(
                    socket, [socket] { emit socket->readyRead(); }, Qt::QueuedConnection);
        }
        return socket;
    }

private:
    HttpLimits m_limits;
};

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

} // namespace

HttpServer::HttpServer(const Router &router, const HttpLimits &limits, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_limits(limits)
{}

QTcpServer *HttpServer::makeListener(const std::optional<QSslConfiguration> &tls)
{
    if (tls) {
        auto *ssl = new GuardedServer<QSslServer>(m_limits, this);
        ssl->setSslConfiguration(*tls);
        return ssl;
    }
    return new GuardedServer<QTcpServer>(m_limits, this);
}

quint16 HttpServer::listenOn(const QHostAddress &address, quint16 port,
                             const std::optional<QSslConfiguration> &tls, QString *error)
{
    const QList<int> fds = ListenSocket::open(address, port, 1, error);
    return fds.isEmpty() ? 0 : listenOn(fds.first(), tls, error);
}

quint16 HttpServer::listenOn(int descriptor, const std::optional<QSslConfiguration> &tls,
                             QString *error)
{
    QTcpServer *server = makeListener(tls);
    if (!server->setSocketDescriptor(descriptor)) {
        *error = server->errorString();
        ListenSocket::close({descriptor});
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

namespace {

HttpRequest toRequest(const QHttpServerRequest &request)
{
    HttpRequest req;
    req.method = methodName(request.method());
    req.path = request.url().path(QUrl::FullyEncoded);
    for (const QString &segment : req.path.split(u'/', Qt::SkipEmptyParts))
        req.segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    req.query = request.query();
    for (const auto &h : request.headers())
        req.headers.insert(h.first.toLower(), h.second);
    req.body = request.body();
    req.peer = request.remoteAddress().toString();
    return req;
}

// Qt's parse of a request and the guard's framing of it must be the same request: the same
// method, target and body. Anything else means they disagree where requests begin or end.
bool sameRequest(const RequestMeta &meta, const QHttpServerRequest &request, const HttpRequest &req)
{
    const QUrl framed = QUrl::fromEncoded(meta.target);
    return meta.method == req.method && meta.bodyLength == req.body.size() &&
           framed.path(QUrl::FullyEncoded) == req.path &&
           framed.query(QUrl::FullyEncoded) == request.url().query(QUrl::FullyEncoded);
}

QList<QByteArray> allowedWithHead(QList<QByteArray> allowed)
{
    if (allowed.contains("GET"))
        allowed.append("HEAD");
    return allowed;
}

} // namespace

Respond HttpServer::responder(QTcpSocket *socket, const RequestMeta &meta,
                              const HttpRequest &req) const
{
    const bool head = meta.head || req.method == "HEAD";
    return [target = QPointer<QTcpSocket>(socket), keepAlive = meta.keepAlive, head,
            method = req.method, path = req.path,
            guard = QPointer<ConnectionGuard>(ConnectionGuard::of(socket)),
            started = meta.startedMs](const HttpResponse &response) {
        if (!target || target->state() != QAbstractSocket::ConnectedState)
            return; // the client went away while we worked
        if (guard)
            guard->responded();
        target->write(response.serialize(keepAlive, head));
        if (!keepAlive) {
            if (guard)
                guard->closeAfterAnswer();
            else
                target->disconnectFromHost();
        }
        if (response.status >= 500)
            qCWarning(lcHttp) << method.constData() << path << response.status;
        else
            qCDebug(lcHttp) << method.constData() << path << response.status
                            << (guard ? guard->elapsedMs() - started : -1) << "ms";
    };
}

// 404, 405 with Allow, or OPTIONS: what to answer when no handler takes the request.
HttpResponse HttpServer::unrouted(const HttpRequest &req, const Router::Match &match) const
{
    if (match.allowed.isEmpty())
        return HttpResponse::error(ApiError::notFound(u"There is no %1 here."_s.arg(req.path)));
    const QList<QByteArray> allowed = allowedWithHead(match.allowed);
    HttpResponse r = req.method == "OPTIONS"
                         ? HttpResponse::noContent()
                         : HttpResponse::error({405,
                                                u"method_not_allowed"_s,
                                                u"%1 is not allowed on %2; allowed: %3."_s.arg(
                                                    QString::fromLatin1(req.method), req.path,
                                                    QString::fromLatin1(allowed.join(", "))),
                                                {}});
    r.headers.append({"Allow", allowed.join(", ")});
    return r;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    const std::optional<RequestMeta> framed = guard ? guard->takeRequestMeta() : RequestMeta{};
    HttpRequest req = toRequest(request);
    if (!framed || !sameRequest(*framed, request, req)) {
        qCWarning(lcHttp) << "the guard and the parser framed a request differently";
        RequestMeta close;
        close.keepAlive = false;
        responder(socket, close, req)(HttpResponse::error(ApiError::badRequest(
            u"The request could not be read unambiguously."_s, u"ambiguous_framing"_s)));
        return true;
    }
    const Respond respond = responder(socket, *framed, req);
    const bool head = framed->head || req.method == "HEAD";
    const Router::Match match = m_router.match(head ? QByteArray("GET") : req.method, req.segments);
    if (!match.handler) {
        respond(unrouted(req, match));
        return true;
    }
    req.params = match.params;
    for (const auto &item : req.query.queryItems(QUrl::FullyDecoded)) {
        if (!match.query.contains(item.first)) {
            respond(HttpResponse::error(ApiError::badRequest(
                u"Unknown query parameter \"%1\"; allowed here: %2."_s.arg(
                    item.first.left(60),
                    match.query.isEmpty() ? u"none"_s : match.query.join(u", "_s)),
                u"unknown_parameter"_s)));
            return true;
        }
        // PostgreSQL can't hold a NUL character in text, and no name, ID or search here has
        // one: refused where it comes in (here and in the path, below), on both databases.
        if (item.second.contains(QChar(0))) {
            respond(HttpResponse::error(ApiError::badRequest(
                u"The query parameter \"%1\" holds a NUL character (%2), which no value here "
                "may contain."_s.arg(item.first.left(60), u"%00"_s),
                u"invalid_parameter"_s)));
            return true;
        }
    }
    if (std::any_of(req.segments.cbegin(), req.segments.cend(),
                    [](const QString &s) { return s.contains(QChar(0)); })) {
        respond(HttpResponse::error(ApiError::badRequest(
            u"The request's path holds a NUL character (%00), which no name or ID here may "
            "contain."_s,
            u"invalid_parameter"_s)));
        return true;
    }
    try {
        (*match.handler)(req, respond);
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "handler failed:" << e.what();
        respond(HttpResponse::error(
            ApiError::internal(u"The service failed to complete the request; see its log."_s)));
    }
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Never reached: handleRequest answers every request, 404 and 405 included.
}

} // namespace ca
