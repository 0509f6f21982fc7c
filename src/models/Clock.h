// The time models compare expiry against; tests move it instead of sleeping.
#pragma once

#include <QDateTime>
#include <functional>

namespace ca {

using Clock = std::function<QDateTime()>;

inline Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

} // namespace ca
