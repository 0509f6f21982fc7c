#include "service/http/Router.h"

namespace ca {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler,
                 const QStringList &query)
{
    m_routes.append(
        Route{method, pattern.split(u'/', Qt::SkipEmptyParts), std::move(handler), query});
}

Router::Match Router::match(const QByteArray &method, const QStringList &segments) const
{
    Match result;
    for (const Route &route : m_routes) {
        if (route.pattern.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool fits = true;
        for (qsizetype i = 0; i < segments.size() && fits; ++i) {
            const QString &p = route.pattern.at(i);
            if (p.startsWith(u'{') && p.endsWith(u'}'))
                params.insert(p.mid(1, p.size() - 2), segments.at(i));
            else
                fits = p == segments.at(i);
        }
        if (!fits)
            continue;
        if (!result.allowed.contains(route.method))
            result.allowed.append(route.method);
        if (route.method == method && !result.handler) {
            result.handler = &route.handler;
            result.params = params;
            result.query = route.query;
        }
    }
    return result;
}

} // namespace ca
