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

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <functional>
#include <memory>
#include <optional>

namespace ca {

struct ServiceConfig
{
    QString issuer; // iss of every token, and the service URL
    qint64 sessionTtlSeconds = 12 * 3600;
    crypto::PasswordHashParams passwordHash;
    std::function<QDateTime()> clock; // defaults to the system clock
    // Shared by every worker of a process; by default each AccountService has its own.
    std::shared_ptr<SignInThrottle> signInThrottle;
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

// GET /v1/audit's filters as the request gave them; AccountService::auditEvents checks them.
struct AuditQuery
{
    QString actor;  // a user's email address or ID
    QString action; // "token.create", or "token" for every token.* action
    QString object; // an ID, or kind:name (server:Prod, vault:Kubernetes, token:ci, group:Ops)
    QString since;  // RFC 3339 time, or a date (YYYY-MM-DD, midnight UTC)
    QString until;
    QString text; // free text
};

// What a new account starts with; bootstrapOwner() fills in what is missing.
struct NewAccount
{
    QString name = QStringLiteral("Connect Admin");
    QString domain = QStringLiteral("connect-admin.local");
    QString ownerName = QStringLiteral("Owner");
};

struct BootstrappedAccount
{
    User owner;
    Group owners;         // built in: owners manage everything
    Group administrators; // built in: administrators too
};

// One AccountService works on one Store (one database connection) and is used from one
// thread; several workers each have their own pair. Nothing in it is global.
class AccountService
{
public:
    AccountService(Store &store, MasterKey masterKey, ServiceConfig config);

    // Loads the token signing key, creating one on first start.
    void initialize();

    QDateTime now() const;
    const ServiceConfig &config() const { return m_config; }
    // The issuer is the URL served, known only once the service listens.
    void setIssuer(const QString &issuer) { m_config.issuer = issuer; }
    // Signs page cursors; derived from the master key, so shared by all instances.
    QByteArray cursorKey() const { return m_masterKey.derive("connect-admin/page-cursor/v1"); }

    // --- the database, for /health
    int schemaVersion();
    bool isPostgres() const { return m_store.isPostgres(); }
    // The account's revision now (one indexed read), and the one this service's last
    // committed change made (see Store::accountRevision).
    qint64 accountRevision() { return m_store.accountRevision(); }
    qint64 committedRevision() const { return m_store.committedRevision(); }
    // When the next token of the account expires (ms since the epoch), or 0 for never:
    // until then, answers that depend on the clock stay what they are.
    qint64 nextTokenExpiry() { return m_store.nextTokenExpiry(now()); }

    // --- sessions; password checking itself is done by the caller off the request thread.
    // Every beginSignIn() is followed by exactly one finishSignIn() for the same attempt.
    struct SignInAttempt
    {
        std::optional<StoredUser> user;
        QString hashToCheck; // the user's hash, or a dummy one so that timing tells nothing
    };
    Result<SignInAttempt> beginSignIn(const QString &email, const QString &peer);
    Result<SessionInfo> finishSignIn(const SignInAttempt &attempt, bool passwordMatches,
                                     const QString &email, const QString &peer);
    Result<Actor> authenticate(const QByteArray &authorizationHeader);
    // authenticate() for a read made at the account's revision (read first): a session this
    // worker saw at that revision costs no query.
    Result<Actor> authenticateAt(const QByteArray &authorizationHeader, qint64 revision);
    SessionInfo sessionInfo(const Actor &actor) const;
    void signOut(const Actor &actor);

    // --- directory
    Result<Account> account();
    Result<Page<Vault>> vaults(const Actor &actor, const PageRequest &page);
    Result<Page<Group>> groups(const Actor &actor, const PageRequest &page);
    Result<Page<User>> users(const Actor &actor, const PageRequest &page);
    // The groups a user (ID or e-mail address) belongs to, by name; one page holds them all.
    Result<Page<Group>> userGroups(const Actor &actor, const QString &user);

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
    // Token creations written in one transaction: one commit (on SQLite one fsync) for all,
    // which is what bounds token creation (docs/ARCHITECTURE.md, "Group commit"). Each is
    // checked on its own, against its session as it is now, and has its own answer, in
    // order: one refused leaves the others; one that fails (500) fails alone. createToken is
    // a group of one.
    struct TokenCreation
    {
        Actor actor;
        CreateTokenRequest request;
    };
    QList<Result<CreatedToken>> createTokens(const QList<TokenCreation> &creations);
    Result<Token> renameToken(const Actor &actor, const QString &ref, const QString &serverRef,
                              const QString &name);
    Result<Token> revokeToken(const Actor &actor, const QString &ref, const QString &serverRef);

