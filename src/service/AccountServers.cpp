// AccountService: Connect servers and their credentials files.
#include "service/AccountService.h"
#include "service/AccountText.h"

#include "core/Ids.h"

#include <QJsonArray>
#include <QJsonDocument>

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

QJsonObject AccountService::buildCredentials(const QString &accountId, const QString &serverId,
                                             const QString &issuer, const QByteArray &secret)
{
    const QByteArray salt = crypto::randomBytes(16);
    const QString kid = newId();
    const QByteArray key = crypto::hkdfSha256(secret, salt, "connect-admin/credentials/v1", 32);
    const QJsonObject identity{{u"account"_s, displayId(accountId, IdKind::Account)},
                               {u"server"_s, displayId(serverId, IdKind::Server)},
                               {u"url"_s, issuer}};
    const crypto::Sealed sealed =
        crypto::aesGcmEncrypt(key, QJsonDocument(identity).toJson(QJsonDocument::Compact));
    auto b64 = [](const QByteArray &b) { return QString::fromLatin1(crypto::base64Url(b)); };
    return {
        {u"verifier"_s, QJsonObject{{u"salt"_s, b64(salt)},
                                    {u"localHash"_s, b64(crypto::hmacSha256(salt, secret))}}},
        {u"encCredentials"_s, QJsonObject{{u"kid"_s, kid},
                                          {u"enc"_s, u"A256GCM"_s},
                                          {u"cty"_s, u"b5+jwk+json"_s},
                                          {u"iv"_s, b64(sealed.iv)},
                                          {u"data"_s, b64(sealed.ciphertext)}}},
        {u"version"_s, u"2"_s},
        {u"deviceUuid"_s, newId()},
        {u"uniqueKey"_s, QJsonObject{{u"alg"_s, u"A256GCM"_s},
                                     {u"ext"_s, true},
                                     {u"k"_s, b64(secret)},
                                     {u"key_ops"_s, QJsonArray{u"encrypt"_s, u"decrypt"_s}},
                                     {u"kty"_s, u"oct"_s},
                                     {u"kid"_s, kid}}},
    };
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
              {{u"name"_s, name}, {u"vaults"_s, vaultIds}});
        tx.commit();
    }
    CreatedServer created;
    created.server = *m_store.server(s.id);
    created.credentials = buildCredentials(m_accountId, s.id, m_config.issuer, secret);
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
