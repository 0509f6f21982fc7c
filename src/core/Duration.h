// Token lifetimes as op accepts them: s/m/h/d/w units, combined ("1w2d", "90m", "30d").
#pragma once

#include <QString>
#include <optional>

namespace ca {

struct DurationParse
{
    std::optional<qint64> seconds; // set on success
    QString error;                 // a sentence for the user on failure
};

// The longest lifetime accepted; longer values are refused rather than wrapped.
inline constexpr qint64 kMaxDurationSeconds = qint64(100) * 366 * 24 * 3600;

// Parses e.g. "30d", "1w2d", "90m", "3600s". Empty text, a missing or unknown unit, a
// fraction, zero and anything beyond kMaxDurationSeconds are errors, never a default.
DurationParse parseDuration(QStringView text);

// An overlap: how long an old token or credentials file stays valid beside its replacement.
// As parseDuration, but zero ("0", "0s", "0h", ...) is allowed and means "at once".
DurationParse parseOverlap(QStringView text);

// The shortest "1w2d3h"-style spelling of a positive number of seconds.
QString formatDuration(qint64 seconds);

} // namespace ca
