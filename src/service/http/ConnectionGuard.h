// One client connection: reads its bytes, frames its requests (RequestFraming: the request
// line, the headers, a body of Content-Length bytes; bare LF line endings too), and hands
// each complete request to the server. Qt 6.4's QHttpServer has no size limit, no idle
// timeout and no "Expect: 100-continue", and it reads a request one byte at a time; this
// reads what is there at once and:
//   - answers 413 as soon as a Content-Length over the limit is seen, without reading the
//     body into memory (the rest is drained and discarded, then the connection closed);
//   - answers 431 for oversized headers, 400 for a malformed request head, 411 for chunked
//     bodies (clients here always send Content-Length);
//   - closes idle keep-alive connections and answers 408 to half-sent requests on timeout;
//   - answers "100 Continue" when asked and the declared body is acceptable;
//   - allows one request at a time: a request that starts before the previous one was
//     answered (HTTP pipelining) is refused.
#pragma once

#include "service/http/HttpLimits.h"
#include "service/http/RequestFraming.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <functional>
#include <optional>

namespace ca {

// A complete request as framed, for the server to route and answer.
struct RequestMeta
{
    bool keepAlive = true;
    bool head = false;
    qint64 startedMs = 0; // QElapsedTimer msecs since the guard's start
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> fields; // RequestHead::fields
    qint64 bodyLength = 0;
    QByteArray body;
};

class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // Each complete request is handed to onRequest, once the bytes read with it are framed.
    using RequestHandler = std::function<void(ConnectionGuard *, const RequestMeta &)>;
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, RequestHandler onRequest);

    QTcpSocket *socket() const { return m_socket; }
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

    QPointer<QTcpSocket> m_socket;
    HttpLimits m_limits;
    RequestHandler m_onRequest;
    RequestFraming m_framing;
    bool m_rejected = false;
    qint64 m_requestStartMs = 0;
    qint64 m_drained = 0;
    int m_unanswered = 0;                  // requests passed on whose answer is not written yet
    RequestMeta m_request;                 // the request being read
    std::optional<RequestMeta> m_complete; // framed in this read, handed over after it
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace ca
