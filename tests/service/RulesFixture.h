// A small directory for rule tests: an owner, a manager group, per-team groups, vaults of
// every type, on a fresh database of the backend under test.
#pragma once

#include "../support/TestSupport.h"
#include "service/AccountService.h"

#include <QTemporaryDir>

namespace ca::test {

struct RulesFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<AccountService> service;
    QDateTime clockNow = QDateTime::currentDateTimeUtc();
    QHash<QString, User> users;
    QHash<QString, Group> groups;
    QHash<QString, Vault> vaults;

    RulesFixture()
    {
        store = Store::open(freshDatabase(dir), QStringLiteral("rules-%1").arg(quintptr(this)));
        store->migrate();
        ServiceConfig config;
        config.issuer = QStringLiteral("http://127.0.0.1:1");
        config.passwordHash = testHashParams();
        config.clock = [this] { return clockNow; };
        service = std::make_unique<AccountService>(
            *store, MasterKey::fromBytes(crypto::randomBytes(32)), config);
        service->ensureAccount(QStringLiteral("Test"), QStringLiteral("test.example"));
        service->initialize();
        for (const char *g : {"Owners", "Ops", "Devs", "Managers"})
            groups.insert(QLatin1String(g),
                          service->addGroup(QLatin1String(g), {},
                                            QLatin1String(g) == QLatin1String("Owners")));
        const struct
        {
            const char *key, *group;
        } people[] = {{"owner", "Owners"},
                      {"ops", "Ops"},
                      {"dev", "Devs"},
                      {"mgr", "Managers"},
                      {"nobody", nullptr}};
        for (const auto &p : people) {
            const QString key = QLatin1String(p.key);
            users.insert(key, service->addUser(key + QStringLiteral("@test.example"), key,
                                               QStringLiteral("password-") + key));
            if (p.group)
                store->addMember(groups.value(QLatin1String(p.group)).id, users.value(key).id);
        }
        auto vault = [&](const QString &name, VaultType type, QStringList access,
                         const QString &owner = {}) {
            Vault v = service->addVault(name, type, owner);
            for (const QString &g : access)
                store->giveVaultToGroup(v.id, groups.value(g).id);
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
        service.reset();
        store.reset();
    }

    Actor actor(const QString &key)
    {
        Actor a;
        a.user = users.value(key);
        a.rights = store->membership(a.user.id);
        return a;
    }

    Server server(const QString &name, const QStringList &vaultNames = {})
    {
        auto created = service->createServer(actor(QStringLiteral("owner")), name, vaultNames);
        if (!created.ok())
            qFatal("fixture could not create a server: %s", qPrintable(created.error().message));
        return created->server;
    }
};

} // namespace ca::test
