// Persistence of the directory on Qt SQL: SQLite (WAL) by default, PostgreSQL for teams.
// One Store owns one database connection and is used from one thread. SQL failures throw
// StoreError; a Transaction rolls back unless committed.
#pragma once

#include "core/Domain.h"
#include "core/Replies.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <memory>
#include <optional>
#include <stdexcept>

namespace ca {

class SqliteChangeCounter;

class StoreError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct StoreOptions
{
    // SQLite: a commit is on disk before it is acknowledged (synchronous=FULL); NORMAL can
    // lose the last commits on power loss. Off only to measure what it costs (bench/).
    bool durableCommits = true;
    // PostgreSQL: the password (from --db-password-file). Empty: the URL's, else libpq's own
    // (PGPASSFILE, ~/.pgpass, a service file named by PGSERVICE or service=).
    QString password;
    // SQLite: shared by every Store of a process so that their write transactions wait for
    // each other here, not in SQLite's busy handler (which sleeps in steps of milliseconds).
    std::shared_ptr<QMutex> sqliteWriteLock;
    // SQLite: how long the account's revision, once read, is trusted while the database's
    // change counter stays still (SqliteChangeCounter.h): a writer the counter can't see is
    // seen after this at the latest. 0: read it every time.
    int revisionRecheckMs = 1000;
};

struct PageRequest
{
    int limit = 100;
    QString after; // exclusive keyset position (an ID, or an audit sequence number)
};

// What the audit list is filtered on; an empty field matches every event.
struct AuditFilter
{
    QString actorId;  // canonical user ID
    QString action;   // an action ("token.create"), or a family ("token": every token.* action)
    QString objectId; // canonical ID of a server, vault, token, group or user the event concerns
    QDateTime since;  // at >= since
    QDateTime until;  // at < until
    QString text;     // in the action, target or detail, case-insensitive
};

struct StoredUser
{
    User user;
    QString passwordHash;
};

struct StoredSession
{
    User user;
    QDateTime expiresAt;
};

struct StoredSigningKey
{
    QString kid;
    QByteArray privateSealed;
    QDateTime createdAt;
};

// What a user's group memberships give them.
struct Membership
{
    bool owner = false;
    bool manager = false;
    bool allServers = false;
    QStringList servers;
};

class Store
{
public:
    // url: a file path (SQLite) or postgres://user@host:port/database?host=/socket (any
    // other query item is a libpq connection option, e.g. service=NAME or sslmode=require)
    static std::unique_ptr<Store> open(const QString &url, const QString &connectionName,
                                       const StoreOptions &options = {});
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    bool isPostgres() const { return m_postgres; }
    // SQLite's PRAGMA synchronous on this connection (2 = FULL); 0 on PostgreSQL.
    int sqliteSynchronous();
    QString describe() const; // the URL without its password, for logs

    // Applies pending schema migrations; returns the schema version now in place.
    int migrate();
    int schemaVersion();
    static int latestSchemaVersion();

    // A transaction; nested ones join the outermost. One lock order for every writer: on
    // SQLite the write lock at BEGIN IMMEDIATE; on PostgreSQL the audit chain's head row
    // (every change appends an event and so takes it anyway) right after BEGIN, before any
    // other row. A writer waiting for another therefore holds nothing the other could wait
    // for, so writers on several workers or instances never deadlock (a plan locking the
    // revision first, a server deleted while one of its tokens is revoked, …).
    // Queue::None is for what writes no audit event (migrations, the text indexer).
    class Transaction
    {
    public:
        enum class Queue { AuditHead, None };
        explicit Transaction(Store &store, Queue queue = Queue::AuditHead);
        ~Transaction();
        void commit();

    private:
        Store &m_store;
        bool m_done = false;
    };

    // Meta
    // The account's revision: bumped once by every transaction that writes an audit event
    // (every change does), as its last statement before COMMIT, so any instance on the
    // database sees a new value exactly when it can see the change. On SQLite it is read
    // from the database only when the change counter beside it has moved (or once in
    // StoreOptions::revisionRecheckMs); outside a transaction it costs no query otherwise.
    qint64 accountRevision();
    // The same inside a transaction, with the revision's row locked until it ends (PostgreSQL;
    // SQLite's write lock is held from BEGIN): no other writer commits in between.
    qint64 lockedAccountRevision();
    // The revision the last committed change of this connection made; 0 before any.
    qint64 committedRevision() const { return m_committedRevision; }
    // The earliest expiry after now of a token not revoked (ms), or 0 when there is none.
    qint64 nextTokenExpiry(const QDateTime &now);
    qint64 grantsRevision();
    // Increments the revision; when expected is set, only if it still equals it.
    bool bumpGrantsRevision(std::optional<qint64> expected);

    // Account
    std::optional<Account> account();
    void insertAccount(const Account &account);

