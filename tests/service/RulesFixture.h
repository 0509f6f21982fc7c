// A small directory for rule tests: an owner, a manager group, per-team groups, vaults of
// every type, on a fresh database of the backend under test.
//
// Every change goes through AccountService, so that the directory is built by the same
// rules (and audit events) as in production. To check what was stored, a test reads through
// `store`: a second connection of its own to the same database, never the service's. A
// friend fixture with the service's connection was the alternative; a separate connection
// needs no access to AccountService's insides, and it only sees what was committed.
#pragma once

#include "../support/TestSupport.h"
#include "service/AccountService.h"

#include <QTemporaryDir>

namespace ca::test {

struct RulesFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Store> serviceStore; // the service's connection; tests don't touch it
    std::unique_ptr<AccountService> service;
    std::unique_ptr<Store> store; // the test's own connection, for reading
    QDateTime clockNow = QDateTime::currentDateTimeUtc();
    QString database;     // its URL, for a second service instance or raw SQL
    QByteArray masterKey; // the service's, for a second instance on the same database
    QHash<QString, User> users;
    QHash<QString, Group> groups;
    QHash<QString, Vault> vaults;

    RulesFixture()
    {
        database = freshDatabase(dir);
        masterKey = crypto::randomBytes(32);
        serviceStore =
            Store::open(database, QStringLiteral("rules-service-%1").arg(quintptr(this)));
        serviceStore->migrate();
        ServiceConfig config;
        config.issuer = QStringLiteral("http://127.0.0.1:1");
        config.passwordHash = testHashParams();
        config.clock = [this] { return clockNow; };
        service = std::make_unique<AccountService>(*serviceStore, MasterKey::fromBytes(masterKey),
                                                   config);
        service->initialize();
        store = Store::open(database, QStringLiteral("rules-test-%1").arg(quintptr(this)));
        const auto created = service->bootstrapOwner(
            QStringLiteral("owner@test.example"), QStringLiteral("password-owner"),
            {QStringLiteral("Test"), QStringLiteral("test.example"), QStringLiteral("owner")});
        if (!created.ok())
            qFatal("fixture could not create the owner: %s", qPrintable(created.error().message));
        users.insert(QStringLiteral("owner"), created->owner);
        groups.insert(QStringLiteral("Owners"), created->owners);
        for (const char *g : {"Ops", "Devs", "Managers"})
            groups.insert(QLatin1String(g), service->addGroup(QLatin1String(g), {}, false));
        const struct
        {
            const char *key, *group;
        } people[] = {{"ops", "Ops"}, {"dev", "Devs"}, {"mgr", "Managers"}, {"nobody", nullptr}};
        for (const auto &p : people) {
            const QString key = QLatin1String(p.key);
            users.insert(key, service->addUser(key + QStringLiteral("@test.example"), key,
                                               QStringLiteral("password-") + key));
            if (p.group)
                service->addMember(groups.value(QLatin1String(p.group)), users.value(key));
        }
        auto vault = [&](const QString &name, VaultType type, const QStringList &access,
                         const QString &owner = {}) {
            Vault v = service->addVault(name, type, owner);
            for (const QString &g : access)
                service->giveVaultToGroup(v, groups.value(g));
            vaults.insert(name, v);
        };
        vault(QStringLiteral("Kubernetes"), VaultType::UserCreated,
              {QStringLiteral("Owners"), QStringLiteral("Ops"), QStringLiteral("Devs")});
        vault(QStringLiteral("Customers"), VaultType::UserCreated,
              {QStringLiteral("Owners"), QStringLiteral("Ops"), QStringLiteral("Managers")});
        vault(QStringLiteral("Vendors"), VaultType::UserCreated, {QStringLiteral("Owners")});
        vault(QStringLiteral("OpsOnly"), VaultType::UserCreated, {QStringLiteral("Ops")});
        vault(QStringLiteral("Shared"), VaultType::Everyone,
              {QStringLiteral("Owners"), QStringLiteral("Ops"), QStringLiteral("Devs")});
        vault(QStringLiteral("Transfer"), VaultType::Transfer, {QStringLiteral("Owners")});
        vault(QStringLiteral("Private"), VaultType::Personal, {},
              users.value(QStringLiteral("owner")).id);
    }

    ~RulesFixture()
    {
        store.reset();
        service.reset();
        serviceStore.reset();
    }

    Actor actor(const QString &key) { return service->actingAs(users.value(key)); }

    Server server(const QString &name, const QStringList &vaultNames = {})
    {
        auto created = service->createServer(actor(QStringLiteral("owner")), name, vaultNames);
        if (!created.ok())
            qFatal("fixture could not create a server: %s", qPrintable(created.error().message));
        return created->server;
    }
};

} // namespace ca::test
