// The HTTP API of the account service as a table of routes: each names its method, path,
// request body type (decoded by core/JsonDecoder) and the AccountService call it makes.
// Authentication, body decoding, paging and writing the answer happen in one place each.
#pragma once

#include "core/PageCursor.h"
#include "service/AccountService.h"
#include "service/ServiceShared.h"
#include "service/http/Router.h"

#include <QObject>

namespace ca {

class ApiRoutes : public QObject
{
    Q_OBJECT
public:
    // shared: what this worker's routes share with the other workers of the process.
    ApiRoutes(AccountService &service, ServiceShared &shared, QObject *parent = nullptr);
    void install(Router &router);

private:
    // What a route does for a signed-in caller; the answer (an error answer included).
    using Action = std::function<HttpResponse(const Actor &, const HttpRequest &)>;
    template <typename Body>
    using BodyAction =
        std::function<HttpResponse(const Actor &, const HttpRequest &, const Body &)>;
    template <typename T>
    using ListAction =
        std::function<Result<Page<T>>(const Actor &, const HttpRequest &, const PageRequest &)>;

    // A route for signed-in callers only: everything else is 401 before the action runs.
    void route(Router &r, const QByteArray &method, const QString &pattern, Action action,
               const QStringList &query = {});
    // ...whose body is a JSON request of type Body, decoded strictly before the action runs.
    template <typename Body>
    void bodyRoute(Router &r, const QByteArray &method, const QString &pattern,
                   BodyAction<Body> action, const QStringList &query = {});
    // ...that answers a list page by page (limit, cursor, and the extra query parameters).
    template <typename T>
    void listRoute(Router &r, const QString &pattern, ListAction<T> list,
                   const QStringList &extraQuery = {});
    template <typename T>
    void listRoute(Router &r, const QString &pattern,
                   Result<Page<T>> (AccountService::*list)(const Actor &, const PageRequest &));

    // The wire form of a result, or its error.
    template <typename T>
    HttpResponse reply(int status, const Result<T> &result) const;
    // limit and cursor of a list request; a cursor must be one this service signed for list.
    template <typename T>
    Result<PageRequest> pageRequest(const HttpRequest &req, const QString &list) const;

    void publicRoutes(Router &r);
    void signIn(const HttpRequest &req, const Respond &respond);

    AccountService &m_service;
    ServiceShared &m_shared;
    PageCursor m_cursors;
};

} // namespace ca
