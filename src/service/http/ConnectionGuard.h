// Guards one client connection in front of QHttpServer, which in Qt 6.4 buffers a whole
// request, has no size limit, no idle timeout, and does not answer "Expect: 100-continue".
// The guard watches the same bytes QHttpServer reads (it is connected to readyRead first),
// frames requests exactly as Qt's parser does (RequestFraming: bare LF line endings too),
// and:
//   - answers 413 as soon as a Content-Length over the limit is seen, without reading the
//     body into memory (the rest is drained and discarded, then the connection closed);
//   - answers 431 for oversized headers, 400 for a malformed request head, 411 for chunked
//     bodies (clients here always send Content-Length);
//   - closes idle keep-alive connections and answers 408 to half-sent requests on timeout;
//   - answers "100 Continue" when asked and the declared body is acceptable;
//   - allows one request at a time: a request that starts before the previous one was
//     answered (HTTP pipelining) is refused, because QHttpServer 6.4 would merge the two.
#pragma once

#include "service/http/HttpLimits.h"
#include "service/http/RequestFraming.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTcpSocket>
#include <QTimer>
#include <optional>

namespace ca {

// What the guard learned about each request, in order, for the server to answer it right.
struct RequestMeta
{
    bool keepAlive = true;
    bool head = false;
    qint64 startedMs = 0; // QElapsedTimer msecs since the guard's start
    // The guard's framing, which the server compares with Qt's parse of the same request.
    QByteArray method;
    QByteArray target;
    qint64 bodyLength = 0;
};

class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits);

    static ConnectionGuard *of(QTcpSocket *socket);
    // What the guard framed of the request Qt's parser handed over now, oldest first; nothing
    // when Qt parsed a request the guard did not see end (a framing disagreement).
    std::optional<RequestMeta> takeRequestMeta();
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    // Writes a complete error answer and closes the connection gracefully.
    void reject(int status, const QByteArray &code, const QString &message);
    // The server has answered the oldest request it was given.
    void responded();
    // The server closes the connection after its answer (Connection: close).
    void closeAfterAnswer();

private:
    void onReadyRead();
    void onTimeout();
    bool consume(const char *data, qint64 size);
    bool acceptHead();
    void drain();
    void armTimer();
    void onStateChanged(QAbstractSocket::SocketState state);

    QPointer<QTcpSocket> m_socket;
    HttpLimits m_limits;
    RequestFraming m_framing;
    bool m_rejected = false;
    bool m_closing = false;   // a close the guard or the server asked for
    qint64 m_alreadySeen = 0; // bytes Qt left unread after a request; peeked before
    qint64 m_requestStartMs = 0;
    qint64 m_drained = 0;
    int m_unanswered = 0; // requests passed on whose answer is not written yet
    QQueue<RequestMeta> m_meta;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace ca
