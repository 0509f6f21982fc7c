#include "service/http/HttpEndpoint.h"

#include "service/http/HttpServer.h"

namespace ca {

HttpEndpoint::HttpEndpoint(const Router &router, const HttpLimits &limits)
    : m_server(std::make_unique<HttpServer>(router, limits))
{}

HttpEndpoint::~HttpEndpoint() = default;

quint16 HttpEndpoint::listen(const QHostAddress &address, quint16 port,
                             const std::optional<QSslConfiguration> &tls, QString *error)
{
    return m_server->listenOn(address, port, tls, error);
}

quint16 HttpEndpoint::listen(int descriptor, const std::optional<QSslConfiguration> &tls,
                             QString *error)
{
    return m_server->listenOn(descriptor, tls, error);
}

} // namespace ca
