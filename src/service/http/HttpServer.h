// Inside HttpEndpoint: listening sockets whose every connection is read, framed and guarded
// by a ConnectionGuard; each complete request is routed here, and its answer written here so
// that handlers can answer later (from work run off this thread) and HEAD, 405 and
// keep-alive are right.
#pragma once

#include "service/http/ConnectionGuard.h"
#include "service/http/Router.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTcpServer>
#include <optional>

namespace ca {

class HttpServer : public QObject
{
    Q_OBJECT
public:
    HttpServer(const Router &router, const HttpLimits &limits, QObject *parent = nullptr);

    // Returns the port, or 0 with *error set.
    quint16 listenOn(const QHostAddress &address, quint16 port,
                     const std::optional<QSslConfiguration> &tls, QString *error);
    // The same on a listening socket opened already (ListenSocket); takes it over.
    quint16 listenOn(int descriptor, const std::optional<QSslConfiguration> &tls, QString *error);

    // Serves a connected socket as if it had been accepted here (the fuzz target's socket
    // pairs); the socket is deleted when it disconnects.
    void serve(QTcpSocket *socket);

protected:
    // A complete request, as its connection's guard framed it.
    virtual void handleRequest(ConnectionGuard *guard, const RequestMeta &framed);

private:
    QTcpServer *makeListener(const std::optional<QSslConfiguration> &tls);
    void takeConnections(QTcpServer *server);
    Respond responder(ConnectionGuard *guard, const RequestMeta &meta,
                      const HttpRequest &req) const;
    HttpResponse unrouted(const HttpRequest &req, const Router::Match &match) const;

    const Router &m_router;
    HttpLimits m_limits;
};

} // namespace ca
