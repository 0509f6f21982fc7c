#include "service/http/RequestFraming.h"

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

const QList<QByteArray> &knownMethods()
{
    static const QList<QByteArray> m{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return m;
}

// What Qt skips before a request line (it skips these, not only CRLF).
bool isLeadingSpace(char c)
{
    return c == '\v' || c == '\n' || c == '\r' || c == ' ' || c == '\t';
}

bool isTokenChar(char c)
{
    static constexpr QByteArrayView other("!#$%&'*+-.^_`|~");
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           other.contains(c);
}

bool startsWithSpace(QByteArrayView v)
{
    return v.startsWith(' ') || v.startsWith('\t');
}

constexpr int kMaxFields = 100; // Qt 6.4 drops all headers beyond this many

} // namespace

QList<QByteArray> RequestHead::values(const QByteArray &name) const
{
    QList<QByteArray> out;
    for (const auto &f : fields) {
        if (f.first.compare(name, Qt::CaseInsensitive) == 0)
            out.append(f.second);
    }
    return out;
}

RequestFraming::RequestFraming(qint64 maxHeadBytes)
    : m_maxHeadBytes(maxHeadBytes)
{}

RequestFraming::Step RequestFraming::fail(int status, const char *code, const QString &message,
                                          qint64 consumed)
{
    m_state = State::Failed;
    m_error = Error{status, QByteArray(code), message};
    return Step{Step::Refused, consumed};
}

bool RequestFraming::parseFields(QByteArray block, QList<QPair<QByteArray, QByteArray>> *fields)
{
    if (startsWithSpace(block) || (!block.isEmpty() && !block.endsWith('\n')))
        return false;
    while (int tail = block.endsWith("\n\r\n") ? 2 : block.endsWith("\n\n") ? 1 : 0)
        block.chop(tail);
    QList<QPair<QByteArray, QByteArray>> result;
    QByteArrayView rest(block);
    while (!rest.isEmpty()) {
        const qsizetype colon = rest.indexOf(':');
        if (colon < 0)
            return result.isEmpty() && (rest == "\n" || rest == "\r\n");
        if (result.size() >= kMaxFields)
            return false;
        const QByteArrayView name = rest.first(colon);
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isTokenChar))
            return false;
        rest = rest.sliced(colon + 1);
        QByteArray value;
        do { // a value and its obsolete continuation lines (starting with a space or tab)
            const qsizetype end = rest.indexOf('\n');
            if (end < 0)
                return false;
            const QByteArrayView line = rest.first(end).trimmed();
            if (!line.isEmpty())
                value += value.isEmpty() ? line.toByteArray() : ' ' + line.toByteArray();
            rest = rest.sliced(end + 1);
        } while (startsWithSpace(rest));
        result.append({name.toByteArray(), value});
    }
    *fields = result;
    return true;
}

// Qt reads "METHOD SP+ TARGET SP+ HTTP/x.y" loosely; this accepts only the strict form of
// it (so whatever passes here, Qt reads the same way) and refuses the rest.
bool RequestFraming::parseRequestLine(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || !parts.at(1).startsWith('/'))
        return false;
    for (const char c : parts.at(1)) {
        if (c <= 0x20 || c >= 0x7f)
            return false;
    }
    if (parts.at(2) != "HTTP/1.1" && parts.at(2) != "HTTP/1.0")
        return false;
    m_head.method = parts.at(0);
    m_head.target = parts.at(1);
    m_head.http11 = parts.at(2) == "HTTP/1.1";
    return std::all_of(m_head.method.cbegin(), m_head.method.cend(), isTokenChar);
}

RequestFraming::Step RequestFraming::step(const char *data, qint64 size)
{
    qint64 pos = 0;
    while (pos < size) {
        switch (m_state) {
        case State::Failed:
            return Step{Step::Refused, pos};
        case State::Idle:
            if (isLeadingSpace(data[pos])) {
                ++pos;
                continue;
            }
            m_state = State::RequestLine;
            m_head = RequestHead{};
            m_fragment.clear();
            return Step{Step::RequestStarted, pos};
        case State::RequestLine:
        case State::Headers: {
            // Up to and including the next line end, or all there is; no further than one
            // byte past the limit (the byte that is refused).
            const auto *newline =
                static_cast<const char *>(std::memchr(data + pos, '\n', size_t(size - pos)));
            const qint64 upTo = newline ? newline - (data + pos) + 1 : size - pos;
            const qint64 take = std::min(upTo, m_maxHeadBytes - m_head.bytes + 1);
            m_fragment.append(data + pos, take);
            pos += take;
            m_head.bytes += take;
            if (m_head.bytes > m_maxHeadBytes)
                return fail(
                    431, "headers_too_large",
                    u"The request line and headers are larger than %1 bytes."_s.arg(m_maxHeadBytes),
                    pos);
            if (!newline)
                continue;
            if (m_state == State::RequestLine) {
                const QByteArray line = m_fragment.chopped(1);
                m_fragment.clear();
                if (!parseRequestLine(line)) {
                    const QList<QByteArray> parts = line.trimmed().split(' ');
                    if (parts.size() == 3 && parts.at(2).startsWith("HTTP/1.") &&
                        parts.at(1).startsWith('/') && !knownMethods().contains(parts.at(0)))
                        return fail(405, "method_not_allowed",
                                    u"The method %1 is not supported."_s.arg(
                                        QString::fromLatin1(parts.at(0).left(20))),
                                    pos);
                    return fail(400, "malformed_request",
                                u"The request line is not valid HTTP/1.1."_s, pos);
                }
                if (!knownMethods().contains(m_head.method))
                    return fail(405, "method_not_allowed",
                                u"The method %1 is not supported."_s.arg(
                                    QString::fromLatin1(m_head.method.left(20))),
                                pos);
                m_state = State::Headers;
                continue;
            }
            // Where Qt ends the header block: "\n\n" or "\n\r\n", or nothing but a line end.
            const bool end = m_fragment.endsWith("\n\r\n") || m_fragment.endsWith("\n\n") ||
                             m_fragment == "\r\n" || m_fragment == "\n";
            if (!end)
                continue;
            const bool valid = parseFields(m_fragment, &m_head.fields);
            m_fragment.clear();
            if (!valid)
                return fail(400, "malformed_request",
                            u"The request headers are not valid HTTP/1.1 header fields."_s, pos);
            m_state = State::Body;
            m_bodyLeft = 0;
            return Step{Step::HeadComplete, pos};
        }
        case State::Body: {
            const qint64 take = std::min(m_bodyLeft, size - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0) {
                m_state = State::Idle;
                return Step{Step::RequestComplete, pos};
            }
            break;
        }
        }
    }
    // A request without a body ends with its head, with no bytes after it.
    if (m_state == State::Body && m_bodyLeft == 0) {
        m_state = State::Idle;
        return Step{Step::RequestComplete, pos};
    }
    return Step{Step::NeedMore, pos};
}

} // namespace ca
