// What the workers of one service process share: the sign-in throttle and the password
// checks (so that limits hold for the process, not per worker), SQLite's write lock, and
// the cache of list answers.
// Everything here is thread-safe; each worker has its own database connection and rules.
#pragma once

#include "service/AnswerCache.h"
#include "service/SignInThrottle.h"

#include <QDateTime>
#include <QMutex>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>

namespace ca {

class Store;

struct ServiceShared
{
    ServiceShared();

    std::shared_ptr<SignInThrottle> throttle = std::make_shared<SignInThrottle>();
    std::atomic<int> signInsInFlight{0};
    static constexpr int kMaxSignInsInFlight = 32;
    // SQLite: one writer at a time across the workers, waited for here rather than in
    // SQLite's busy handler (which sleeps in steps of milliseconds).
    std::shared_ptr<QMutex> sqliteWriteLock = std::make_shared<QMutex>();
    // Encoded answers of list GETs, keyed by the account revision they show.
    AnswerCache answers;
    // Tells the process's RevocationScheduler of a revocation a worker scheduled (set before
    // the workers start, only read afterwards).
    std::function<void(const QDateTime &)> revocationScheduled;
    // A database connection of its own for the thread that calls it (set before the workers
    // start, only called afterwards).
    std::function<std::unique_ptr<Store>()> openStore;
    // Walks of the audit chain (GET /v1/audit/verify: seconds at a million events) run here,
    // one at a time, each on a connection from openStore, so that no worker stops answering
    // meanwhile.
    QThreadPool auditPool;
    // argon2 runs here, never on a worker's event loop; at most kMaxSignInsInFlight at once.
    // Last, so it is gone (its tasks finished) before anything they count on.
    QThreadPool passwordPool;
};

} // namespace ca
