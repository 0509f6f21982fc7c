// Finds where each HTTP request on a connection begins and ends, by the rules of Qt HttpServer
// 6.4's parser (QHttpServerRequestPrivate::parse with QHttpHeaderParser), which the service
// parsed with until it framed requests itself (README.md here): like Qt it accepts bare LF
// line endings, skips blank lines and other whitespace before a request line, and ends the
// headers at the first "\n\n" or "\n\r\n"; where Qt would refuse a request line or silently
// drop the whole header block, this refuses the request, so the guard can answer 400.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ca {

struct RequestHead
{
    QByteArray method;
    QByteArray target;                           // as sent: origin-form, visible ASCII
    bool http11 = true;                          // HTTP/1.1, else HTTP/1.0
    QList<QPair<QByteArray, QByteArray>> fields; // names as sent, values trimmed, folded
    qint64 bytes = 0; // request line and headers, the blank line included

    QList<QByteArray> values(const QByteArray &name) const; // case-insensitive
};

class RequestFraming
{
public:
    explicit RequestFraming(qint64 maxHeadBytes);

    struct Step
    {
        enum Kind {
            NeedMore,        // every byte given was consumed
            RequestStarted,  // the first byte of a request line is next (not consumed)
            HeadComplete,    // head() holds the request line and headers; say bodyLength()
            RequestComplete, // the body (if any) ended
            Refused,         // error() says why; the connection can't be framed any more
        } kind = NeedMore;
        qint64 consumed = 0;
    };
    // Consumes bytes until something happens. After HeadComplete, call setBodyLength().
    Step step(const char *data, qint64 size);
    void setBodyLength(qint64 length) { m_bodyLeft = length; }

    const RequestHead &head() const { return m_head; }
    struct Error
    {
        int status = 400;
        QByteArray code;
        QString message;
    };
    const Error &error() const { return m_error; }
    // A request has begun (a byte other than whitespace) and has not ended.
    bool inRequest() const { return m_state != State::Idle && m_state != State::Failed; }
    // Between HeadComplete and RequestComplete: the next bytes consumed are the body.
    bool inBody() const { return m_state == State::Body; }

    // Qt 6.4's QHttpHeaderParser::parseHeaders rules; false where Qt drops every header.
    static bool parseFields(QByteArray block, QList<QPair<QByteArray, QByteArray>> *fields);

private:
    enum class State { Idle, RequestLine, Headers, Body, Failed };
    Step fail(int status, const char *code, const QString &message, qint64 consumed);
    bool parseRequestLine(QByteArray line);

    qint64 m_maxHeadBytes;
    State m_state = State::Idle;
    QByteArray m_fragment;
    RequestHead m_head;
    qint64 m_bodyLeft = 0;
    Error m_error;
};

} // namespace ca
