// The directory's objects as both the service and its clients see them.
#pragma once

#include "core/Access.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <optional>

namespace ca {

enum class VaultType { UserCreated, Personal, Everyone, Transfer };

QString vaultTypeName(VaultType type); // "USER_CREATED", "PERSONAL", ...
std::optional<VaultType> vaultTypeFromName(QStringView name);

// Only USER_CREATED vaults can be granted to a Connect server. For any other kind, the
// sentence says which kind it is and that it can't be granted.
bool isGrantable(VaultType type);
QString notGrantableReason(VaultType type, const QString &vaultName);
// The same in plain words for the desktop program's tooltips: no wire type names.
QString notGrantableExplanation(VaultType type, const QString &vaultName);

struct Account
{
    QString id; // canonical (lower-case)
    QString name;
    QString domain;
    QDateTime createdAt;
};

struct User
{
    QString id;
    QString email;
    QString name;
    QString state = QStringLiteral("ACTIVE");
};

struct Group
{
    QString id;
    QString name;
    QString description;
    bool builtin = false; // Owners and Administrators
};

struct Vault
{
    QString id;
    QString name;
    VaultType type = VaultType::UserCreated;
    bool accessible = false; // the signed-in user can access it (and so may grant it)
    bool grantable() const { return isGrantable(type); }
};

struct Server
{
    QString id;
    QString name;
    QString state = QStringLiteral("ACTIVE");
    QDateTime createdAt;
    QString creatorId;
    qint64 tokensVersion = 0;
    QStringList vaults; // granted vault IDs
    int activeTokens = 0;
    // The credentials file now in force: when it was issued, and its fingerprint (see
    // core/CredentialsFile.h; empty for a file issued before the service recorded them).
    // Initialized here so that code listing the fields above in braces needs no change.
    QDateTime credentialsIssuedAt{};
    QString credentialsFingerprint{};
};

enum class TokenState { Active, Revoked, Expired };
QString tokenStateName(TokenState state); // "ACTIVE", "REVOKED", "EXPIRED"
std::optional<TokenState> tokenStateFromName(QStringView name);

struct TokenVault
{
    QString vaultId;
    Access access = Access::ReadWrite;
    bool operator==(const TokenVault &) const = default;
};

struct Token
{
    QString id;
    QString name;
    QString serverId; // "integrationId" on the wire
    TokenState state = TokenState::Active;
    QDateTime createdAt;
    QDateTime expiresAt; // invalid when the token never expires
    QDateTime revokedAt; // invalid unless revoked
    QDateTime revokesAt; // a scheduled revocation; invalid when none is scheduled
    QList<TokenVault> vaults;

    // When the token stops working unless something changes: the earlier of its expiry and
    // its scheduled revocation; invalid when it has neither.
    QDateTime endsAt() const
    {
        if (!revokesAt.isValid())
            return expiresAt;
        if (!expiresAt.isValid())
            return revokesAt;
        return std::min(expiresAt, revokesAt);
    }

    // Expiry is computed against a clock so views and tests can move time.
    TokenState stateAt(const QDateTime &now) const
    {
        if (state == TokenState::Revoked)
            return TokenState::Revoked;
        if (expiresAt.isValid() && expiresAt <= now)
            return TokenState::Expired;
        return TokenState::Active;
    }
};

// Who may administer Secrets Automation: a manager (no server), one server, or all servers.
enum class GroupGrantKind { Manager, Server, AllServers };
QString groupGrantKindName(GroupGrantKind kind); // "manager", "server", "all_servers"
std::optional<GroupGrantKind> groupGrantKindFromName(QStringView name);

struct GroupGrant
{
    QString groupId;
    GroupGrantKind kind = GroupGrantKind::Manager;
    QString serverId; // only for kind == Server
    QDateTime createdAt;
    bool operator==(const GroupGrant &o) const
    {
        return groupId == o.groupId && kind == o.kind && serverId == o.serverId;
    }
};

// One server-vault pair of the grant matrix.
struct VaultGrant
{
    QString serverId;
    QString vaultId;
    bool operator==(const VaultGrant &) const = default;
};

struct GrantMatrix
{
    qint64 revision = 0;
    QList<VaultGrant> grants;
};

// One cell change of a batch: grant (true) or revoke (false).
struct GrantChange
{
    QString serverId;
    QString vaultId;
    bool granted = true;
    bool operator==(const GrantChange &) const = default;
};

struct GrantBatchResult
{
    qint64 revision = 0;
    int applied = 0;
};

// What the signed-in user may do; lets a client grey out what the service would refuse.
struct SessionRights
{
    bool owner = false;   // Owners or Administrators
    bool manager = false; // may create servers and manage all of them
    bool allServers = false;
    QStringList servers; // servers managed through a per-server group grant
};

struct SessionInfo
{
    QString token; // only in the sign-in answer; never logged or stored by the service
    QDateTime expiresAt;
    User user;
    SessionRights rights;
};

struct AuditEvent
{
    qint64 id = 0;
    QDateTime at;
    QString actorId;
    QString action;     // e.g. "server.create"
    QString targetType; // "server", "token", ...
    QString targetId;
    QJsonObject detail;
    // The event's place in the account's hash chain and its SHA-256 (hex) over the previous
    // event's hash and its own content; 0 and empty before the service has stored it.
    qint64 seq = 0;
    QString hash;

    // The cells a "grants.batch" event changed ({server, vault, granted} each): every one
    // ("cells"), or, in events written before 2026-12-02, the first 100 ("first"; "applied" tells
    // how many there were).
    QJsonArray batchCells() const;
};

template <typename T>
struct Page
{
    QList<T> items;
    QString nextCursor; // empty on the last page
};

} // namespace ca
