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

// The same sentence on every route, whether the reference was a name or an ID, and for
// what exists but can't be seen (another user's personal vault) as for what doesn't.
inline ApiError vaultNotFound(const QString &ref)
{
    return ApiError::notFound(
        QStringLiteral("No vault is named or has the ID %1.").arg(quoted(ref)));
}

inline ApiError serverNotFound(const QString &ref)
{
    return ApiError::notFound(
        QStringLiteral("No Connect server is named or has the ID %1.").arg(quoted(ref)));
}

} // namespace ca::accounttext
