// Inside HttpEndpoint: QAbstractHttpServer parses requests; every connection
// is watched by a ConnectionGuard; answers are written here so that handlers can answer
// later (from work run off this thread) and HEAD, 405 and keep-alive are right.
#pragma once

#include "service/http/ConnectionGuard.h"
#include "service/http/Router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <optional>

namespace ca {

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpServer(const Router &router, const HttpLimits &limits, QObject *parent = nullptr);

    // Returns the port, or 0 with *error set.
    quint16 listenOn(const QHostAddress &address, quint16 port,
                     const std::optional<QSslConfiguration> &tls, QString *error);
    // The same on a listening socket opened already (ListenSocket); takes it over.
    quint16 listenOn(int descriptor, const std::optional<QSslConfiguration> &tls, QString *error);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    QTcpServer *makeListener(const std::optional<QSslConfiguration> &tls);
    Respond responder(QTcpSocket *socket, const RequestMeta &meta, const HttpRequest &req) const;
    HttpResponse unrouted(const HttpRequest &req, const Router::Match &match) const;

    const Router &m_router;
    HttpLimits m_limits;
};

} // namespace ca
