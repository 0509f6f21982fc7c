// Sentence parts shared by AccountService's source files. Not part of its interface.
#pragma once

#include "core/ApiError.h"

#include <QStringList>

namespace ca::accounttext {

inline QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

inline ApiError ambiguous(const QString &what, const QString &ref, const QStringList &ids)
{
    return ApiError::badRequest(
        QStringLiteral("More than one %1 is named %2: %3. Use the ID instead.")
            .arg(what, quoted(ref), ids.join(QStringLiteral(", "))),
        QStringLiteral("ambiguous"));
}

} // namespace ca::accounttext
