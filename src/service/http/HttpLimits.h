// The limits every connection of the service's HTTP endpoint is held to.
#pragma once

#include <QtGlobal>

namespace ca {

struct HttpLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 16 * 1024; // request line and headers
    int idleTimeoutMs = 30000;      // no bytes at all on an idle connection
    int requestTimeoutMs = 30000;   // from a request's first byte to its last
};

} // namespace ca
