// One worker of the service: a thread with its own event loop, database connection (Store),
// rules (AccountService), routes and HTTP endpoint on one of the port's listening sockets.
// What the workers share is in ServiceShared. Everything a worker owns is made, used and
// destroyed on its thread (Qt SQL connections must stay on the thread that opened them).
#pragma once

#include "service/AccountService.h"
#include "service/ServiceShared.h"
#include "service/http/HttpLimits.h"

#include <QSemaphore>
#include <QSslConfiguration>
#include <QThread>
#include <optional>

namespace ca {

struct WorkerSetup
{
    int index = 0;
    QString database;
    StoreOptions storeOptions;
    MasterKey masterKey;
    ServiceConfig config;
    HttpLimits limits;
    std::optional<QSslConfiguration> tls;
    int listenDescriptor = -1; // taken over by the worker's endpoint
};

class ServiceWorker : public QThread
{
    Q_OBJECT
public:
    ServiceWorker(WorkerSetup setup, ServiceShared &shared);
    // Stops the event loop (requests being handled are finished first) and joins the thread.
    ~ServiceWorker() override;

    // The rules' configuration (the issuer is known once the port is).
    void setConfig(const ServiceConfig &config) { m_setup.config = config; }
    // Starts the thread and waits until the worker serves; an empty string or what failed.
    QString startServing();

protected:
    void run() override;

private:
    WorkerSetup m_setup;
    ServiceShared &m_shared;
    QString m_error;
    QSemaphore m_ready;
};

} // namespace ca
