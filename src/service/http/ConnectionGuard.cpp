#include "service/http/ConnectionGuard.h"

#include "core/ApiError.h"
#include "core/Logging.h"
#include "service/http/HttpResponse.h"

#include <QSslSocket>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace ca {

namespace {
constexpr qint64 kMaxDrainBytes = 64 * 1024 * 1024;
constexpr int kDrainMs = 3000;
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits,
                                 RequestHandler onRequest)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_onRequest(std::move(onRequest))
    , m_framing(limits.maxHeaderBytes)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    armTimer();
}

void ConnectionGuard::armTimer()
{
    if (m_rejected)
        return;
    if (m_framing.inRequest()) {
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
    if (m_rejected) {
        drain();
        return;
    }
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty() || !consume(data.constData(), data.size()))
        return;
    armTimer();
    // Handed over once everything read with it is framed: a request that begins before the
    // one before it was answered is refused, and then neither is answered (so there is at most
    // one here).
    if (const std::optional<RequestMeta> complete = std::exchange(m_complete, std::nullopt))
        m_onRequest(this, *complete);
}

bool ConnectionGuard::consume(const char *data, qint64 size)
{
    qint64 pos = 0;
    bool headJustEnded = false;
    while ((pos < size || headJustEnded) && !m_rejected) {
        headJustEnded = false;
        const bool body = m_framing.inBody();
        const RequestFraming::Step step = m_framing.step(data + pos, size - pos);
        if (body)
            m_request.body.append(data + pos, step.consumed);
        pos += step.consumed;
        switch (step.kind) {
        case RequestFraming::Step::NeedMore:
            break;
        case RequestFraming::Step::RequestStarted:
            if (m_unanswered > 0) {
                reject(
                    400, "pipelining_not_supported",
                    u"Send one request at a time: wait for each answer before the next request."_s);
                return false;
            }
            m_requestStartMs = m_clock.elapsed();
            break;
        case RequestFraming::Step::HeadComplete:
            if (!acceptHead())
                return false;
            headJustEnded = true; // a request without a body ends here, bytes or not
            break;
        case RequestFraming::Step::RequestComplete:
            ++m_unanswered;
            m_complete = std::exchange(m_request, {});
            break;
        case RequestFraming::Step::Refused:
            reject(m_framing.error().status, m_framing.error().code, m_framing.error().message);
            return false;
        }
    }
    return !m_rejected;
}

// The head as framed: what it asks for must be something this service answers.
bool ConnectionGuard::acceptHead()
{
    const RequestHead &head = m_framing.head();
    RequestMeta meta;
    meta.head = head.method == "HEAD";
    meta.keepAlive = head.http11;
    meta.startedMs = m_requestStartMs;
    meta.method = head.method;
    meta.target = head.target;
    meta.fields = head.fields;
    // Digits only, and every copy the same: Qt reads the first copy leniently ("+5", " 5").
    const QList<QByteArray> lengths = head.values("content-length");
    for (const QByteArray &v : lengths) {
        const bool digits =
            !v.isEmpty() && v.size() <= 18 &&
            std::all_of(v.cbegin(), v.cend(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || v.toLongLong() != lengths.first().toLongLong()) {
            reject(400, "malformed_request", u"The Content-Length header is not valid."_s);
            return false;
        }
    }
    meta.bodyLength = lengths.isEmpty() ? 0 : lengths.first().toLongLong();
    if (!head.values("transfer-encoding").isEmpty()) {
        reject(411, "length_required",
               u"Chunked request bodies are not accepted; send a Content-Length."_s);
        return false;
    }
    for (const QByteArray &v : head.values("upgrade")) {
        if (v.compare("websocket", Qt::CaseInsensitive) == 0) {
            reject(400, "upgrade_not_supported", u"This service offers no WebSocket."_s);
            return false;
        }
    }
    for (const QByteArray &v : head.values("connection")) {
        const QByteArray lower = v.toLower();
        if (lower.contains("close"))
            meta.keepAlive = false;
        else if (lower.contains("keep-alive"))
            meta.keepAlive = true;
    }
    bool expectContinue = false;
    for (const QByteArray &v : head.values("expect")) {
        if (v.toLower() != "100-continue") {
            reject(417, "expectation_failed", u"Only \"Expect: 100-continue\" is understood."_s);
            return false;
        }
        expectContinue = true;
    }
    if (meta.bodyLength > m_limits.maxBodyBytes) {
        reject(413, "payload_too_large",
               u"The request body is %1 bytes; the limit is %2 bytes."_s.arg(meta.bodyLength)
                   .arg(m_limits.maxBodyBytes));
        return false;
    }
    if (expectContinue && meta.bodyLength > 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_framing.setBodyLength(meta.bodyLength);
    m_request = std::move(meta); // its body grows as it arrives, not by what it declared
    return true;
}

void ConnectionGuard::responded()
{
    if (m_unanswered > 0)
        --m_unanswered;
}

void ConnectionGuard::closeAfterAnswer()
{
    if (m_socket)
        m_socket->disconnectFromHost();
}

void ConnectionGuard::reject(int status, const QByteArray &code, const QString &message)
{
    if (!m_socket || m_rejected)
        return;
    m_rejected = true;
    qCInfo(lcHttp) << "refused a request with" << status << code.constData();
    m_complete.reset();
    m_socket->skip(m_socket->bytesAvailable());

    const ApiError error{status, QString::fromLatin1(code), message, {}};
    HttpResponse response = HttpResponse::error(error);
    // Let the client finish sending so that it reads our answer instead of a reset, but
    // read no more than a bound, for no longer than a few seconds. The write side is shut
    // once the answer is out (connected before flush(), which may write it all at once), so
    // the client sees the end of the stream right after it.
    auto *plain = qobject_cast<QSslSocket *>(m_socket.data()) ? nullptr : m_socket.data();
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this, plain] {
        if (plain && m_socket && m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    });
    m_socket->write(response.serialize(false, false));
    m_socket->flush();
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
    if (m_rejected) {
        m_socket->abort();
        m_socket->deleteLater();
        return;
    }
    if (m_framing.inRequest()) {
        reject(408, "request_timeout", u"The request was not completed in time."_s);
        return;
    }
    m_socket->disconnectFromHost(); // an idle keep-alive connection
}

} // namespace ca
