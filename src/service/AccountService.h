// The domain rules and the authorization of the account service. Every change runs in one
// transaction with its audit event. Methods return a value or an ApiError with a sentence.
#pragma once

#include "core/ApiError.h"
#include "core/Domain.h"
#include "core/Replies.h"
#include "core/Requests.h"
#include "service/Crypto.h"
#include "service/MasterKey.h"
#include "service/SignInThrottle.h"
#include "service/Store.h"

#include <QJsonObject>
#include <functional>
#include <optional>

namespace ca {

struct ServiceConfig
{
    QString issuer; // iss of every token, and the service URL
    qint64 sessionTtlSeconds = 12 * 3600;
    crypto::PasswordHashParams passwordHash;
    std::function<QDateTime()> clock; // defaults to the system clock
};

// The signed-in user behind a request and what their groups give them.
struct Actor
{
    User user;
    Membership rights;
    QByteArray sessionHash;
    QDateTime sessionExpiresAt;

    bool canManageAllServers() const { return rights.manager || rights.allServers; }
    bool canManage(const QString &serverId) const
    {
        return canManageAllServers() || rights.servers.contains(serverId);
    }
};

class AccountService
{
public:
    AccountService(Store &store, MasterKey masterKey, ServiceConfig config);

    // Loads the token signing key, creating one on first start.
    void initialize();

    QDateTime now() const;
    const ServiceConfig &config() const { return m_config; }
    // Signs page cursors; derived from the master key, so shared by all instances.
    QByteArray cursorKey() const { return m_masterKey.derive("connect-admin/page-cursor/v1"); }
    Store &store() { return m_store; }

    // --- sessions; password checking itself is done by the caller off the request thread
    struct SignInAttempt
    {
        std::optional<StoredUser> user;
        QString hashToCheck; // the user's hash, or a dummy one so that timing tells nothing
    };
    Result<SignInAttempt> beginSignIn(const QString &email, const QString &peer);
    Result<SessionInfo> finishSignIn(const SignInAttempt &attempt, bool passwordMatches,
                                     const QString &email, const QString &peer);
    Result<Actor> authenticate(const QByteArray &authorizationHeader);
    SessionInfo sessionInfo(const Actor &actor) const;
    void signOut(const Actor &actor);

    // --- directory
    Result<Account> account();
    Result<Page<Vault>> vaults(const Actor &actor, const PageRequest &page);
    Result<Page<Group>> groups(const Actor &actor, const PageRequest &page);
    Result<Page<User>> users(const Actor &actor, const PageRequest &page);

    // --- servers
    Result<Page<Server>> servers(const Actor &actor, const PageRequest &page);
    Result<Server> server(const Actor &actor, const QString &ref);
    Result<CreatedServer> createServer(const Actor &actor, const QString &name,
                                       const QStringList &vaultRefs);
    Result<Server> renameServer(const Actor &actor, const QString &ref, const QString &name);
    Result<Server> deleteServer(const Actor &actor, const QString &ref);
    Result<Server> grantVault(const Actor &actor, const QString &serverRef,
                              const QString &vaultRef);
    Result<Server> revokeVault(const Actor &actor, const QString &serverRef,
                               const QString &vaultRef);
    Result<GrantMatrix> grants(const Actor &actor);
    Result<GrantBatchResult> applyGrants(const Actor &actor, qint64 baseRevision,
                                         const QList<GrantChange> &changes);

    // --- tokens
    Result<Page<Token>> tokens(const Actor &actor, const QString &serverRef,
                               const PageRequest &page);
    Result<CreatedToken> createToken(const Actor &actor, const QString &name,
                                     const QString &serverRef, const QList<VaultPermission> &vaults,
                                     const std::optional<QString> &expiresIn);
    Result<Token> renameToken(const Actor &actor, const QString &ref, const QString &serverRef,
                              const QString &name);
    Result<Token> revokeToken(const Actor &actor, const QString &ref, const QString &serverRef);

    // --- who may administer Secrets Automation
    Result<QList<GroupGrant>> groupGrants(const Actor &actor);
    Result<GroupGrant> grantGroup(const Actor &actor, const GroupGrantRequest &request,
                                  bool *created);
    Result<int> revokeGroup(const Actor &actor, const GroupGrantRequest &request);

    // --- audit
    Result<Page<AuditEvent>> audit(const Actor &actor, const PageRequest &page);

    // --- signing keys, for /.well-known/jwks.json
    QJsonObject jwks();

    // --- seeding (sandbox and first owner); no authorization, no session
    User addUser(const QString &email, const QString &name, const QString &password);
    Group addGroup(const QString &name, const QString &description, bool builtin);
    Vault addVault(const QString &name, VaultType type, const QString &ownerUserId = {});
    void ensureAccount(const QString &name, const QString &domain);

    // The credentials file check, also used by tests: does this secret belong to the file?
    static QJsonObject buildCredentials(const QString &accountId, const QString &serverId,
                                        const QString &issuer, const QByteArray &secret);

private:
    Result<Server> resolveServer(const QString &ref, const Actor &actor);
    Result<Vault> resolveVault(const QString &ref, const Actor &actor);
    Result<Group> resolveGroup(const QString &ref);
    Result<Token> resolveToken(const QString &ref, const QString &serverId, const Actor &actor);
    std::optional<ApiError> requireManage(const Actor &actor, const Server &server) const;
    std::optional<ApiError> requireGrantable(const Actor &actor, const Vault &vault) const;
    std::optional<QSet<QString>> visibleServers(const Actor &actor) const;
    void audit(const Actor *actor, const QString &action, const QString &targetType,
               const QString &targetId, const QJsonObject &detail = {});
    QByteArray serverSecret(const QString &serverId);

    Store &m_store;
    MasterKey m_masterKey;
    ServiceConfig m_config;
    std::optional<crypto::SigningKey> m_signingKey;
    QString m_accountId;
    QString m_dummyHash;
    SignInThrottle m_throttle;
};

// A name for a server, token or similar: trimmed, 1-200 characters, no control characters.
std::optional<ApiError> validateName(const QString &name, const QString &what);

} // namespace ca
