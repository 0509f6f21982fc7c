// The requests at the start of a byte stream that every HTTP/1.1 server frames alike: the
// strict form of RFC 9112 (CRLF line ends, a known method, a plain origin-form target,
// "HTTP/1.1", token field names with visible values, at most one Content-Length and no
// Transfer-Encoding, Connection, Expect or Upgrade). The HTTP fuzz target holds the endpoint
// to answering each of these exactly as sent; what follows the first byte outside this form
// it only holds to the rules every input is held to.
#pragma once

#include <QByteArray>
#include <QList>

namespace ca::fuzz {

struct StrictRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray body;
};

// The complete strict requests at the start of stream, in order; heads are kept under
// maxHead bytes and bodies at most maxBody bytes.
QList<StrictRequest> strictRequests(const QByteArray &stream, qsizetype maxHead, qsizetype maxBody);

} // namespace ca::fuzz
