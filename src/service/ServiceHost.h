// Everything one running account service consists of, wired together: options, database,
// master key, rules, and the workers that serve HTTP (one event loop, database connection
// and endpoint each, on one port). Used by main() and by the tests.
#pragma once

#include "service/AccountService.h"
#include "service/RevocationScheduler.h"
#include "service/ServiceShared.h"
#include "service/ServiceWorker.h"
#include "service/Store.h"
#include "service/http/HttpLimits.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <memory>

namespace ca {

struct ServiceOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8787;
    int workers = 0;              // threads serving requests; 0: one per core
    QString database;             // file path or postgres:// URL
    QString databasePasswordFile; // PostgreSQL: the password in a file (0600), not the URL
    QString masterKeyPath;
    QString tlsCertificate;
    QString tlsKey;
    QString issuer;     // defaults to the URL the service listens on
    QString sandboxDir; // when set: database, key and demo account live there
    qint64 sessionTtlSeconds = 12 * 3600;
    HttpLimits limits;
    crypto::PasswordHashParams passwordHash;
    std::function<QDateTime()> clock; // tests move time; default: the system clock
};

class ServiceHost : public QObject
{
    Q_OBJECT
public:
    explicit ServiceHost(ServiceOptions options, QObject *parent = nullptr);
    ~ServiceHost() override;

    // Opens the database, migrates it and loads the keys: the service without a port
    // (what --create-owner needs). Returns an empty string or a sentence for the operator.
    QString open();
    // Starts listening, seeds the sandbox and starts the workers; after open().
    QString listen();
    // open() then listen().
    QString start();

    QString url() const { return m_url; }
    quint16 port() const { return m_port; }
    // The database in use (the sandbox's when --sandbox chose it): tests open their own
    // connection to it to check what the service stored.
    QString database() const { return m_options.database; }
    // The rules on the calling (main) thread's own connection: --create-owner, seeding.
    AccountService &service() { return *m_service; }
    // Carries out scheduled token revocations; running once listen() succeeded.
    RevocationScheduler &revocations() { return *m_revocations; }
    int workerCount() const { return int(m_workers.size()); }
    // What the workers share. Tests set its openStore before listen() (which sets it only
    // when unset) to hold a walk of the audit chain.
    ServiceShared &shared() { return *m_shared; }

private:
    QString resolvePaths();

    ServiceOptions m_options;
    std::optional<QSslConfiguration> m_tls;
    std::unique_ptr<ServiceShared> m_shared;
    StoreOptions m_storeOptions;
    std::optional<MasterKey> m_masterKey;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<AccountService> m_service;
    std::unique_ptr<RevocationScheduler> m_revocations;
    QTimer m_auditTextIndexer; // PostgreSQL: indexes the audit log's new text every 2 s
    std::vector<std::unique_ptr<ServiceWorker>> m_workers;
    QString m_url;
    quint16 m_port = 0;
};

} // namespace ca
