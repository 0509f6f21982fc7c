// The HTTP API of DESIGN.md: request parsing and validation, then AccountService.
#pragma once

#include "service/AccountService.h"
#include "service/http/Router.h"

#include <QObject>
#include <QThreadPool>

namespace ca {

class ApiRoutes : public QObject
{
    Q_OBJECT
public:
    ApiRoutes(AccountService &service, QObject *parent = nullptr);
    void install(Router &router);

private:
    void withActor(const HttpRequest &req, const Respond &respond,
                   const std::function<void(const Actor &)> &then);
    void signIn(const HttpRequest &req, const Respond &respond);

    AccountService &m_service;
    QThreadPool m_passwordPool; // argon2 runs here, never on the request thread
    int m_signInsInFlight = 0;
};

} // namespace ca
