#include "HttpConnection.h"

#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace ca::bench {

namespace {
constexpr int kAnswerTimeoutMs = 30000;
}

HttpConnection::HttpConnection(QString host, quint16 port, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_socket.abort();
        finish({0, {}, u"no answer within %1 s"_s.arg(kAnswerTimeoutMs / 1000)});
    });
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        // Small requests and answers: don't let Nagle's algorithm hold them back.
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_done)
            writeRequest();
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onClosed);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &HttpConnection::onClosed);
}

void HttpConnection::send(const QByteArray &method, const QByteArray &target,
                          const QByteArray &body, Done done)
{
    Q_ASSERT(!m_done); // one request at a time
    m_done = std::move(done);
    m_request = method + ' ' + target + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':' +
                QByteArray::number(m_port) + "\r\n";
    if (!m_bearer.isEmpty())
        m_request += "Authorization: Bearer " + m_bearer + "\r\n";
    if (!body.isEmpty())
        m_request += "Content-Type: application/json\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        m_request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    m_request += "\r\n" + body;

    m_buffer.clear();
    m_status = 0;
    m_bodyStart = -1;
    m_contentLength = -1;
    m_chunked = false;
    m_close = false;
    m_body.clear();
    m_timeout.start(kAnswerTimeoutMs);
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        writeRequest();
    else if (m_socket.state() == QAbstractSocket::UnconnectedState)
        m_socket.connectToHost(m_host, m_port);
}

HttpConnection::Response HttpConnection::sendAndWait(const QByteArray &method,
                                                     const QByteArray &target,
                                                     const QByteArray &body)
{
    Response result;
    QEventLoop loop;
    send(method, target, body, [&](const Response &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

void HttpConnection::writeRequest()
{
    m_socket.write(m_request);
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (m_done && parseAnswer())
        finish({m_status, m_body, {}});
}

void HttpConnection::onClosed()
{
    if (!m_done)
        return; // an idle connection closed by the service: the next send reconnects
    m_buffer += m_socket.readAll();
    if (parseAnswer())
        return finish({m_status, m_body, {}});
    if (m_bodyStart >= 0 && !m_chunked && m_contentLength < 0) { // body ends with the connection
        m_body = m_buffer.mid(m_bodyStart);
        return finish({m_status, m_body, {}});
    }
    const QString why = m_socket.error() == QAbstractSocket::UnknownSocketError
                            ? u"the connection closed"_s
                            : m_socket.errorString();
    m_socket.abort();
    finish({0, {}, why + u" before the answer was complete"_s});
}

bool HttpConnection::parseAnswer()
{
    if (m_bodyStart < 0 && !parseHead())
        return false;
    if (m_status == 204 || m_status == 304 || (m_status >= 100 && m_status < 200))
        return true;
    if (m_chunked)
        return parseChunked();
    if (m_contentLength < 0)
        return false; // until the connection closes
    if (m_buffer.size() - m_bodyStart < m_contentLength)
        return false;
    m_body = m_buffer.mid(m_bodyStart, m_contentLength);
    return true;
}

bool HttpConnection::parseHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    m_status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed().toLower();
        if (name == "content-length")
            m_contentLength = value.toLongLong();
        else if (name == "transfer-encoding")
            m_chunked = value.contains("chunked");
        else if (name == "connection")
            m_close = value.contains("close");
    }
    m_bodyStart = end + 4;
    return true;
}

bool HttpConnection::parseChunked()
{
    QByteArray body;
    qsizetype pos = m_bodyStart;
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        bool ok = false;
        const qint64 size =
            m_buffer.mid(pos, lineEnd - pos).split(';').value(0).toLongLong(&ok, 16);
        if (!ok)
            return true; // malformed: answer with what there is; the caller sees a bad body
        pos = lineEnd + 2;
        if (size == 0) {
            if (m_buffer.indexOf("\r\n", pos) < 0)
                return false; // the (empty) trailer is not there yet
            m_body = body;
            return true;
        }
        if (m_buffer.size() < pos + size + 2)
            return false;
        body += m_buffer.mid(pos, size);
        pos += size + 2;
    }
}

void HttpConnection::finish(const Response &response)
{
    if (!m_done)
        return;
    m_timeout.stop();
    const Done done = std::move(m_done);
    m_done = nullptr;
    if (m_close && m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.disconnectFromHost();
    done(response);
}

} // namespace ca::bench
