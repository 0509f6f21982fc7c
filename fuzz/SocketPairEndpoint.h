// The service's HTTP endpoint (HttpServer, with its ConnectionGuard and RequestFraming)
// with one client connection over a socket pair in memory: no port, no network, and the
// same socket code paths as TCP. The client writes its chunks one after the other, each once
// the server has done all it will do with the one before (so the guard sees each chunk as a
// separate read), and collects every byte the server writes until it is quiet.
#pragma once

#include "service/http/HttpLimits.h"
#include "service/http/Router.h"

#include <QByteArray>
#include <QList>
#include <memory>

namespace ca::fuzz {

class RecordingServer;

class SocketPairEndpoint
{
public:
    explicit SocketPairEndpoint(const HttpLimits &limits);
    ~SocketPairEndpoint();

    struct Exchange
    {
        QByteArray received;  // every byte the server wrote
        bool closed = false;  // the server closed the connection (the client read its end)
        bool settled = true;  // false: the server never stopped working on the input
        QList<bool> headOnly; // per request handed to the server: a HEAD?
    };
    Exchange run(const QList<QByteArray> &chunks);

    // The echo route's answer body for a request: method, target and body as received.
    static QByteArray echo(const QByteArray &method, const QByteArray &target,
                           const QByteArray &body);

private:
    Router m_router;
    std::unique_ptr<RecordingServer> m_server;
};

} // namespace ca::fuzz
