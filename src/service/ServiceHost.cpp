#include "service/ServiceHost.h"

#include "core/Logging.h"
#include "service/PrivateFile.h"
#include "service/Sandbox.h"
#include "service/http/ListenSocket.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// The TLS configuration of --tls-cert/--tls-key, or nothing when neither is given.
std::optional<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath,
                                         QString *error)
{
    if (certPath.isEmpty() && keyPath.isEmpty())
        return std::nullopt;
    QFile certFile(certPath), keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = u"Cannot read the TLS certificate or key (--tls-cert and --tls-key)."_s;
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        *error = u"The TLS certificate or key is not a PEM certificate / EC or RSA key."_s;
        return std::nullopt;
    }
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificateChain(chain);
    conf.setPrivateKey(key);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    return conf;
}

} // namespace

ServiceHost::ServiceHost(ServiceOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_shared(std::make_unique<ServiceShared>())
{}

ServiceHost::~ServiceHost()
{
    m_auditTextIndexer.stop();
    m_workers.clear();     // each finishes what it is doing and closes its connection
    m_revocations.reset(); // after the workers: they tell it of revocations they schedule
    m_service.reset();
    m_store.reset();
}

QString ServiceHost::resolvePaths()
{
    if (!m_options.sandboxDir.isEmpty()) {
        const SandboxPaths sandbox{m_options.sandboxDir};
        if (!QDir().mkpath(m_options.sandboxDir))
            return u"Cannot create the sandbox folder %1."_s.arg(m_options.sandboxDir);
        QFile::setPermissions(m_options.sandboxDir, QFileDevice::ReadOwner |
                                                        QFileDevice::WriteOwner |
                                                        QFileDevice::ExeOwner);
        if (m_options.database.isEmpty())
            m_options.database = sandbox.database();
        if (m_options.masterKeyPath.isEmpty())
            m_options.masterKeyPath = sandbox.masterKey();
    }
    if (m_options.database.isEmpty())
        return u"Say where the database is: --db FILE or --db postgres://…, or use --sandbox DIR."_s;
    if (m_options.masterKeyPath.isEmpty()) {
        if (m_options.database.startsWith(u"postgres"))
            return u"With PostgreSQL, give every instance the same --master-key FILE."_s;
        m_options.masterKeyPath = QFileInfo(m_options.database).absolutePath() + u"/master.key"_s;
    }
    return {};
}

QString ServiceHost::open()
{
    if (QString error = resolvePaths(); !error.isEmpty())
        return error;
    QString error;
    m_tls = loadTls(m_options.tlsCertificate, m_options.tlsKey, &error);
    if (!error.isEmpty())
        return error;
    StoreOptions &storeOptions = m_storeOptions;
    storeOptions.sqliteWriteLock = m_shared->sqliteWriteLock;
    if (!m_options.databasePasswordFile.isEmpty()) {
        if (!m_options.database.startsWith(u"postgres"))
            return u"--db-password-file is for a PostgreSQL database (--db postgres://…)."_s;
        if (!QUrl(m_options.database).password().isEmpty())
            return u"Give the database password once: in --db-password-file, not also in --db."_s;
        const auto password = readPrivateFile(m_options.databasePasswordFile,
                                              u"the database password file"_s, &error);
        if (!password)
            return error;
        storeOptions.password = QString::fromUtf8(*password).section(u'\n', 0, 0);
        storeOptions.password.remove(u'\r');
        if (storeOptions.password.isEmpty())
            return u"The database password file %1 is empty."_s.arg(m_options.databasePasswordFile);
    }
    m_masterKey = MasterKey::loadOrCreate(m_options.masterKeyPath, &error);
    if (!m_masterKey)
        return error;
    ServiceConfig config;
    config.issuer = m_options.issuer;
    config.sessionTtlSeconds = m_options.sessionTtlSeconds;
    config.passwordHash = m_options.passwordHash;
    config.clock = m_options.clock;
    config.signInThrottle = m_shared->throttle;
    try {
        m_store =
            Store::open(m_options.database,
                        u"service-"_s + QUuid::createUuid().toString(QUuid::Id128), storeOptions);
        m_store->migrate();
        m_service = std::make_unique<AccountService>(*m_store, *m_masterKey, config);
        m_service->initialize();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

QString ServiceHost::listen()
{
    const int workers =
        m_options.workers > 0 ? m_options.workers : std::max(1, QThread::idealThreadCount());
    QString error;
    // One listening socket per worker on one port (SO_REUSEPORT): the kernel spreads new
    // connections over them, and no worker hands sockets to another.
    const QList<int> sockets =
        ListenSocket::open(m_options.address, m_options.port, workers, &error);
    if (sockets.isEmpty())
        return u"Cannot listen on %1 port %2: %3"_s.arg(m_options.address.toString())
            .arg(m_options.port)
            .arg(error);
    m_port = ListenSocket::port(sockets.first());
    for (int i = 0; i < workers; ++i) {
        WorkerSetup setup{i,  m_options.database, m_storeOptions, *m_masterKey,
                          {}, m_options.limits,   m_tls,          sockets.at(i)};
        m_workers.push_back(std::make_unique<ServiceWorker>(std::move(setup), *m_shared));
    }
    QString host = m_options.address.toString();
    if (m_options.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    if (m_options.address == QHostAddress::Any || m_options.address == QHostAddress::AnyIPv4)
        host = u"127.0.0.1"_s;
    m_url = (m_tls ? u"https://"_s : u"http://"_s) + host + u':' + QString::number(m_port);
    if (m_options.issuer.isEmpty())
        m_service->setIssuer(m_url);
    if (!m_options.sandboxDir.isEmpty()) {
        try {
            if (QString e = prepareSandbox(*m_service, SandboxPaths{m_options.sandboxDir}, m_url);
                !e.isEmpty())
                return e;
        } catch (const std::exception &e) {
            return QString::fromUtf8(e.what());
        }
    }
    // Revocations that came due while no instance ran are carried out before the first
    // request is answered. The scheduler lives on this thread; the workers tell it of each
    // revocation they schedule through its event queue.
    m_revocations = std::make_unique<RevocationScheduler>(*m_service);
    m_revocations->start();
    // On PostgreSQL the audit log's free text is indexed here, in batches on this thread's
    // connection, off the requests' path (Store::indexAuditTextApart says why); a search
    // indexes what came since the last turn itself. SQLite's searches index it all.
    if (m_store->isPostgres()) {
        connect(&m_auditTextIndexer, &QTimer::timeout, this, [this] {
            try {
                m_store->indexNewAuditText();
            } catch (const std::exception &e) {
                qCWarning(lcService) << "indexing the audit log's text failed:" << e.what();
            }
        });
        m_auditTextIndexer.start(2000);
    }
    if (!m_shared->openStore) {
        m_shared->openStore = [database = m_options.database, options = m_storeOptions] {
            return Store::open(
                database, u"audit-walk-"_s + QUuid::createUuid().toString(QUuid::Id128), options);
        };
    }
    m_shared->revocationScheduled = [scheduler = m_revocations.get()](const QDateTime &at) {
        QMetaObject::invokeMethod(
            scheduler, [scheduler, at] { scheduler->scheduled(at); }, Qt::QueuedConnection);
    };
    // Connections that came meanwhile wait in the sockets' queues.
    for (auto &worker : m_workers) {
        worker->setConfig(m_service->config());
        if (QString e = worker->startServing(); !e.isEmpty())
            return e;
    }
    qCInfo(lcService) << "serving" << m_url << "with" << m_store->describe() << "on" << workers
                      << "workers";
    return {};
}

QString ServiceHost::start()
{
    if (QString error = open(); !error.isEmpty())
        return error;
    return listen();
}

} // namespace ca
