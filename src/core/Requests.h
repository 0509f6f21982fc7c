// What clients send to the account service, one type per request: ApiClient encodes them
// (core/JsonCodec), the service's routes decode them strictly (core/JsonDecoder).
#pragma once

#include "core/Access.h"
#include "core/Domain.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace ca {

// POST /v1/auth/sessions
struct SignInRequest
{
    QString email;
    QString password;
};

// POST /v1/connect/servers
struct CreateServerRequest
{
    QString name;
    QStringList vaults; // names or IDs; may be empty
};

// PATCH /v1/connect/servers/{server} and /v1/connect/tokens/{token}
struct RenameRequest
{
    QString name;
};

// POST /v1/connect/grants/batch
struct GrantBatchRequest
{
    qint64 baseRevision = 0;
    QList<GrantChange> changes;
};

// POST /v1/connect/tokens
struct CreateTokenRequest
{
    QString name;
    QString server;                   // name or ID
    QList<VaultPermission> vaults;    // empty: all of the server's vaults, read+write
    std::optional<QString> expiresIn; // e.g. "30d"; unset: never expires
};

// POST /v1/connect/group-grants (a JSON body) and DELETE /v1/connect/group-grants (a query).
struct GroupGrantRequest
{
    QString group;
    QString server; // empty: manager (unless allServers)
    bool allServers = false;
};

// The query form of a group grant, for DELETE: group, server, all_servers.
QUrlQuery toQuery(const GroupGrantRequest &request);
// Reads it back; false with *error a sentence when all_servers is not a boolean.
bool fromQuery(const QUrlQuery &query, GroupGrantRequest &out, QString *error);

} // namespace ca
