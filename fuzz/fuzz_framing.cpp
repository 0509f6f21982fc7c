// Fuzz target: request framing alone (service/http/RequestFraming), fast. The same bytes are
// framed in one piece, one byte at a time, and split at two places the input picks: TCP may
// deliver them any way, so every way must find the same requests (same heads, same ends)
// and refuse the same way. Every head it completes is one the rest of the service can take:
// a known method, an origin-form target of visible ASCII, token field names, within the limit.
#include "FuzzSupport.h"
#include "service/http/RequestFraming.h"

using namespace ca;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

namespace {

constexpr qint64 kMaxHead = 1024;
constexpr qint64 kMaxBody = 4096;

bool isToken(const QByteArray &text)
{
    static constexpr QByteArrayView other("!#$%&'*+-.^_`|~");
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               other.contains(c);
    });
}

// The body length the ConnectionGuard would set, or -1 where it refuses the head.
qint64 bodyLength(const RequestHead &head)
{
    const QList<QByteArray> lengths = head.values("content-length");
    if (lengths.isEmpty())
        return 0;
    bool ok = false;
    const qint64 n = lengths.first().toLongLong(&ok);
    const bool digits = std::all_of(lengths.first().cbegin(), lengths.first().cend(),
                                    [](char c) { return c >= '0' && c <= '9'; });
    return ok && digits && n <= kMaxBody ? n : -1;
}

void checkHead(const RequestHead &head, const QByteArray &input)
{
    static const QList<QByteArray> methods{"GET",   "HEAD",   "POST",   "PUT",
                                           "PATCH", "DELETE", "OPTIONS"};
    fuzz::check(methods.contains(head.method), "a framed request has an unknown method", input);
    fuzz::check(head.target.startsWith('/') &&
                    std::all_of(head.target.cbegin(), head.target.cend(),
                                [](char c) { return c > 0x20 && c < 0x7f; }),
                "a framed target is not origin-form visible ASCII", input);
    fuzz::check(head.bytes <= kMaxHead, "a framed head is over the limit", input);
    for (const auto &field : head.fields)
        fuzz::check(isToken(field.first) && !field.second.contains('\n'),
                    "a framed header field is not a token with a one-line value", input);
}

// What happened where, as a line of text to compare between the ways of splitting.
QByteArray frame(const QByteArray &input, const QList<qsizetype> &cuts)
{
    RequestFraming framing(kMaxHead);
    QByteArray trace;
    qsizetype offset = 0; // of the current piece in input
    for (qsizetype end : cuts) {
        const char *piece = input.constData() + offset;
        const qint64 size = end - offset;
        qint64 pos = 0;
        bool again = false; // after a head: a request without a body ends there, bytes or not
        for (int guard = 0; pos < size || again; ++guard) {
            fuzz::check(guard < 4 * (size + 2), "framing makes no progress", input);
            again = false;
            const RequestFraming::Step step = framing.step(piece + pos, size - pos);
            fuzz::check(step.consumed >= 0 && step.consumed <= size - pos,
                        "framing consumed bytes it was not given", input);
            pos += step.consumed;
            const qint64 at = offset + pos;
            switch (step.kind) {
            case RequestFraming::Step::NeedMore:
                fuzz::check(pos == size, "framing wants more before the piece is used up", input);
                break;
            case RequestFraming::Step::RequestStarted:
                fuzz::check(framing.inRequest(), "a request started but is not in progress", input);
                trace += "start@" + QByteArray::number(at) + ' ';
                break;
            case RequestFraming::Step::HeadComplete: {
                checkHead(framing.head(), input);
                const qint64 length = bodyLength(framing.head());
                trace += "head@" + QByteArray::number(at) + ':' + framing.head().method + ' ' +
                         framing.head().target + ' ' + QByteArray::number(length) + ' ';
                if (length < 0)
                    return trace; // the guard answers 400 or 413 here
                framing.setBodyLength(length);
                again = true;
                break;
            }
            case RequestFraming::Step::RequestComplete:
                fuzz::check(!framing.inRequest(), "a request ended but is still in progress",
                            input);
                trace += "end@" + QByteArray::number(at) + ' ';
                break;
            case RequestFraming::Step::Refused:
                return trace + "refused:" + QByteArray::number(framing.error().status) + ' ' +
                       framing.error().code;
            }
        }
        offset = end;
    }
    return trace + (framing.inRequest() ? "partial" : "idle");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype n = input.size();
    const QByteArray whole = frame(input, {n});

    QList<qsizetype> bytewise;
    for (qsizetype i = 1; i <= n; ++i)
        bytewise.append(i);
    const QByteArray byByte = frame(input, bytewise);
    fuzz::check(
        byByte == whole, "framing byte by byte differs from framing in one piece",
        [&]() -> QByteArray { return input + "\n-- whole: " + whole + "\n-- bytes: " + byByte; });

    if (n >= 2) {
        qsizetype a = qsizetype(uint8_t(input.at(0))) * n / 256;
        qsizetype b = qsizetype(uint8_t(input.at(n - 1))) * n / 256;
        if (a > b)
            std::swap(a, b);
        const QByteArray split = frame(input, {a, b, n});
        fuzz::check(split == whole, "framing in three pieces differs from framing in one",
                    [&]() -> QByteArray {
                        return input + "\n-- whole: " + whole + "\n-- split: " + split;
                    });
    }
    return 0;
}
