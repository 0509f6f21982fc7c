// AccountService: construction, the token signing key, audit events, and the name rule.
#include "service/AccountService.h"

#include "core/Ids.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ca {

namespace {
constexpr int kMaxNameLength = 200;
} // namespace

std::optional<ApiError> validateName(const QString &name, const QString &what)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return ApiError::badRequest(u"The %1 name is empty."_s.arg(what), u"invalid_name"_s);
    if (trimmed.size() > kMaxNameLength)
        return ApiError::badRequest(
            u"The %1 name is %2 characters long; the limit is %3."_s.arg(what)
                .arg(trimmed.size())
                .arg(kMaxNameLength),
            u"invalid_name"_s);
    for (const char32_t c : trimmed.toUcs4()) {
        const QChar::Category cat = QChar::category(c);
        if (cat == QChar::Other_Control || cat == QChar::Other_Format ||
            cat == QChar::Other_Surrogate || cat == QChar::Other_NotAssigned)
            return ApiError::badRequest(
                u"The %1 name contains a control or invisible character."_s.arg(what),
                u"invalid_name"_s);
    }
    return std::nullopt;
}

AccountService::AccountService(Store &store, MasterKey masterKey, ServiceConfig config)
    : m_store(store)
    , m_masterKey(std::move(masterKey))
    , m_config(std::move(config))
    , m_throttle(m_config.signInThrottle ? m_config.signInThrottle
                                         : std::make_shared<SignInThrottle>())
{
    if (!m_config.clock)
        m_config.clock = [] { return QDateTime::currentDateTimeUtc(); };
    // A hash to check against when the email is unknown, so that timing does not tell.
    m_dummyHash = crypto::hashPassword(crypto::randomBytes(16), m_config.passwordHash);
}

QDateTime AccountService::now() const
{
    return m_config.clock();
}

int AccountService::schemaVersion()
{
    return m_store.schemaVersion();
}

// Every instance uses the oldest key so that instances started together agree.
bool AccountService::loadSigningKey()
{
    const QList<StoredSigningKey> keys = m_store.signingKeys();
    if (keys.isEmpty())
        return false;
    const auto pem =
        m_masterKey.open(keys.first().privateSealed, "signing-key:" + keys.first().kid.toUtf8());
    if (!pem)
        throw StoreError("the token signing key can't be opened with this master key; "
                         "is --master-key the file this database was created with?");
    m_signingKey = crypto::SigningKey::fromPrivatePem(*pem);
    if (!m_signingKey)
        throw StoreError("the stored token signing key is damaged");
    return true;
}

void AccountService::initialize()
{
    if (const auto a = m_store.account())
        m_accountId = a->id;
    if (loadSigningKey())
        return;
    crypto::SigningKey key = crypto::SigningKey::generate();
    {
        Store::Transaction tx(m_store);
        const QString kid = key.kid();
        m_store.insertSigningKey(
            StoredSigningKey{kid, m_masterKey.seal(key.privatePem(), "signing-key:" + kid.toUtf8()),
                             now()},
            key.publicJwk());
        audit(nullptr, u"signing_key.create"_s, u"signing_key"_s, kid);
        tx.commit();
    }
    loadSigningKey(); // the oldest, which is ours unless another instance was quicker
}

void AccountService::audit(const Actor *actor, const QString &action, const QString &targetType,
                           const QString &targetId, const QJsonObject &detail)
{
    AuditEvent e;
    e.at = now();
    e.actorId = actor ? actor->user.id : QString();
    e.action = action;
    e.targetType = targetType;
    e.targetId = targetId;
    e.detail = detail;
    m_store.insertAudit(e);
}

QJsonObject AccountService::jwks()
{
    QJsonArray keys;
    for (const StoredSigningKey &k : m_store.signingKeys()) {
        const auto pem = m_masterKey.open(k.privateSealed, "signing-key:" + k.kid.toUtf8());
        if (!pem)
            continue;
        if (const auto key = crypto::SigningKey::fromPrivatePem(*pem))
            keys.append(key->publicJwk());
    }
    return {{u"keys"_s, keys}};
}

QByteArray AccountService::serverSecret(const QString &serverId)
{
    const auto secret =
        m_masterKey.open(m_store.serverSecret(serverId), "server-secret:" + serverId.toUtf8());
    if (!secret)
        throw StoreError("a server secret can't be opened with this master key");
    return *secret;
}

} // namespace ca
