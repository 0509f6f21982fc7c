// Fuzz target: token lifetimes (core/Duration). Whatever the text, parseDuration answers a
// positive number of seconds within the limit or a sentence, never both; and what it accepts,
// formatDuration spells so that it parses back to the same number.
#include "FuzzSupport.h"
#include "core/Duration.h"

#include <cstring>

using namespace ca;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

namespace {

void checkRoundTrip(qint64 seconds, const QByteArray &input)
{
    const QString spelled = formatDuration(seconds);
    const DurationParse again = parseDuration(spelled);
    fuzz::check(again.seconds == seconds, "formatDuration does not parse back to its seconds",
                [&]() -> QByteArray { return input + " -> " + spelled.toUtf8(); });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    // As UTF-8 (what a user types) and as raw UTF-16 (any QStringView, lone surrogates too).
    const QString texts[] = {
        QString::fromUtf8(input),
        QString(reinterpret_cast<const QChar *>(input.constData()), input.size() / 2)};
    for (const QString &text : texts) {
        const DurationParse parsed = parseDuration(text);
        fuzz::check(parsed.seconds.has_value() == parsed.error.isEmpty(),
                    "a duration is either seconds or an error", input);
        if (!parsed.seconds)
            continue;
        fuzz::check(*parsed.seconds > 0 && *parsed.seconds <= kMaxDurationSeconds,
                    "an accepted duration is outside (0, 100 years]", input);
        checkRoundTrip(*parsed.seconds, input);
    }
    // Any number of seconds within the limit survives formatting and parsing.
    if (size >= sizeof(qint64)) {
        qint64 raw = 0;
        std::memcpy(&raw, data, sizeof raw);
        const qint64 seconds = qint64(quint64(raw) % quint64(kMaxDurationSeconds)) + 1;
        checkRoundTrip(seconds, input);
    }
    return 0;
}
