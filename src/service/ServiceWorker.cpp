#include "service/ServiceWorker.h"

#include "core/Crypto.h"
#include "core/Logging.h"
#include "service/ApiRoutes.h"
#include "service/http/HttpEndpoint.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace ca {

ServiceWorker::ServiceWorker(WorkerSetup setup, ServiceShared &shared)
    : m_setup(std::move(setup))
    , m_shared(shared)
{
    setObjectName(u"worker-%1"_s.arg(m_setup.index));
}

ServiceWorker::~ServiceWorker()
{
    quit();
    wait();
    if (m_setup.listenDescriptor >= 0) // never taken over: the thread did not get that far
        ListenSocket::close({m_setup.listenDescriptor});
}

QString ServiceWorker::startServing()
{
    start();
    m_ready.acquire();
    return m_error;
}

void ServiceWorker::run()
{
    std::unique_ptr<Store> store;
    std::unique_ptr<AccountService> service;
    std::unique_ptr<ApiRoutes> routes;
    Router router;
    std::unique_ptr<HttpEndpoint> endpoint;
    try {
        store = Store::open(m_setup.database,
                            u"worker-%1-"_s.arg(m_setup.index) +
                                QUuid::createUuid().toString(QUuid::Id128),
                            m_setup.storeOptions);
        service = std::make_unique<AccountService>(*store, m_setup.masterKey, m_setup.config);
        service->initialize();
        if (m_shared.revocationScheduled)
            service->setRevocationListener(m_shared.revocationScheduled);
        routes = std::make_unique<ApiRoutes>(*service, m_shared);
        routes->install(router);
        endpoint = std::make_unique<HttpEndpoint>(router, m_setup.limits);
        const int descriptor = std::exchange(m_setup.listenDescriptor, -1);
        if (endpoint->listen(descriptor, m_setup.tls, &m_error) == 0 && m_error.isEmpty())
            m_error = u"the worker could not listen"_s;
    } catch (const std::exception &e) {
        m_error = QString::fromUtf8(e.what());
    }
    const bool serving = m_error.isEmpty();
    m_ready.release();
    if (serving)
        exec();
    // No request comes in any more; a password check still running on the shared pool would
    // hand its answer to these routes: let it finish before they go (its answer is dropped
    // with this thread's unprocessed events).
    m_shared.passwordPool.waitForDone();
    m_shared.auditPool.waitForDone(); // likewise a walk of the audit chain
    // Token creations still queued for the next turn (ApiRoutes::queueTokenCreation) go
    // unwritten with their connections, as a request not yet read would: writing them now
    // would make tokens whose one-time JWTs could no longer be delivered.
    // In reverse order of making, on this thread.
    endpoint.reset();
    routes.reset();
    service.reset();
    store.reset();
    crypto::releaseThreadState();
}

} // namespace ca
