// What the account service answers beyond the domain objects themselves: the service's
// routes encode them (core/JsonCodec), ApiClient decodes them (core/JsonDecoder).
// GrantBatchResult and Page<T> live in core/Domain.h.
#pragma once

#include "core/Domain.h"

#include <QJsonObject>
#include <QString>

namespace ca {

// 201 of POST /v1/connect/servers: {"server":{…},"credentials":{…}}
struct CreatedServer
{
    Server server;
    QJsonObject credentials; // the 1password-credentials.json content, returned once
};

// 201 of POST /v1/connect/tokens: {"token":{…},"jwt":"…"}
struct CreatedToken
{
    Token token;
    QString jwt; // shown once, never stored
};

// POST /v1/connect/group-grants: {"grant":{…},"created":true|false}
struct GroupGrantResult
{
    GroupGrant grant;
    bool created = false; // false: the group already had this grant
};

// DELETE /v1/connect/group-grants: {"removed":N}
struct RemovedCount
{
    int removed = 0;
};

// One rotation: the new token (its JWT shown once) and the old one as it is now (revoked,
// or with its revokes_at). {"token":{…},"jwt":"…","previous":{…},"dropped_vaults":[…]}
struct RotatedToken
{
    CreatedToken created;
    Token previous;
    // Vaults the old token named that its server can no longer reach: the new token leaves
    // them out (it could reach them no more than the old one).
    QStringList droppedVaults;
};

// POST /v1/connect/tokens/rotate: {"items":[RotatedToken…]}, in the order asked for.
struct RotatedTokens
{
    QList<RotatedToken> items;
};

// POST /v1/connect/servers/{server}/credentials:
// {"server":{…},"credentials":{…},"stale_tokens":N,"rotated":[RotatedToken…]}
struct RenewedCredentials
{
    Server server;
    QJsonObject credentials; // the new 1password-credentials.json, returned once
    int staleTokens = 0;     // active tokens that no longer match the server's credentials
    QList<RotatedToken> rotated;
};

// GET /v1/audit/verify: the hash chain walked from its start. whole, or the first position
// whose event is missing, edited or out of place.
struct AuditVerification
{
    bool whole = true;
    qint64 count = 0;         // events that matched, in chain order, before any break
    qint64 brokenSeq = 0;     // the first chain position that doesn't match (whole: 0)
    qint64 brokenEventId = 0; // the event row found there (0: none, it was deleted)
    QString problem;          // what is wrong there, in a sentence
};

// One server of GET /v1/vaults/{vault}/access, with its tokens naming the vault and the
// groups that manage it.
struct VaultAccessGroup
{
    Group group;
    GroupGrantKind kind = GroupGrantKind::Server; // how the group manages the server
};

struct VaultAccessServer
{
    Server server;
    QList<Token> tokens; // only those naming the vault
    QList<VaultAccessGroup> groups;
};

struct VaultAccess
{
    Vault vault;
    QList<VaultAccessServer> servers;
};

// POST /v1/connect/plans/apply: {"revision":N,"applied":N,"servers":[CreatedServer…],
// "tokens":[CreatedToken…]}: the account's revision after the plan, the number of changes,
// and what the plan created with the secrets shown this once (credentials files and JWTs),
// in the plan's order.
struct AppliedPlan
{
    qint64 revision = 0;
    int applied = 0;
    QList<CreatedServer> servers;
    QList<CreatedToken> tokens;
};

} // namespace ca
