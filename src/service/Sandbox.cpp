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

// The owner first (through the same bootstrap as --create-owner), then the other groups,
// users with their Private vaults, shared vaults and who may use them. Returns the owner.
User seedDirectory(AccountService &service, QJsonArray &signIns)
{
    const QString ownerPassword = crypto::generatePassword();
    const auto bootstrap =
        service.bootstrapOwner(QString::fromUtf16(kUsers[0].email), ownerPassword,
                               {u"Sandbox Account"_s, u"sandbox.connect-admin.local"_s,
                                QString::fromUtf16(kUsers[0].name)});
    if (!bootstrap.ok())
        throw StoreError(bootstrap.error().message.toStdString());
    QHash<QString, Group> groups;
    groups.insert(u"Owners"_s, bootstrap->owners);
    groups.insert(u"Administrators"_s, bootstrap->administrators);
    groups.insert(u"Developers"_s,
                  service.addGroup(u"Developers"_s, u"Application developers"_s, false));
    groups.insert(u"Operations"_s, service.addGroup(u"Operations"_s, u"Runs production"_s, false));
    groups.insert(u"Finance"_s, service.addGroup(u"Finance"_s, u"Payments and vendors"_s, false));
    groups.insert(u"Security"_s, service.addGroup(u"Security"_s, u"Security team"_s, false));

    for (const DemoUser &d : kUsers) {
        const bool isOwner = &d == &kUsers[0];
        const QString password = isOwner ? ownerPassword : crypto::generatePassword();
        const User u = isOwner ? bootstrap->owner
                               : service.addUser(QString::fromUtf16(d.email),
                                                 QString::fromUtf16(d.name), password);
        if (!isOwner && d.group[0] != 0)
            service.addMember(groups.value(QString::fromUtf16(d.group)), u);
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
            service.giveVaultToGroup(v, groups.value(QString::fromUtf16(g)));
    }
    const Vault shared = service.addVault(u"Shared"_s, VaultType::Everyone);
    for (const Group &g : std::as_const(groups))
        service.giveVaultToGroup(shared, g);
    const Vault transfer = service.addVault(u"Transfer from Sam"_s, VaultType::Transfer);
    service.giveVaultToGroup(transfer, groups.value(u"Owners"_s));
    return bootstrap->owner;
}

// A few servers and tokens so that every page has something to show, made by the owner
// through the same rules as over HTTP.
void seedServers(AccountService &service, const User &owner)
{
    const Actor actor = service.actingAs(owner);
    const auto staging =
        service.createServer(actor, u"Staging cluster"_s, {u"Kubernetes"_s, u"Staging"_s});
    const auto ci = service.createServer(actor, u"CI runners"_s, {u"CI Secrets"_s});
    bool created = false;
    if (staging.ok()) {
        service.createToken(actor, u"staging deploy"_s, staging->server.id,
                            {{u"Kubernetes"_s, Access::ReadWrite}, {u"Staging"_s, Access::Read}},
                            u"90d"_s);
        service.createToken(actor, u"staging monitoring"_s, staging->server.id,
                            {{u"Kubernetes"_s, Access::Read}}, u"5d"_s);
        service.grantGroup(actor, {u"Developers"_s, staging->server.id, false}, &created);
    }
    if (ci.ok())
        service.createToken(actor, u"ci pipeline"_s, ci->server.id,
                            {{u"CI Secrets"_s, Access::Read}}, {});
    service.grantGroup(actor, {u"Security"_s, {}, false}, &created);
}

} // namespace

QString prepareSandbox(AccountService &service, const SandboxPaths &paths, const QString &url)
{
    QJsonArray signIns = readJson(paths.usersFile()).value(u"users"_s).toArray();
    if (!service.account().ok()) {
        signIns = QJsonArray();
        seedServers(service, seedDirectory(service, signIns));
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
