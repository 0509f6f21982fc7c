#include "service/http/HttpServer.h"

#include "core/Logging.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>

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

quint16 HttpServer::listenOn(const QHostAddress &address, quint16 port,
                             const std::optional<QSslConfiguration> &tls, QString *error)
{
    QTcpServer *server = nullptr;
    if (tls) {
        auto *ssl = new GuardedServer<QSslServer>(m_limits, this);
        ssl->setSslConfiguration(*tls);
        server = ssl;
    } else {
        server = new GuardedServer<QTcpServer>(m_limits, this);
    }
    if (!server->listen(address, port)) {
        *error = server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    const RequestMeta meta = guard ? guard->takeRequestMeta() : RequestMeta{};

    HttpRequest req;
    req.method = methodName(request.method());
    const QUrl url = request.url();
    req.path = url.path(QUrl::FullyEncoded);
    for (const QString &segment : req.path.split(u'/', Qt::SkipEmptyParts))
        req.segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    req.query = request.query();
    for (const auto &h : request.headers())
        req.headers.insert(h.first.toLower(), h.second);
    req.body = request.body();
    req.peer = request.remoteAddress().toString();

    const bool head = meta.head || req.method == "HEAD";
    const QByteArray routeMethod = head ? QByteArray("GET") : req.method;
    QPointer<QTcpSocket> target(socket);
    const bool keepAlive = meta.keepAlive;
    const QByteArray method = req.method;
    const QString path = req.path;
    Respond respond = [target, keepAlive, head, method, path,
                       guard = QPointer<ConnectionGuard>(guard),
                       started = meta.startedMs](const HttpResponse &response) {
        if (!target || target->state() != QAbstractSocket::ConnectedState)
            return; // the client went away while we worked
        if (guard)
            guard->responded();
        target->write(response.serialize(keepAlive, head));
        if (!keepAlive)
            target->disconnectFromHost();
        if (response.status >= 500)
            qCWarning(lcHttp) << method.constData() << path << response.status;
        else
            qCDebug(lcHttp) << method.constData() << path << response.status
                            << (guard ? guard->elapsedMs() - started : -1) << "ms";
    };

    const Router::Match match = m_router.match(routeMethod, req.segments);
    if (!match.handler) {
        if (req.method == "OPTIONS" && !match.allowed.isEmpty()) {
            HttpResponse r = HttpResponse::noContent();
            QList<QByteArray> allowed = match.allowed;
            if (allowed.contains("GET"))
                allowed.append("HEAD");
            r.headers.append({"Allow", allowed.join(", ")});
            respond(r);
        } else if (!match.allowed.isEmpty()) {
            QList<QByteArray> allowed = match.allowed;
            if (allowed.contains("GET"))
                allowed.append("HEAD");
            HttpResponse r = HttpResponse::error({405,
                                                  u"method_not_allowed"_s,
                                                  u"%1 is not allowed on %2; allowed: %3."_s.arg(
                                                      QString::fromLatin1(req.method), req.path,
                                                      QString::fromLatin1(allowed.join(", "))),
                                                  {}});
            r.headers.append({"Allow", allowed.join(", ")});
            respond(r);
        } else {
            respond(
                HttpResponse::error(ApiError::notFound(u"There is no %1 here."_s.arg(req.path))));
        }
        return true;
    }
    req.params = match.params;
    for (const auto &item : req.query.queryItems()) {
        if (!match.query.contains(item.first)) {
            respond(HttpResponse::error(ApiError::badRequest(
                u"Unknown query parameter \"%1\"; allowed here: %2."_s.arg(
                    item.first.left(60),
                    match.query.isEmpty() ? u"none"_s : match.query.join(u", "_s)),
                u"unknown_parameter"_s)));
            return true;
        }
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
