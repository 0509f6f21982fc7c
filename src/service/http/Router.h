// Maps "METHOD /path/{param}" to handlers; tells 404 (no such path) from 405 (wrong method).
#pragma once

#include "service/http/HttpResponse.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>
#include <QUrlQuery>
#include <functional>

namespace ca {

struct HttpRequest
{
    QByteArray method;
    QString path;
    QStringList segments; // percent-decoded path segments
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString peer;
    QHash<QString, QString> params; // from {placeholders} in the route pattern

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QString queryValue(const QString &key) const
    {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
};

// Handlers answer through respond, now or later (work done off the request thread).
using Respond = std::function<void(const HttpResponse &)>;
using Handler = std::function<void(const HttpRequest &, const Respond &)>;

class Router
{
public:
    // query: the parameters this route understands; any other is refused with 400, so that
    // a typo is an error rather than a silently ignored filter.
    void add(const QByteArray &method, const QString &pattern, Handler handler,
             const QStringList &query = {});

    struct Match
    {
        const Handler *handler = nullptr;
        QHash<QString, QString> params;
        QStringList query;
        QList<QByteArray> allowed; // methods of a matching path, for 405
    };
    Match match(const QByteArray &method, const QStringList &segments) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList pattern;
        Handler handler;
        QStringList query;
    };
    QList<Route> m_routes;
};

} // namespace ca