    // Users and groups
    void insertUser(const User &user, const QString &passwordHash, const QDateTime &at);
    void setPasswordHash(const QString &userId, const QString &passwordHash);
    std::optional<StoredUser> userByEmail(const QString &email);
    // A user by ID (any case) or e-mail address; no password hash.
    std::optional<User> userByIdOrEmail(const QString &ref);
    // The groups the user belongs to, by name.
    QList<Group> groupsOfUser(const QString &userId);
    Page<User> listUsers(const PageRequest &page);
    void insertGroup(const Group &group, const QDateTime &at);
    void addMember(const QString &groupId, const QString &userId);
    Page<Group> listGroups(const PageRequest &page);
    QList<Group> groupCandidates(const QString &ref);
    Membership membership(const QString &userId);

    // Vaults
    void insertVault(const Vault &vault, const QString &ownerUserId, const QDateTime &at);
    void giveVaultToUser(const QString &vaultId, const QString &userId);
    void giveVaultToGroup(const QString &vaultId, const QString &groupId);
    Page<Vault> listVaults(const PageRequest &page, const QString &forUserId);
    QList<Vault> vaultCandidates(const QString &ref, const QString &forUserId);
    // Only the vaults forUserId can see (not another user's personal vault), as everywhere.
    QHash<QString, Vault> vaultsByIds(const QSet<QString> &ids, const QString &forUserId);
    QSet<QString> accessibleVaultIds(const QString &userId);

    // Servers
    void insertServer(const Server &server, const QByteArray &sealedSecret);
    std::optional<Server> server(const QString &id);
    QList<Server> serverCandidates(const QString &ref);
    // onlyIds: when set, only these servers are listed (a user who manages a few).
    Page<Server> listServers(const PageRequest &page, const std::optional<QSet<QString>> &onlyIds,
                             const QDateTime &now);
    void renameServer(const QString &id, const QString &name);
    void deleteServer(const QString &id);
    QByteArray serverSecret(const QString &id);
    void bumpTokensVersion(const QString &serverId, qint64 changes = 1);
    bool addServerVault(const QString &serverId, const QString &vaultId, const QDateTime &at);
    bool removeServerVault(const QString &serverId, const QString &vaultId);
    QList<VaultGrant> allGrants();
    QSet<QString> existingServerIds(const QSet<QString> &ids);
    // The servers granted this vault (for GET /v1/vaults/{vault}/access).
    QList<Server> serversWithVault(const QString &vaultId);

    // Tokens
    void insertToken(const Token &token, const QString &creatorId);
    std::optional<Token> token(const QString &id);
    QList<Token> tokenCandidates(const QString &ref, const QString &serverId);
    Page<Token> listTokens(const PageRequest &page, const QString &serverId,
                           const std::optional<QSet<QString>> &onlyServers);
    void renameToken(const QString &id, const QString &name);
    void revokeToken(const QString &id, const QDateTime &at);
    // Every token (active, revoked, expired) whose scope names this vault.
    QList<Token> tokensNamingVault(const QString &vaultId);
    int revokeTokensOfServer(const QString &serverId, const QDateTime &at);

    // Scheduled revocation and credentials renewal (StoreRotation.cpp)
    // Sets or moves the token's scheduled revocation; false when the token is revoked.
    bool scheduleRevocation(const QString &tokenId, const QDateTime &at);
    // Clears it; false when none was scheduled or the token is revoked.
    bool cancelRevocation(const QString &tokenId);
    // Revokes, as of their scheduled time, the tokens whose time has come and that no one
    // revoked yet, in one statement: of several instances sweeping at once, each token is
    // revoked by exactly one, which gets it back here.
    QList<Token> revokeDueTokens(const QDateTime &now);
    // The servers that have tokens revokeDueTokens(now) would revoke.
    QStringList serversWithDueRevocations(const QDateTime &now);
    // The earliest scheduled revocation still to come; invalid when none is scheduled.
    QDateTime nextScheduledRevocation();
    // The server's tokens that are neither revoked nor expired, with their vaults.
    QList<Token> activeTokensOfServer(const QString &serverId, const QDateTime &now);
    // Gives the server a new sealed secret and records its credentials file, only if the
    // file in force is still expectedFingerprint (empty: none recorded); false otherwise.
    bool replaceServerSecret(const QString &serverId, const QByteArray &sealedSecret,
                             const QDateTime &issuedAt, const QString &fingerprint,
                             const QString &expectedFingerprint);

    // Group grants
    bool insertGroupGrant(const GroupGrant &grant);
    int deleteGroupGrants(const QString &groupId, std::optional<GroupGrantKind> kind,
                          const QString &serverId);
    QList<GroupGrant> listGroupGrants();

    // Sessions (only a hash of the bearer token is stored)
    void insertSession(const QByteArray &tokenHash, const QString &userId, const QDateTime &created,
                       const QDateTime &expires);
    std::optional<StoredSession> session(const QByteArray &tokenHash);
    void deleteSession(const QByteArray &tokenHash);
    int deleteExpiredSessions(const QDateTime &now);

