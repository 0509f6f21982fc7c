// AccountService: Connect servers and their credentials files.
#include "service/AccountService.h"
#include "service/AccountText.h"

#include "core/CredentialsFile.h"
#include "core/Ids.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace ca::accounttext;

namespace ca {

Result<Page<Server>> AccountService::servers(const Actor &actor, const PageRequest &page)
{
    return m_store.listServers(page, visibleServers(actor), now());
}

Result<Server> AccountService::server(const Actor &actor, const QString &ref)
{
    auto s = resolveServer(ref, actor);
    if (!s.ok())
        return s;
    if (auto e = requireManage(actor, *s))
        return *e;
    return s;
}

QJsonObject AccountService::issueCredentials(Server &s, const QByteArray &secret)
{
    s.credentialsIssuedAt = now();
    QJsonObject file =
        credentials::build({m_accountId, s.id, m_config.issuer, s.credentialsIssuedAt}, secret);
    s.credentialsFingerprint = credentials::fingerprint(file);
    return file;
}

Result<CreatedServer> AccountService::createServer(const Actor &actor, const QString &rawName,
                                                   const QStringList &vaultRefs)
{
    if (!actor.rights.manager)
        return ApiError::forbidden(
            u"Creating Connect servers needs Secrets Automation manager rights: be in Owners or "
            "Administrators, or in a group granted with \"connect group grant\" without --server."_s);
    if (auto e = validateName(rawName, u"server"_s))
        return *e;
    const QString name = rawName.trimmed();
    QList<Vault> vaults;
    for (const QString &ref : vaultRefs) {
        auto v = resolveVault(ref, actor);
        if (!v.ok())
            return v.error();
        if (auto e = requireGrantable(actor, *v))
            return *e;
        if (!std::any_of(vaults.cbegin(), vaults.cend(),
                         [&](const Vault &x) { return x.id == v->id; }))
            vaults.append(*v);
    }
    Server s;
    s.id = newId();
    s.name = name;
    s.createdAt = now();
    s.creatorId = actor.user.id;
    const QByteArray secret = crypto::randomBytes(32);
    const QJsonObject credentials = issueCredentials(s, secret);
    {
        Store::Transaction tx(m_store);
        m_store.insertServer(s, m_masterKey.seal(secret, "server-secret:" + s.id.toUtf8()));
        QJsonArray vaultIds;
        for (const Vault &v : vaults) {
            m_store.addServerVault(s.id, v.id, s.createdAt);
            vaultIds.append(displayId(v.id, IdKind::Vault));
        }
        if (!vaults.isEmpty())
            m_store.bumpGrantsRevision(std::nullopt);
        audit(&actor, u"server.create"_s, u"server"_s, displayId(s.id, IdKind::Server),
              {{u"name"_s, name},
               {u"vaults"_s, vaultIds},
               {u"credentials_fingerprint"_s, s.credentialsFingerprint}});
        tx.commit();
    }
    CreatedServer created;
    created.server = *m_store.server(s.id);
    created.credentials = credentials;
    return created;
}

Result<Server> AccountService::renameServer(const Actor &actor, const QString &ref,
                                            const QString &rawName)
{
    auto s = server(actor, ref);
    if (!s.ok())
        return s;
    if (auto e = validateName(rawName, u"server"_s))
        return *e;
    const QString name = rawName.trimmed();
    Store::Transaction tx(m_store);
    m_store.renameServer(s->id, name);
    audit(&actor, u"server.rename"_s, u"server"_s, displayId(s->id, IdKind::Server),
          {{u"from"_s, s->name}, {u"to"_s, name}});
    tx.commit();
    return *m_store.server(s->id);
}

Result<Server> AccountService::deleteServer(const Actor &actor, const QString &ref)
{
    auto s = server(actor, ref);
    if (!s.ok())
        return s;
    Store::Transaction tx(m_store);
    const int revoked = m_store.revokeTokensOfServer(s->id, now());
    const bool hadVaults = !s->vaults.isEmpty();
    m_store.deleteServer(s->id);
    if (hadVaults)
        m_store.bumpGrantsRevision(std::nullopt);
    audit(&actor, u"server.delete"_s, u"server"_s, displayId(s->id, IdKind::Server),
          {{u"name"_s, s->name}, {u"revoked_tokens"_s, revoked}});
    tx.commit();
    return s;
}

} // namespace ca
