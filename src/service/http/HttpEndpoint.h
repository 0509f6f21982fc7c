// The service's HTTP/1.1 endpoint: all that the rest of the service sees of the HTTP
// machinery in this folder. Fill a Router with handlers (Router.h: HttpRequest, Respond),
// answer with HttpResponse, choose HttpLimits, listen. How requests are framed and guarded
// on Qt's sockets stays inside; README.md here says why the framing is the service's own.
#pragma once

#include "service/http/HttpLimits.h"
#include "service/http/HttpResponse.h"
#include "service/http/ListenSocket.h"
#include "service/http/Router.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <memory>
#include <optional>

namespace ca {

class HttpServer;

class HttpEndpoint
{
public:
    // The router is read on every request: it must outlive the endpoint.
    HttpEndpoint(const Router &router, const HttpLimits &limits);
    ~HttpEndpoint();
    HttpEndpoint(const HttpEndpoint &) = delete;
    HttpEndpoint &operator=(const HttpEndpoint &) = delete;

    // Returns the port listened on, or 0 with *error set. With tls, HTTPS.
    quint16 listen(const QHostAddress &address, quint16 port,
                   const std::optional<QSslConfiguration> &tls, QString *error);
    // The same on a socket from ListenSocket::open() (one of several on a port: each worker's
    // endpoint takes one); the endpoint takes it over.
    quint16 listen(int descriptor, const std::optional<QSslConfiguration> &tls, QString *error);

private:
    std::unique_ptr<HttpServer> m_server;
};

} // namespace ca
