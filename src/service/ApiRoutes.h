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

    // Whether a GET's answers are kept in the process's AnswerCache (lists), and whether
    // only until the account's next token expiry (answers that change with the clock).
    enum class Cached { No, Yes, UntilTokenExpiry };

    // A route for signed-in callers only: everything else is 401 before the action runs.
    // Every answer carries X-Account-Revision (a GET's: the revision it shows at least; a
    // change's: the revision it made); every GET answer an ETag (see read()).
    void route(Router &r, const QByteArray &method, const QString &pattern, Action action,
               const QStringList &query = {}, Cached cached = Cached::No);
    // A GET's answer: from the cache or the action, 304 when If-None-Match names its ETag.
    // revision: the account's, read before the answer is made, so the answer is at least as
    // new: a change acknowledged anywhere before this request is in it (read-your-writes).
    HttpResponse read(const Actor &actor, const HttpRequest &req, const Action &action,
                      Cached cached, qint64 revision);
    // The action's answer for a GET, kept in the cache when it is a success.
    HttpResponse fill(const Actor &actor, const HttpRequest &req, const Action &action,
                      const AnswerCache::Key &key, Cached cached);
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

    // An action's answer as a read gives it: tagged (an ETag on a 200, so that the next ask
    // may be answered 304), then answered: 304 when If-None-Match names the tag, and the
    // account revision the answer shows at least.
    static HttpResponse tagged(HttpResponse answer);
    static HttpResponse answered(const HttpRequest &req, HttpResponse answer, qint64 revision);
    // 401 with WWW-Authenticate.
    static HttpResponse unauthenticated(const ApiError &error);

    void publicRoutes(Router &r);
    void verifyAudit(const HttpRequest &req, const Respond &respond);
    void lifecycleRoutes(Router &r);
    void signIn(const HttpRequest &req, const Respond &respond);
    // POST /v1/connect/tokens. The creations that arrive in one turn of this worker's event
    // loop (from different connections) are written together in the next turn, in one
    // transaction: group commit, because one commit per token is what bounded creation.
    void queueTokenCreation(const HttpRequest &req, const Respond &respond);
    void createQueuedTokens();

    AccountService &m_service;
    ServiceShared &m_shared;
    PageCursor m_cursors;
    struct QueuedToken
    {
        AccountService::TokenCreation creation;
        Respond respond;
    };
    QList<QueuedToken> m_queuedTokens;
};

} // namespace ca