    // --- rotation, scheduled revocation, credentials renewal (AccountRotation.cpp,
    // AccountCredentials.cpp)
    Result<Token> token(const Actor &actor, const QString &ref, const QString &serverRef);
    // A new token like the old one (server, vaults and access, lifetime from now) and the old
    // one revoked at once or scheduled, in one transaction.
    Result<RotatedToken> rotateToken(const Actor &actor, const QString &ref,
                                     const QString &serverRef, const RotateTokenRequest &request);
    // Several rotations in one transaction: all of them or none.
    Result<RotatedTokens> rotateTokens(const Actor &actor, const RotateTokensRequest &request);
    Result<Token> scheduleRevocation(const Actor &actor, const QString &ref,
                                     const QString &serverRef,
                                     const ScheduleRevocationRequest &request);
    Result<Token> cancelRevocation(const Actor &actor, const QString &ref,
                                   const QString &serverRef);
    // A new secret and credentials file for the server (the old file and the tokens issued
    // against it stop matching), optionally rotating its active tokens in the same step.
    Result<RenewedCredentials> renewCredentials(const Actor &actor, const QString &serverRef,
                                                const RenewCredentialsRequest &request);
    // Revokes the tokens whose scheduled revocation has come, each with its audit event;
    // returns those this call revoked (another instance may have revoked others).
    QList<Token> revokeDueTokens();
    // The earliest scheduled revocation to come; invalid when there is none.
    QDateTime nextScheduledRevocation();
    // Told the time of every revocation this service schedules (the RevocationScheduler).
    void setRevocationListener(std::function<void(const QDateTime &)> listener)
    {
        m_revocationListener = std::move(listener);
    }
    // How long an old token stays valid beside its replacement unless the request says.
    static constexpr qint64 kDefaultOverlapSeconds = 24 * 3600;

    // --- who may administer Secrets Automation
    Result<QList<GroupGrant>> groupGrants(const Actor &actor);
    Result<GroupGrant> grantGroup(const Actor &actor, const GroupGrantRequest &request,
                                  bool *created);
    // WithServerGrants: revoking all servers takes the group's per-server grants along (as op
    // connect does); ExactlyThisGrant: only the grant named (a plan's change).
    enum class GroupRevokeScope { WithServerGrants, ExactlyThisGrant };
    Result<int> revokeGroup(const Actor &actor, const GroupGrantRequest &request,
                            GroupRevokeScope scope = GroupRevokeScope::WithServerGrants);

    // --- access as code (AccountPlans.cpp): every change of the plan through the rules above,
    // with their audit events, in one transaction; 409 stale_revision and nothing applied
    // when the account is no longer at the plan's base revision.
    Result<AppliedPlan> applyPlan(const Actor &actor, const PlanApplyRequest &request);

    // --- audit: manager rights (Owners, Administrators, Secrets Automation managers)
    Result<Page<AuditEvent>> audit(const Actor &actor, const PageRequest &page);
    Result<Page<AuditEvent>> auditEvents(const Actor &actor, const AuditQuery &query,
                                         const PageRequest &page);
    Result<AuditVerification> verifyAudit(const Actor &actor);
    // Whether the actor may read the audit log (true, or the error): for a walk of the
    // chain that runs elsewhere (GET /v1/audit/verify runs it on a connection of its own).
    Result<bool> mayReadAudit(const Actor &actor) const;
    // The same walk without a session: --verify-audit, run by whoever holds the database.
    AuditVerification verifyAuditChain();

    // --- who can reach a vault: the servers granted it (those the caller may see), their
    // tokens naming it and the groups managing them. 404 for a vault the caller can't see.
    Result<VaultAccess> vaultAccess(const Actor &actor, const QString &vaultRef);

    // --- signing keys, for /.well-known/jwks.json
    QJsonObject jwks();

    // --- seeding: the first owner (--create-owner, the sandbox) and the sandbox's directory.
    // No session and no authorization, but every change writes its audit event like any other.
    // The account, the built-in Owners and Administrators groups (each unless it exists) and
    // the owner as a member of Owners, in one transaction. Refused when the email address is
    // taken or the password is shorter than 12 characters.
    Result<BootstrappedAccount> bootstrapOwner(const QString &email, const QString &password,
                                               const NewAccount &account = {});
    User addUser(const QString &email, const QString &name, const QString &password);
    Group addGroup(const QString &name, const QString &description, bool builtin);
    Vault addVault(const QString &name, VaultType type, const QString &ownerUserId = {});
    void addMember(const Group &group, const User &user);
    void giveVaultToGroup(const Vault &vault, const Group &group);
    // The rights a user has, as an Actor without a session: for seeding as that user.
    Actor actingAs(const User &user);

