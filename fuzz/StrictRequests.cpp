#include "StrictRequests.h"

#include <algorithm>
#include <optional>

namespace ca::fuzz {

namespace {

bool isTokenChar(char c)
{
    static constexpr QByteArrayView other("!#$%&'*+-.^_`|~");
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           other.contains(c);
}

bool isPlainChar(char c) // of a path segment or the query value: nothing any URL code rewrites
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '~';
}

// "/", or "/seg" up to four segments, optionally "?q=value".
bool isPlainTarget(QByteArrayView target)
{
    QByteArrayView path = target;
    if (const qsizetype q = target.indexOf('?'); q >= 0) {
        const QByteArrayView query = target.sliced(q + 1);
        if (!query.startsWith("q=") || !std::all_of(query.begin() + 2, query.end(), isPlainChar))
            return false;
        path = target.first(q);
    }
    if (path == "/")
        return true;
    const QList<QByteArray> segments = path.toByteArray().split('/');
    if (segments.size() < 2 || segments.size() > 5 || !segments.first().isEmpty())
        return false;
    return std::all_of(segments.cbegin() + 1, segments.cend(), [](const QByteArray &s) {
        return !s.isEmpty() && std::all_of(s.cbegin(), s.cend(), isPlainChar);
    });
}

bool isFieldValue(QByteArrayView value)
{
    return std::all_of(value.begin(), value.end(),
                       [](char c) { return c == '\t' || (c >= 0x20 && c < 0x7f); });
}

// One strict request at stream[pos...]; its end in *next.
std::optional<StrictRequest> strictRequestAt(const QByteArray &stream, qsizetype pos,
                                             qsizetype maxHead, qsizetype maxBody, qsizetype *next)
{
    static const QList<QByteArray> methods{"GET",   "HEAD",   "POST",   "PUT",
                                           "PATCH", "DELETE", "OPTIONS"};
    static const QList<QByteArray> excluded{"transfer-encoding", "connection", "expect", "upgrade"};
    qsizetype eol = stream.indexOf("\r\n", pos);
    if (eol < 0)
        return std::nullopt;
    const QList<QByteArray> line = stream.sliced(pos, eol - pos).split(' ');
    if (line.size() != 3 || !methods.contains(line.at(0)) || !isPlainTarget(line.at(1)) ||
        line.at(2) != "HTTP/1.1")
        return std::nullopt;
    StrictRequest request{line.at(0), line.at(1), {}};
    qsizetype length = -1;
    int fields = 0;
    for (qsizetype at = eol + 2;; at = eol + 2) {
        eol = stream.indexOf("\r\n", at);
        if (eol < 0 || eol + 2 - pos > maxHead)
            return std::nullopt;
        if (eol == at) // the blank line
            break;
        const QByteArrayView field = QByteArrayView(stream).sliced(at, eol - at);
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0 || ++fields > 50 ||
            !std::all_of(field.begin(), field.begin() + colon, isTokenChar))
            return std::nullopt;
        const QByteArray name = field.first(colon).toByteArray().toLower();
        const QByteArrayView raw = field.sliced(colon + 1); // no bare CR or LF in it
        if (excluded.contains(name) || !isFieldValue(raw))
            return std::nullopt;
        const QByteArrayView value = raw.trimmed(); // only spaces and tabs are left to trim
        if (name == "content-length") {
            if (length >= 0 || value.isEmpty() || value.size() > 7 ||
                !std::all_of(value.begin(), value.end(),
                             [](char c) { return c >= '0' && c <= '9'; }))
                return std::nullopt;
            length = value.toByteArray().toLongLong();
            if (length > maxBody)
                return std::nullopt;
        }
    }
    const qsizetype bodyStart = eol + 2;
    length = std::max<qsizetype>(length, 0);
    if (stream.size() - bodyStart < length)
        return std::nullopt;
    request.body = stream.sliced(bodyStart, length);
    *next = bodyStart + length;
    return request;
}

} // namespace

QList<StrictRequest> strictRequests(const QByteArray &stream, qsizetype maxHead, qsizetype maxBody)
{
    QList<StrictRequest> out;
    qsizetype pos = 0;
    while (pos < stream.size()) {
        qsizetype next = 0;
        const std::optional<StrictRequest> request =
            strictRequestAt(stream, pos, maxHead, maxBody, &next);
        if (!request)
            break;
        out.append(*request);
        pos = next;
    }
    return out;
}

} // namespace ca::fuzz