    // Audit. insertAudit appends to the account's hash chain: the chain head's row is locked
    // (PostgreSQL; SQLite's write lock is held already), so that concurrent writers, other
    // instances included, append one after the other. Call it inside the change's transaction.
    void insertAudit(const AuditEvent &event);
    Page<AuditEvent> listAudit(const PageRequest &page, const AuditFilter &filter = {});
    qint64 auditCount();
    // Walks the chain from its start and names the first event that doesn't match.
    AuditVerification verifyAudit();
    // Schema migration 5: chains the events written before it, in the order of their IDs.
    void chainAuditBacklog();
    // Schema migration 7: the index of the events' text (action, target, detail) that the
    // free-text filter searches, filled with the events written before it.
    void indexAuditText();
    // Schema migration 8: where the log's times begin to be in the order of its events.
    void markAuditTimeOrder();
    // Adds the events written since the last call to the text index; the ID it is filled
    // through. On PostgreSQL the service's indexer calls it every 2 s on a connection of its
    // own (ServiceHost); a search calls it first on both databases.
    qint64 indexNewAuditText();
    qint64 auditTextIndexedThrough(); // the newest event ID in the text index
    // Schema migration 9: on PostgreSQL the events' text in a table of its own (audit_text)
    // under the trigram index, instead of an index on the events written with every change.
    void indexAuditTextApart();
    // Schema migration 10: on PostgreSQL the text keyed by every three characters (spaces and
    // punctuation included) instead of pg_trgm's word trigrams, and their counts.
    void indexAuditTrigrams();

    // Signing keys (the private key sealed under the master key)
    QList<StoredSigningKey> signingKeys();
    void insertSigningKey(const StoredSigningKey &key, const QJsonObject &publicJwk);

    // Counts, for health and tests
    qint64 count(const QString &table);

private:
    // SQLite: the FTS5 query for the events that may hold the text, the index filled through
    // event indexedThrough (see StoreAudit.cpp); empty when no event does.
    struct TextCandidates
    {
        QString match;
        bool mayHoldOthers = false; // events to check for the whole text
    };
    TextCandidates auditTextCandidates(const QString &text, qint64 indexedThrough);
    // PostgreSQL: the trigrams to look the text up by (none: read newest first), or nullopt
    // when one of its trigrams is in no event.
    std::optional<QStringList> auditTrigramsToLookUp(const QString &text, qint64 indexedThrough);
    void countAuditTrigrams(qint64 after, qint64 through);
    // PostgreSQL: the page of events holding the text (see StoreAudit.cpp).
    void listAuditTextPostgres(Page<AuditEvent> &p, int limit, const AuditFilter &filter,
                               qint64 before, qint64 from);
    // The first row's first column; 0 without a row.
    qint64 readInteger(const QString &sql, const QVariantList &values = {});
    qint64 readAccountRevision();
    Store(const QSqlDatabase &db, bool postgres, QString description);
    // Throws on failure, the transaction still open.
    void commitTransaction();
    // Never throws: Transaction's destructor calls it.
    void rollbackTransaction() noexcept;
    void bumpAccountRevision();
    QSqlQuery &prepare(const QString &sql);
    QSqlQuery &run(const QString &sql, const QVariantList &values = {});
    void exec(const QString &sql);
    void enableWal();
    QString placeholders(int n) const;
    QString serverSelect() const;
    void fillTokenVaults(QList<Token> &tokens);
    // The chain head, locked until the transaction ends: the last event's seq and hash, and
    // the latest time in the log (no event is written with an earlier one).
    struct AuditHead
    {
        qint64 seq = 0;
        QString hash;
        qint64 atMs = 0;
    };
    AuditHead lockAuditHead();
    // The chain's last seq and hash, read without a lock (its time is left out: migration 5
    // reads it before migration 8 adds the column).
    std::pair<qint64, QString> auditChainEnd();
    void setAuditHead(const AuditHead &head);
    void writeAuditHead(const AuditHead &head);
    // The first and last event ID a time window's events lie within (inclusive; first >
    // last when none does), from the index on their time: see StoreAudit.cpp.
    std::pair<qint64, qint64> auditIdRange(const QDateTime &since, const QDateTime &until);
    void insertAuditObjects(qint64 eventId, const QStringList &objectIds);

    QSqlDatabase m_db;
    bool m_postgres = false;
    QString m_description;
    QHash<QString, QSqlQuery> m_prepared;
    int m_transactionDepth = 0;
    bool m_revisionDue = false; // an audit event was written in the open transaction
    // The chain's head as the open transaction has read or moved it: read (and on PostgreSQL
    // locked) once, written once at COMMIT however many events the transaction appends.
    std::optional<AuditHead> m_head;
    bool m_headDue = false;         // m_head has moved since it was read
    bool m_trigramsCounted = false; // PostgreSQL: audit_trigram_counts exists (migration 10)
    qint64 m_committedRevision = 0;
    std::shared_ptr<QMutex> m_writeLock; // SQLite: held from BEGIN to COMMIT or ROLLBACK
    // SQLite: the count of changes committed to the file (null: read the revision every
    // time), its value before the last read of the revision, that revision (-1: not read
    // yet), and when it was read.
    std::unique_ptr<SqliteChangeCounter> m_changes;
    std::uint64_t m_changesSeen = 0;
    qint64 m_knownRevision = -1;
    QElapsedTimer m_knownRevisionAge;
    int m_revisionRecheckMs = 1000;
};

} // namespace ca
