#include "service/Sandbox.h"

#include "core/Logging.h"
#include "core/SecretFile.h"
#include "service/AccountService.h"
#include "service/Crypto.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

struct DemoUser
{
    const char16_t *email;
    const char16_t *name;
    const char16_t *group; // empty: no group
};

constexpr DemoUser kUsers[] = {
    {u"owner@sandbox.example", u"Olivia Owner", u"Owners"},
    {u"admin@sandbox.example", u"Adam Admin", u"Administrators"},
    {u"dana@sandbox.example", u"Dana Developer", u"Developers"},
    {u"oscar@sandbox.example", u"Oscar Operations", u"Operations"},
    {u"fiona@sandbox.example", u"Fiona Finance", u"Finance"},
    {u"nina@sandbox.example", u"Nina Newcomer", u""},
};

struct DemoVault
{
    const char16_t *name;
    QList<const char16_t *> groups;
};

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void seed(AccountService &service, QJsonArray &signIns)
{
    service.ensureAccount(u"Sandbox Account"_s, u"sandbox.connect-admin.local"_s);
    QHash<QString, Group> groups;
    groups.insert(u"Owners"_s, service.addGroup(u"Owners"_s, u"Owners of the account"_s, true));
    groups.insert(u"Administrators"_s,
                  service.addGroup(u"Administrators"_s, u"Administrators of the account"_s, true));
    groups.insert(u"Developers"_s,
                  service.addGroup(u"Developers"_s, u"Application developers"_s, false));
    groups.insert(u"Operations"_s, service.addGroup(u"Operations"_s, u"Runs production"_s, false));
    groups.insert(u"Finance"_s, service.addGroup(u"Finance"_s, u"Payments and vendors"_s, false));
    groups.insert(u"Security"_s, service.addGroup(u"Security"_s, u"Security team"_s, false));

    Store &store = service.store();
    QHash<QString, User> users;
    for (const DemoUser &d : kUsers) {
        const QString password = crypto::generatePassword();
        const User u =
            service.addUser(QString::fromUtf16(d.email), QString::fromUtf16(d.name), password);
        users.insert(u.email, u);
        if (d.group[0] != 0)
            store.addMember(groups.value(QString::fromUtf16(d.group)).id, u.id);
        service.addVault(u"Private"_s, VaultType::Personal, u.id);
        signIns.append(QJsonObject{{u"email"_s, u.email},
                                   {u"name"_s, u.name},
                                   {u"password"_s, password},
                                   {u"group"_s, QString::fromUtf16(d.group)}});
    }

    const QList<DemoVault> vaults{
        {u"Kubernetes", {u"Owners", u"Administrators", u"Developers", u"Operations"}},
        {u"Customers", {u"Owners", u"Administrators", u"Operations"}},
        {u"Vendors", {u"Owners", u"Administrators", u"Finance"}},
        {u"Infrastructure", {u"Owners", u"Administrators", u"Operations"}},
        {u"CI Secrets", {u"Owners", u"Administrators", u"Developers"}},
        {u"Staging", {u"Owners", u"Administrators", u"Developers"}},
        {u"Marketing", {u"Owners", u"Administrators"}},
        {u"Payments", {u"Finance"}}, // the owner can't grant this one: no access to it
    };
    for (const DemoVault &d : vaults) {
        const Vault v = service.addVault(QString::fromUtf16(d.name), VaultType::UserCreated);
        for (const char16_t *g : d.groups)
            store.giveVaultToGroup(v.id, groups.value(QString::fromUtf16(g)).id);
    }
    const Vault shared = service.addVault(u"Shared"_s, VaultType::Everyone);
    for (const Group &g : std::as_const(groups))
        store.giveVaultToGroup(shared.id, g.id);
    const Vault transfer = service.addVault(u"Transfer from Sam"_s, VaultType::Transfer);
    store.giveVaultToGroup(transfer.id, groups.value(u"Owners"_s).id);
}

} // namespace

QString prepareSandbox(AccountService &service, const SandboxPaths &paths, const QString &url)
{
    QJsonArray signIns = readJson(paths.usersFile()).value(u"users"_s).toArray();
    if (!service.store().account()) {
        signIns = QJsonArray();
        seed(service, signIns);
        service.initialize();
        // A few servers and tokens so that every page has something to show.
        const auto owner = service.store().userByEmail(u"owner@sandbox.example"_s);
        Actor actor;
        actor.user = owner->user;
        actor.rights = service.store().membership(owner->user.id);
        const auto staging =
            service.createServer(actor, u"Staging cluster"_s, {u"Kubernetes"_s, u"Staging"_s});
        const auto ci = service.createServer(actor, u"CI runners"_s, {u"CI Secrets"_s});
        if (staging.ok()) {
            service.createToken(
                actor, u"staging deploy"_s, staging->server.id,
                {{u"Kubernetes"_s, Access::ReadWrite}, {u"Staging"_s, Access::Read}}, u"90d"_s);
            service.createToken(actor, u"staging monitoring"_s, staging->server.id,
                                {{u"Kubernetes"_s, Access::Read}}, u"5d"_s);
            bool created = false;
            service.grantGroup(actor, {u"Developers"_s, staging->server.id, false}, &created);
        }
        if (ci.ok())
            service.createToken(actor, u"ci pipeline"_s, ci->server.id,
                                {{u"CI Secrets"_s, Access::Read}}, {});
        bool created = false;
        service.grantGroup(actor, {u"Security"_s, {}, false}, &created);
        qCInfo(lcService) << "created the sandbox account";
    }
    QString password;
    for (const QJsonValue &v : std::as_const(signIns)) {
        if (v.toObject().value(u"email"_s).toString() == u"owner@sandbox.example")
            password = v.toObject().value(u"password"_s).toString();
    }
    if (password.isEmpty())
        return u"The sandbox in %1 has no sign-in file; remove the folder to start afresh."_s.arg(
            paths.dir);
    const QJsonObject owner{
        {u"url"_s, url}, {u"email"_s, u"owner@sandbox.example"_s}, {u"password"_s, password}};
    if (QString e = writeSecretFile(paths.ownerFile(), QJsonDocument(owner).toJson()); !e.isEmpty())
        return e;
    const QJsonObject all{{u"url"_s, url}, {u"users"_s, signIns}};
    return writeSecretFile(paths.usersFile(), QJsonDocument(all).toJson());
}

} // namespace ca
