// What clients send to the account service, one type per request: ApiClient encodes them
// (core/JsonCodec), the service's routes decode them strictly (core/JsonDecoder).
#pragma once

#include "core/Access.h"
#include "core/Domain.h"

#include <QDateTime>
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

// When an old token (or the tokens of old credentials) stops working: after an overlap from
// now ("24h"; "0" revokes at once), or at a time. At most one of the two; neither means the
// default overlap of the operation.
struct RevocationTime
{
    std::optional<QString> overlap;
    QDateTime at; // invalid: not given
};

// POST /v1/connect/tokens/{token}/rotate
struct RotateTokenRequest
{
    std::optional<QString> name; // unset: "<old name> (rotated <date>)"
    RevocationTime revokeOld;    // "overlap" / "revokes_at"
};

// One token of POST /v1/connect/tokens/rotate
struct RotateTokenItem
{
    QString token;               // name or ID
    std::optional<QString> name; // as in RotateTokenRequest
};

// POST /v1/connect/tokens/rotate: several tokens in one transaction, all or none.
struct RotateTokensRequest
{
    QString server; // name or ID; empty: the tokens are looked for on every server
    QList<RotateTokenItem> tokens;
    RevocationTime revokeOld;
};

// PUT /v1/connect/tokens/{token}/revokes_at: "revokes_in" (a duration from now, not zero) or
// "revokes_at" (a time), exactly one.
struct ScheduleRevocationRequest
{
    std::optional<QString> revokesIn;
    QDateTime revokesAt;
};

// POST /v1/connect/servers/{server}/credentials
struct RenewCredentialsRequest
{
    // Also rotate the server's active tokens (those without a scheduled revocation) onto the
    // new secret, in the same transaction; revokeOld says when the old ones go.
    bool rotateTokens = false;
    RevocationTime revokeOld;
};

// What one change of an access plan does (POST /v1/connect/plans/apply).
enum class PlanOp {
    ServerCreate,
    ServerRename,
    ServerDelete,
    VaultGrant,
    VaultRevoke,
    TokenCreate,
    TokenRename,
    TokenRevoke,
    GroupGrant,
    GroupRevoke,
};
QString planOpName(PlanOp op); // "server.create", "vault.grant", ... (as the audit actions)

// One change of an access plan. Existing objects are named by ID; a server that the same
// plan creates is named in "server" by the name its server.create gave it. Every member has
// an initializer, so that a change is written in braces with only the fields its op needs.
struct PlanChange
{
    PlanOp op = PlanOp::VaultGrant;
    QString server{};                   // every op but group grants of kind manager/all_servers
    QString vault{};                    // vault.grant, vault.revoke
    QString token{};                    // token.rename, token.revoke
    QString group{};                    // group.grant, group.revoke
    QString name{};                     // server.create, server.rename, token.create, token.rename
    QList<VaultPermission> vaults{};    // token.create
    std::optional<QString> expiresIn{}; // token.create; unset: never expires
    GroupGrantKind kind = GroupGrantKind::Manager; // group.grant, group.revoke
    bool operator==(const PlanChange &) const = default;
};

// POST /v1/connect/plans/apply: the changes, in order, in one transaction, only while the
// account is still at base_revision (its X-Account-Revision when the plan was made).
struct PlanApplyRequest
{
    qint64 baseRevision = 0;
    QList<PlanChange> changes;
};

// The query form of a group grant, for DELETE: group, server, all_servers.
QUrlQuery toQuery(const GroupGrantRequest &request);
// Reads it back; false with *error a sentence when all_servers is not a boolean.
bool fromQuery(const QUrlQuery &query, GroupGrantRequest &out, QString *error);

} // namespace ca
