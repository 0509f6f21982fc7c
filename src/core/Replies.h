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

} // namespace ca
