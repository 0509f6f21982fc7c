// An HTTP answer of the service and its serialization; errors use the JSON error shape.
#pragma once

#include "core/ApiError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace ca {

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool revalidate = false; // it has an ETag: callers may keep it and ask If-None-Match

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(QByteArray encoded, int status = 200);
    static HttpResponse error(const ApiError &error);
    static HttpResponse noContent();
    // 304: the caller's copy with this ETag is still the answer; no body.
    static HttpResponse notModified(QByteArray etag);

    QByteArray serialize(bool keepAlive, bool headOnly) const;
    static QByteArray reasonPhrase(int status);
};

} // namespace ca
