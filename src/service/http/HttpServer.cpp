#include "service/http/HttpServer.h"

#include "core/Logging.h"
#include "service/http/ListenSocket.h"

#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ca {

HttpServer::HttpServer(const Router &router, const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_limits(limits)
{}

QTcpServer *HttpServer::makeListener(const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *server = nullptr;
    if (tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*tls);
        server = ssl;
    } else {
        server = new QTcpServer(this);
    }
    // Pending once accepted (with TLS: once the handshake is done).
    connect(server, &QTcpServer::pendingConnectionAvailable, this,
            [this, server] { takeConnections(server); });
    return server;
}

void HttpServer::takeConnections(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection())
        serve(socket);
}

void HttpServer::serve(QTcpSocket *socket)
{
    new ConnectionGuard(socket, m_limits,
                        [this](ConnectionGuard *guard, const RequestMeta &framed) {
                            handleRequest(guard, framed);
                        });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    if (socket->bytesAvailable() > 0) // already decrypted during a TLS handshake
        QMetaObject::invokeMethod(
            socket, [socket] { emit socket->readyRead(); }, Qt::QueuedConnection);
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
    return server->serverPort();
}

namespace {

HttpRequest toRequest(const RequestMeta &framed, const QTcpSocket &socket)
{
    HttpRequest req;
    req.method = framed.method;
    // Read as Qt HttpServer 6.4 read it: "//name/path" names an authority, not a path.
    const QUrl url = QUrl::fromEncoded(framed.target);
    req.path = url.path(QUrl::FullyEncoded);
    for (const QString &segment : req.path.split(u'/', Qt::SkipEmptyParts))
        req.segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    req.query = QUrlQuery(url);
    req.headers.reserve(framed.fields.size());
    for (const auto &field : framed.fields)
        req.headers.insert(field.first.toLower(), field.second);
    req.body = framed.body;
    req.peer = socket.peerAddress().toString();
    return req;
}

QList<QByteArray> allowedWithHead(QList<QByteArray> allowed)
{
    if (allowed.contains("GET"))
        allowed.append("HEAD");
    return allowed;
}

} // namespace

Respond HttpServer::responder(ConnectionGuard *guard, const RequestMeta &meta,
                              const HttpRequest &req) const
{
    // The guard is the socket's child: while it lives, so does the socket.
    return [connection = QPointer<ConnectionGuard>(guard), keepAlive = meta.keepAlive,
            head = meta.head, method = req.method, path = req.path,
            started = meta.startedMs](const HttpResponse &response) {
        QTcpSocket *target = connection ? connection->socket() : nullptr;
        if (!target || target->state() != QAbstractSocket::ConnectedState)
            return; // the client went away while we worked
        connection->responded();
        target->write(response.serialize(keepAlive, head));
        if (!keepAlive)
            connection->closeAfterAnswer();
        if (response.status >= 500)
            qCWarning(lcHttp) << method.constData() << path << response.status;
        else
            qCDebug(lcHttp) << method.constData() << path << response.status
                            << connection->elapsedMs() - started << "ms";
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

void HttpServer::handleRequest(ConnectionGuard *guard, const RequestMeta &framed)
{
    HttpRequest req = toRequest(framed, *guard->socket());
    const Respond respond = responder(guard, framed, req);
    const bool head = framed.head;
    const Router::Match match = m_router.match(head ? QByteArray("GET") : req.method, req.segments);
    if (!match.handler) {
        respond(unrouted(req, match));
        return;
    }
    req.params = match.params;
    for (const auto &item : req.query.queryItems(QUrl::FullyDecoded)) {
        if (!match.query.contains(item.first)) {
            respond(HttpResponse::error(ApiError::badRequest(
                u"Unknown query parameter \"%1\"; allowed here: %2."_s.arg(
                    item.first.left(60),
                    match.query.isEmpty() ? u"none"_s : match.query.join(u", "_s)),
                u"unknown_parameter"_s)));
            return;
        }
        // PostgreSQL can't hold a NUL character in text, and no name, ID or search here has
        // one: refused where it comes in (here and in the path, below), on both databases.
        if (item.second.contains(QChar(0))) {
            respond(HttpResponse::error(ApiError::badRequest(
                u"The query parameter \"%1\" holds a NUL character (%2), which no value here "
                "may contain."_s.arg(item.first.left(60), u"%00"_s),
                u"invalid_parameter"_s)));
            return;
        }
    }
    if (std::any_of(req.segments.cbegin(), req.segments.cend(),
                    [](const QString &s) { return s.contains(QChar(0)); })) {
        respond(HttpResponse::error(ApiError::badRequest(
            u"The request's path holds a NUL character (%00), which no name or ID here may "
            "contain."_s,
            u"invalid_parameter"_s)));
        return;
    }
    try {
        (*match.handler)(req, respond);
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "handler failed:" << e.what();
        respond(HttpResponse::error(
            ApiError::internal(u"The service failed to complete the request; see its log."_s)));
    }
}

} // namespace ca
