#include "service/http/ConnectionGuard.h"

#include "core/ApiError.h"
#include "core/Logging.h"
#include "service/http/HttpResponse.h"

#include <QJsonDocument>
#include <QSslSocket>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace ca {

namespace {
constexpr qint64 kMaxDrainBytes = 64 * 1024 * 1024;
constexpr int kDrainMs = 3000;

const QList<QByteArray> &knownMethods()
{
    static const QList<QByteArray> m{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return m;
}
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
{
    setObjectName(u"ConnectionGuard"_s);
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    armTimer();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(u"ConnectionGuard"_s,
                                                         Qt::FindDirectChildrenOnly)
                  : nullptr;
}

RequestMeta ConnectionGuard::takeRequestMeta()
{
    return m_meta.isEmpty() ? RequestMeta{} : m_meta.dequeue();
}

void ConnectionGuard::armTimer()
{
    if (m_state == State::Rejected)
        return;
    if (m_inRequest) {
        const qint64 left = m_limits.requestTimeoutMs - (m_clock.elapsed() - m_requestStartMs);
        m_timer.start(int(std::clamp<qint64>(std::min<qint64>(left, m_limits.idleTimeoutMs), 0,
                                             m_limits.idleTimeoutMs)));
    } else {
        m_timer.start(m_limits.idleTimeoutMs);
    }
}

void ConnectionGuard::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_state == State::Rejected) {
        drain();
        return;
    }
    // QHttpServer reads everything on each readyRead, so what is available now is new.
    const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
    if (!data.isEmpty() && consume(data.constData(), data.size()))
        armTimer();
}

bool ConnectionGuard::consume(const char *data, qint64 size)
{
    qint64 pos = 0;
    while (pos < size && m_state != State::Rejected) {
        if (m_state == State::Head) {
            if (!m_inRequest) {
                if (m_unanswered > 0) {
                    reject(
                        400, "pipelining_not_supported",
                        u"Send one request at a time: wait for each answer before the next request."_s);
                    return false;
                }
                m_inRequest = true;
                m_requestStartMs = m_clock.elapsed();
            }
            const qint64 before = m_head.size();
            m_head.append(data + pos, size - pos);
            const qsizetype end = m_head.indexOf("\r\n\r\n", std::max<qint64>(0, before - 3));
            if (end < 0) {
                if (m_head.size() > m_limits.maxHeaderBytes) {
                    reject(431, "headers_too_large",
                           u"The request headers are larger than %1 bytes."_s.arg(
                               m_limits.maxHeaderBytes));
                    return false;
                }
                return true;
            }
            const qint64 used = end + 4 - before;
            m_head.truncate(end + 4);
            if (m_head.size() > m_limits.maxHeaderBytes) {
                reject(431, "headers_too_large",
                       u"The request headers are larger than %1 bytes."_s.arg(
                           m_limits.maxHeaderBytes));
                return false;
            }
            pos += used;
            if (!parseHead())
                return false;
            m_head.clear();
            if (m_bodyLeft == 0) {
                m_inRequest = false;
                ++m_unanswered;
            } else {
                m_state = State::Body;
            }
        } else {
            const qint64 take = std::min(m_bodyLeft, size - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0) {
                m_state = State::Head;
                m_inRequest = false;
                ++m_unanswered;
            }
        }
    }
    return m_state != State::Rejected;
}

bool ConnectionGuard::parseHead()
{
    // Tolerate blank lines between requests, as RFC 9112 asks.
    while (m_head.startsWith("\r\n"))
        m_head.remove(0, 2);
    const QList<QByteArray> lines = m_head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !knownMethods().contains(requestLine.at(0)) ||
        !requestLine.at(1).startsWith('/') ||
        (requestLine.at(2) != "HTTP/1.1" && requestLine.at(2) != "HTTP/1.0")) {
        if (requestLine.size() == 3 && !knownMethods().contains(requestLine.at(0)) &&
            requestLine.at(2).startsWith("HTTP/1.")) {
            reject(405, "method_not_allowed",
                   u"The method %1 is not supported."_s.arg(
                       QString::fromLatin1(requestLine.at(0).left(20))));
            return false;
        }
        reject(400, "malformed_request", u"The request line is not valid HTTP/1.1."_s);
        return false;
    }
    RequestMeta meta;
    meta.head = requestLine.at(0) == "HEAD";
    meta.keepAlive = requestLine.at(2) == "HTTP/1.1";
    meta.startedMs = m_requestStartMs;
    qint64 contentLength = 0;
    bool haveLength = false;
    bool expectContinue = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            reject(400, "malformed_request", u"A request header line has no colon."_s);
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || (haveLength && n != contentLength)) {
                reject(400, "malformed_request", u"The Content-Length header is not valid."_s);
                return false;
            }
            contentLength = n;
            haveLength = true;
        } else if (name == "transfer-encoding") {
            reject(411, "length_required",
                   u"Chunked request bodies are not accepted; send a Content-Length."_s);
            return false;
        } else if (name == "connection") {
            const QByteArray v = value.toLower();
            if (v.contains("close"))
                meta.keepAlive = false;
            else if (v.contains("keep-alive"))
                meta.keepAlive = true;
        } else if (name == "expect") {
            if (value.toLower() != "100-continue") {
                reject(417, "expectation_failed",
                       u"Only \"Expect: 100-continue\" is understood."_s);
                return false;
            }
            expectContinue = true;
        }
    }
    if (contentLength > m_limits.maxBodyBytes) {
        reject(413, "payload_too_large",
               u"The request body is %1 bytes; the limit is %2 bytes."_s.arg(contentLength)
                   .arg(m_limits.maxBodyBytes));
        return false;
    }
    if (expectContinue && contentLength > 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_bodyLeft = contentLength;
    m_meta.enqueue(meta);
    return true;
}

void ConnectionGuard::responded()
{
    if (m_unanswered > 0)
        --m_unanswered;
}

void ConnectionGuard::reject(int status, const QByteArray &code, const QString &message)
{
    if (!m_socket || m_state == State::Rejected)
        return;
    m_state = State::Rejected;
    qCInfo(lcHttp) << "refused a request with" << status << code.constData();
    // From here on the bytes are ours: QHttpServer must not parse what follows.
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    m_socket->skip(m_socket->bytesAvailable());

    const ApiError error{status, QString::fromLatin1(code), message, {}};
    HttpResponse response = HttpResponse::error(error);
    m_socket->write(response.serialize(false, false));
    m_socket->flush();
    // Let the client finish sending so that it reads our answer instead of a reset, but
    // read no more than a bound, for no longer than a few seconds.
    auto *plain = qobject_cast<QSslSocket *>(m_socket.data()) ? nullptr : m_socket.data();
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this, plain] {
        if (plain && m_socket && m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    });
    m_timer.start(kDrainMs);
}

void ConnectionGuard::drain()
{
    const qint64 n = m_socket->skip(m_socket->bytesAvailable());
    if (n > 0)
        m_drained += n;
    if (m_drained > kMaxDrainBytes)
        m_socket->abort();
}

void ConnectionGuard::onTimeout()
{
    if (!m_socket)
        return;
    if (m_state == State::Rejected) {
        m_socket->abort();
        m_socket->deleteLater();
        return;
    }
    if (m_state == State::Body || !m_head.isEmpty()) {
        reject(408, "request_timeout", u"The request was not completed in time."_s);
        return;
    }
    m_socket->disconnectFromHost(); // an idle keep-alive connection
}

} // namespace ca
