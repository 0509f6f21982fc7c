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

} // namespace ca
