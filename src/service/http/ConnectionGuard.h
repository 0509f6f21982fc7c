// Guards one client connection in front of QHttpServer, which in Qt 6.4 buffers a whole
// request, has no size limit, no idle timeout, and does not answer "Expect: 100-continue".
// The guard watches the same bytes QHttpServer reads (it is connected to readyRead first),
// frames requests itself, and:
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

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTcpSocket>
#include <QTimer>

namespace ca {

// What the guard learned about each request, in order, for the server to answer it right.
struct RequestMeta
{
    bool keepAlive = true;
    bool head = false;
    qint64 startedMs = 0; // QElapsedTimer msecs since the guard's start
};

class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits);

    static ConnectionGuard *of(QTcpSocket *socket);
    RequestMeta takeRequestMeta();
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    // Writes a complete error answer and closes the connection gracefully.
    void reject(int status, const QByteArray &code, const QString &message);
    // The server has answered the oldest request it was given.
    void responded();

private:
    void onReadyRead();
    void onTimeout();
    bool consume(const char *data, qint64 size);
    bool parseHead();
    void drain();
    void armTimer();

    QPointer<QTcpSocket> m_socket;
    HttpLimits m_limits;
    enum class State { Head, Body, Rejected } m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    bool m_inRequest = false;
    qint64 m_requestStartMs = 0;
    qint64 m_drained = 0;
    int m_unanswered = 0; // requests passed on whose answer is not written yet
    QQueue<RequestMeta> m_meta;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace ca
