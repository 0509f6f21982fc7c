#include "client/CredentialStore.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace ca {

namespace {

// Translatable strings of this file, in the context "ca::CredentialStore".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::CredentialStore)
};

// Calls done later (never from inside the caller), and only while context lives.
void deliver(QObject *context, CredentialStore::Handler done, CredentialStore::Outcome outcome)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QTimer::singleShot(0, context ? context : QCoreApplication::instance(),
                       [guard, hasContext, done = std::move(done), outcome = std::move(outcome)] {
                           if (!hasContext || guard)
                               done(outcome);
                       });
}

CredentialStore::Outcome outcomeOf(QKeychain::Job *job)
{
    CredentialStore::Outcome o;
    switch (job->error()) {
    case QKeychain::NoError:
        o.status = CredentialStore::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        o.status = CredentialStore::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        // No keychain service, a locked keyring, a refused prompt: the keychain can't be
        // used now. (OtherError is what a missing D-Bus session or collection gives.)
        o.status = CredentialStore::Status::Unavailable;
        o.error = Text::tr("The system keychain is not available (%1).").arg(job->errorString());
        break;
    case QKeychain::CouldNotDeleteEntry:
        o.status = CredentialStore::Status::Failed;
        o.error = Text::tr("The keychain entry could not be removed (%1).").arg(job->errorString());
        break;
    }
    return o;
}

template <typename Job>
Job *makeJob(const QString &key)
{
    auto *job = new Job(CredentialStore::serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file instead of the keychain
    job->setKey(key);
    return job;
}

} // namespace

QString CredentialStore::keyFor(const QUrl &serviceUrl, const QString &email)
{
    QString url =
        serviceUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
            .toString(QUrl::FullyEncoded);
    while (url.endsWith(u'/'))
        url.chop(1);
    return url + u'|' + email.trimmed().toLower();
}

// ---- memory ---------------------------------------------------------------------------------

void MemoryCredentialStore::read(const QString &key, QObject *context, Handler done)
{
    const auto it = m_secrets.constFind(key);
    deliver(context, std::move(done),
            it == m_secrets.constEnd() ? Outcome{Status::NotFound, {}, {}}
                                       : Outcome{Status::Ok, *it, {}});
}

void MemoryCredentialStore::write(const QString &key, const QString &secret, QObject *context,
                                  Handler done)
{
    m_secrets.insert(key, secret);
    deliver(context, std::move(done), Outcome{});
}

void MemoryCredentialStore::remove(const QString &key, QObject *context, Handler done)
{
    m_secrets.remove(key);
    deliver(context, std::move(done), Outcome{});
}

// ---- keychain -------------------------------------------------------------------------------

namespace {

// Starts a keychain job and hands its outcome, adjusted by finish(), to done — only while
// the caller's context object lives.
template <typename Job, typename Finish>
void runJob(QObject *owner, Job *job, const char *what, QObject *context,
            CredentialStore::Handler done, Finish finish)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QObject::connect(job, &QKeychain::Job::finished, owner,
                     [job, what, guard, hasContext, done = std::move(done), finish] {
                         CredentialStore::Outcome o = outcomeOf(job);
                         finish(job, o);
                         qCDebug(lcKeychain) << what << int(o.status);
                         if (!hasContext || guard)
                             done(o);
                     });
    job->start();
}

} // namespace

void KeychainCredentialStore::read(const QString &key, QObject *context, Handler done)
{
    runJob(this, makeJob<QKeychain::ReadPasswordJob>(key), "read", context, std::move(done),
           [](QKeychain::ReadPasswordJob *job, Outcome &o) {
               if (o.status == Status::Ok)
                   o.secret = job->textData();
           });
}

void KeychainCredentialStore::write(const QString &key, const QString &secret, QObject *context,
                                    Handler done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(secret);
    runJob(this, job, "write", context, std::move(done),
           [](QKeychain::WritePasswordJob *, Outcome &) {});
}

void KeychainCredentialStore::remove(const QString &key, QObject *context, Handler done)
{
    runJob(this, makeJob<QKeychain::DeletePasswordJob>(key), "remove", context, std::move(done),
           [](QKeychain::DeletePasswordJob *, Outcome &o) {
               if (o.status == Status::NotFound)
                   o.status = Status::Ok; // gone either way
           });
}

// ---- fallback -------------------------------------------------------------------------------

FallbackCredentialStore::FallbackCredentialStore(QObject *parent)
    : CredentialStore(parent)
{}

CredentialStore::Handler FallbackCredentialStore::watch(Handler done,
                                                        std::function<void(Handler)> retryInMemory)
{
    return
        [this, done = std::move(done), retryInMemory = std::move(retryInMemory)](const Outcome &o) {
            if (o.status != Status::Unavailable)
                return done(o);
            if (!m_fellBack) {
                m_fellBack = true;
                m_reason = o.error;
                qCWarning(lcKeychain) << "keychain unavailable; keeping sessions in memory only";
                emit fellBack(m_reason);
            }
            retryInMemory(done);
        };
}

void FallbackCredentialStore::read(const QString &key, QObject *context, Handler done)
{
    if (m_fellBack)
        return m_memory.read(key, context, std::move(done));
    m_keychain.read(key, context, watch(std::move(done), [this, key, context](Handler h) {
                        m_memory.read(key, context, std::move(h));
                    }));
}

void FallbackCredentialStore::write(const QString &key, const QString &secret, QObject *context,
                                    Handler done)
{
    if (m_fellBack)
        return m_memory.write(key, secret, context, std::move(done));
    m_keychain.write(key, secret, context,
                     watch(std::move(done), [this, key, secret, context](Handler h) {
                         m_memory.write(key, secret, context, std::move(h));
                     }));
}

void FallbackCredentialStore::remove(const QString &key, QObject *context, Handler done)
{
    if (m_fellBack)
        return m_memory.remove(key, context, std::move(done));
    m_keychain.remove(key, context, watch(std::move(done), [this, key, context](Handler h) {
                          m_memory.remove(key, context, std::move(h));
                      }));
}

} // namespace ca
