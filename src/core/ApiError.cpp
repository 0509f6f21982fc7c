#include "core/ApiError.h"

namespace ca {

QJsonObject ApiError::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("status"), status);
    o.insert(QLatin1String("code"), code);
    o.insert(QLatin1String("message"), message);
    return o;
}

ApiError ApiError::fromJson(int httpStatus, const QJsonObject &body)
{
    ApiError e;
    e.status = httpStatus;
    e.code = body.value(QLatin1String("code")).toString();
    e.message = body.value(QLatin1String("message")).toString();
    e.extra = body;
    e.extra.remove(QLatin1String("status"));
    e.extra.remove(QLatin1String("code"));
    e.extra.remove(QLatin1String("message"));
    return e;
}

ApiError ApiError::badRequest(const QString &message, const QString &code)
{
    return {400, code, message, {}};
}

ApiError ApiError::notFound(const QString &message)
{
    return {404, QStringLiteral("not_found"), message, {}};
}

ApiError ApiError::forbidden(const QString &message)
{
    return {403, QStringLiteral("forbidden"), message, {}};
}

ApiError ApiError::conflict(const QString &message, const QString &code)
{
    return {409, code, message, {}};
}

ApiError ApiError::unauthorized(const QString &message, const QString &code)
{
    return {401, code, message, {}};
}

ApiError ApiError::internal(const QString &message)
{
    return {500, QStringLiteral("internal"), message, {}};
}

} // namespace ca
