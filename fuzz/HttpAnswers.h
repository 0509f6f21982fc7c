// Reads what a client received from the service's HTTP endpoint as a sequence of HTTP/1.1
// answers, the way a client would: status line, headers, a body of Content-Length bytes
// (none for 204, for interim 100 answers, and for answers to HEAD).
#pragma once

#include <QByteArray>
#include <QList>

namespace ca::fuzz {

struct HttpAnswer
{
    int status = 0;
    bool close = false; // "Connection: close"
    QByteArray body;
    QByteArray code; // the "code" of an error body
};

struct HttpAnswers
{
    QList<HttpAnswer> answers; // final answers in order; interim 100 Continue left out
    QByteArray error;          // why the bytes are not a sequence of answers; empty if they are
};

// headOnly[k]: the k-th final answer answers a HEAD request (it has no body).
HttpAnswers parseAnswers(const QByteArray &bytes, const QList<bool> &headOnly);

} // namespace ca::fuzz
