#include "SocketPairEndpoint.h"

#include "FuzzSupport.h"
#include "service/http/HttpServer.h"

#include <QPointer>
#include <QTcpSocket>

#include <cerrno>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ca::fuzz {

// The service's HttpServer, noting for each request its guard hands over whether it is a
// HEAD (answered without a body), so that the client can read the answers.
class RecordingServer : public HttpServer
{
public:
    using HttpServer::HttpServer;
    QList<bool> headOnly;

protected:
    void handleRequest(ConnectionGuard *guard, const RequestMeta &framed) override
    {
        headOnly.append(framed.head);
        HttpServer::handleRequest(guard, framed);
    }
};

namespace {

constexpr int kQuietRounds = 2;    // event loop rounds without progress that mean "done"
constexpr int kMaxRounds = 100000; // a server still busy after this many never settles

struct Connection
{
    int client = -1;
    QPointer<QTcpSocket> server;
    QByteArray received;
    bool closed = false;
};

// Reads what the server wrote; true if there was something.
bool readClient(Connection &c)
{
    bool got = false;
    char buffer[16384];
    while (!c.closed) {
        const ssize_t n = ::recv(c.client, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n > 0) {
            c.received.append(buffer, n);
            got = true;
        } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
            c.closed = true; // end of stream or reset: the server closed its end
            got = true;
        } else if (errno == EAGAIN) {
            break;
        }
    }
    return got;
}

bool serverBusy(const Connection &c)
{
    if (!c.server)
        return false;
    int unread = 0;
    const auto fd = c.server->socketDescriptor();
    if (fd >= 0 && ::ioctl(int(fd), FIONREAD, &unread) != 0)
        unread = 0;
    return unread > 0 || c.server->bytesToWrite() > 0;
}

// Runs the event loop until the server has done all it will do with what it was sent.
bool settle(Connection &c)
{
    int quiet = 0;
    for (int round = 0; round < kMaxRounds; ++round) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const bool progress = readClient(c);
        quiet = progress || serverBusy(c) ? 0 : quiet + 1;
        if (quiet >= kQuietRounds)
            return true;
    }
    return false;
}

// Writes a chunk, letting the server read when the pair's buffer is full; false once the
// server has closed its end.
bool send(Connection &c, const QByteArray &chunk)
{
    qsizetype sent = 0;
    while (sent < chunk.size()) {
        const ssize_t n = ::send(c.client, chunk.constData() + sent, size_t(chunk.size() - sent),
                                 MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
        } else if (errno == EAGAIN) {
            QCoreApplication::processEvents(QEventLoop::AllEvents);
            readClient(c);
        } else if (errno != EINTR) {
            return false;
        }
    }
    return true;
}

} // namespace

SocketPairEndpoint::SocketPairEndpoint(const HttpLimits &limits)
{
    const Handler handler = [](const HttpRequest &req, const Respond &respond) {
        QByteArray target = req.path.toLatin1();
        if (!req.query.isEmpty())
            target += '?' + req.query.toString(QUrl::FullyEncoded).toLatin1();
        respond(HttpResponse::json(echo(req.method, target, req.body)));
    };
    for (const QByteArray method : {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
        for (const char16_t *pattern :
             {u"/", u"/{a}", u"/{a}/{b}", u"/{a}/{b}/{c}", u"/{a}/{b}/{c}/{d}"})
            m_router.add(method, QString::fromUtf16(pattern), handler, {QStringLiteral("q")});
    }
    m_server = std::make_unique<RecordingServer>(m_router, limits);
}

SocketPairEndpoint::~SocketPairEndpoint() = default;

QByteArray SocketPairEndpoint::echo(const QByteArray &method, const QByteArray &target,
                                    const QByteArray &body)
{
    return method + ' ' + target + '\n' + body;
}

SocketPairEndpoint::Exchange SocketPairEndpoint::run(const QList<QByteArray> &chunks)
{
    int fds[2];
    check(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0, "socketpair failed");
    Connection c;
    c.client = fds[1];
    // The server end, served as the service serves a connection it accepted.
    auto *server = new QTcpSocket(m_server.get());
    check(server->setSocketDescriptor(fds[0]), "a socket pair end is not a stream socket");
    m_server->serve(server);
    c.server = server;
    m_server->headOnly.clear();

    Exchange out;
    for (const QByteArray &chunk : chunks) {
        if (c.closed || !send(c, chunk))
            break;
        if (!settle(c)) {
            out.settled = false;
            break;
        }
    }
    out.received = c.received;
    out.closed = c.closed;
    out.headOnly = m_server->headOnly;

    // The client goes away; the server must let go of the connection.
    ::close(c.client);
    for (int round = 0; c.server && round < 3; ++round) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    delete c.server.data(); // a refusal drains until its timer: nothing left to see there
    return out;
}

} // namespace ca::fuzz