    static constexpr int kMinOwnerPasswordLength = 12;

private:
    // The Store is reached only through the rules above: seeding and tests too, so that no
    // change bypasses authorization or the audit log. Tests that check the database open
    // their own Store on the same database (see tests/service/RulesFixture.h).
    Result<Server> resolveServer(const QString &ref, const Actor &actor);
    Result<Vault> resolveVault(const QString &ref, const Actor &actor);
    Result<Group> resolveGroup(const QString &ref);
    Result<Token> resolveToken(const QString &ref, const QString &serverId, const Actor &actor);
    // A token the caller manages, named by ref (and optionally its server).
    Result<Token> managedToken(const Actor &actor, const QString &ref, const QString &serverRef);
    // A token's vaults as audit events list them: "vaultId,r".
    static QJsonArray auditVaults(const QList<TokenVault> &vaults);
    // The ID of the server named by serverRef, or an empty string when serverRef is empty.
    Result<QString> optionalServerId(const Actor &actor, const QString &serverRef);
    // The signed-in caller of the session with this token hash, read from the database.
    Result<Actor> sessionActor(const QByteArray &sessionHash);
    std::optional<ApiError> requireManage(const Actor &actor, const Server &server) const;
    std::optional<ApiError> requireGrantable(const Actor &actor, const Vault &vault) const;
    std::optional<QSet<QString>> visibleServers(const Actor &actor) const;
    Result<AuditFilter> auditFilter(const Actor &actor, const AuditQuery &query);
    Result<QString> auditObject(const Actor &actor, const QString &object);
    std::optional<ApiError> checkBatch(const Actor &actor, const QList<GrantChange> &changes);
    Result<QList<TokenVault>> tokenVaults(const Actor &actor, const Server &server,
                                          const QList<VaultPermission> &requested);
    QJsonObject tokenClaims(const Token &token, const QByteArray &serverSecret) const;
    // A new token as asked for, checked (name, server, expiry, vaults), not yet written.
    Result<Token> draftToken(const Actor &actor, const CreateTokenRequest &request);
    // createTokens() in one transaction, or nothing written and an exception.
    QList<Result<CreatedToken>> writeTokens(const QList<TokenCreation> &creations);
    bool loadSigningKey();
    void ensureAccount(const QString &name, const QString &domain);
    User insertUser(const QString &email, const QString &name, const QString &passwordHash);
    std::optional<Group> builtinGroup(const QString &name);
    void audit(const Actor *actor, const QString &action, const QString &targetType,
               const QString &targetId, const QJsonObject &detail = {});
    QByteArray serverSecret(const QString &serverId);
    // The credentials file for a server's secret, issued now, and what the server row keeps
    // of it.
    QJsonObject issueCredentials(Server &server, const QByteArray &secret);

    // Rotation's steps (AccountRotation.cpp): when the old token goes, what the new one is,
    // and writing both.
    struct RotationPlan
    {
        Token old;
        Token replacement;
        QStringList droppedVaults;
    };
    // The time an old token is to be revoked; now() or earlier means at once.
    Result<QDateTime> revocationTime(const RevocationTime &when) const;
    Result<RotationPlan> planRotation(const Actor &actor, const Token &old,
                                      const std::optional<QString> &name);
    // Plans of rotateTokens(), in its request's order.
    Result<QList<RotationPlan>> planRotations(const Actor &actor,
                                              const RotateTokensRequest &request);
    // Writes the rotations inside the caller's transaction, which has bumped each server's
    // tokens_version (locking its row) and read its secret (secrets: server ID -> secret).
    Result<QList<RotatedToken>> writeRotations(const Actor &actor, const QList<RotationPlan> &plans,
                                               const QDateTime &revokeOldAt,
                                               const QHash<QString, QByteArray> &secrets);
    void notifyScheduled(const QDateTime &at);

    // applyPlan()'s steps: what the plan created so far (server name -> ID) and one change.
    struct PlanContext
    {
        QHash<QString, QString> createdServers;
    };
    QString planServer(const PlanContext &context, const QString &ref) const;
    std::optional<ApiError> applyPlanChange(const Actor &actor, const PlanChange &change,
                                            PlanContext &context, AppliedPlan &result);

    Store &m_store;
    MasterKey m_masterKey;
    ServiceConfig m_config;
    std::optional<crypto::SigningKey> m_signingKey;
    QString m_accountId;
    QString m_dummyHash;
    std::shared_ptr<SignInThrottle> m_throttle;
    std::function<void(const QDateTime &)> m_revocationListener;
    // Sessions this worker authenticated for reads, by token hash, with the revision they
    // were read at (see authenticateAt()); dropped whole when full.
    struct KnownSession
    {
        Actor actor;
        qint64 revision = 0;
    };
    static constexpr qsizetype kMaxKnownSessions = 4096;
    QHash<QByteArray, KnownSession> m_knownSessions;
};

// A name for a server, token or similar: trimmed, 1-200 characters, no control characters.
std::optional<ApiError> validateName(const QString &name, const QString &what);

} // namespace ca
