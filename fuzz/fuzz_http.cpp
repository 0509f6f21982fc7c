// Fuzz target: one client connection to the service's HTTP endpoint (HttpServer, its
// ConnectionGuard and RequestFraming) over a socket pair. The input is what the client sends;
// two NUL bytes in a row split it into writes, each sent once the server has done all it
// will with the one before. Whatever the bytes, the client receives a sequence of well-formed
// answers: exactly one per request the server took, or those and then one refusal that
// closes the connection; never a 5xx, nothing after "Connection: close". Every complete
// request in RFC 9112's strict form at the start of the stream is answered, in order, with
// what was sent — or the connection is refused with one error answer.
#include "FuzzSupport.h"
#include "HttpAnswers.h"
#include "SocketPairEndpoint.h"
#include "StrictRequests.h"

using namespace ca;
using namespace ca::fuzz;

namespace {

// Small limits, so that inputs of a few KiB reach 413 and 431.
HttpLimits limits()
{
    HttpLimits l;
    l.maxBodyBytes = 2048;
    l.maxHeaderBytes = 1024;
    return l; // the timeouts stay long: no timer fires during an input
}

SocketPairEndpoint *g_endpoint = nullptr;

// What was sent and received, for a report (built only when an invariant breaks).
struct Context
{
    const QByteArray &input;
    const SocketPairEndpoint::Exchange &exchange;
    QByteArray operator()() const
    {
        return "-- sent:\n" + input + "\n-- received:\n" + exchange.received;
    }
};

void checkAnswers(const QList<HttpAnswer> &answers, int taken, const Context &context)
{
    check(answers.size() == taken || answers.size() == taken + 1,
          "answers are not one per request taken (and at most one refusal)", context);
    for (qsizetype k = 0; k < answers.size(); ++k) {
        const HttpAnswer &a = answers.at(k);
        check(a.status >= 200 && a.status < 500, "a final answer outside 2xx-4xx", context);
        check(!a.close || k == answers.size() - 1, "an answer after Connection: close", context);
    }
    if (answers.size() == taken + 1)
        check(answers.last().close && answers.last().status >= 400,
              "a refusal that leaves the connection open", context);
}

void checkStrict(const QList<StrictRequest> &strict, const QList<HttpAnswer> &answers,
                 const QList<bool> &headOnly, const Context &context)
{
    const qsizetype taken = headOnly.size();
    for (qsizetype k = 0; k < std::min(taken, strict.size()); ++k) {
        const StrictRequest &s = strict.at(k);
        const HttpAnswer &a = answers.at(k);
        check(a.status == 200, "a strict request was not answered 200", context);
        check(headOnly.at(k) == (s.method == "HEAD"), "a strict request was taken as another",
              context);
        if (s.method != "HEAD")
            check(a.body == SocketPairEndpoint::echo(s.method, s.target, s.body),
                  "a strict request was read as another", context);
    }
    if (taken < strict.size())
        check(answers.size() == taken + 1,
              "a complete request got no answer and the connection was not refused", context);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    quietQt();
    application();
    g_endpoint = new SocketPairEndpoint(limits()); // lives as long as the process
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = bytes(data, size);
    QList<QByteArray> chunks;
    QByteArray stream;
    for (qsizetype from = 0;;) {
        const qsizetype at = input.indexOf(QByteArrayView("\0\0", 2), from);
        chunks.append(input.mid(from, at < 0 ? -1 : at - from));
        stream += chunks.last();
        if (at < 0)
            break;
        from = at + 2;
    }
    const SocketPairEndpoint::Exchange exchange = g_endpoint->run(chunks);
    const Context context{input, exchange};
    check(exchange.settled, "the server never settled", context);

    const HttpAnswers parsed = parseAnswers(exchange.received, exchange.headOnly);
    check(parsed.error.isEmpty(), "the client did not receive a sequence of HTTP answers",
          [&]() -> QByteArray { return context() + "\n-- " + parsed.error; });
    checkAnswers(parsed.answers, int(exchange.headOnly.size()), context);
    if (!parsed.answers.isEmpty() && parsed.answers.last().close)
        check(exchange.closed, "the connection stays open after Connection: close", context);
    if (exchange.closed)
        check(!parsed.answers.isEmpty() && parsed.answers.last().close,
              "the server closed the connection without an answer saying so", context);

    const HttpLimits l = limits();
    checkStrict(strictRequests(stream, l.maxHeaderBytes - 64, l.maxBodyBytes), parsed.answers,
                exchange.headOnly, context);
    return 0;
}
