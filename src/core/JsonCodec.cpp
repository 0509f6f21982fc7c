#include "core/JsonCodec.h"

#include "core/Ids.h"

#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace ca::json {

QLatin1StringView isoUtc(const QDateTime &dt, char (&buffer)[32])
{
    // "2026-11-27T20:56:08.123Z" from the epoch milliseconds, without QDateTime::toString's
    // locale and time-zone machinery (ten times the cost, on every row of every list).
    const qint64 ms = dt.toMSecsSinceEpoch();
    qint64 days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    qint64 rest = ms - days * 86400000;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    const int hour = int(rest / 3600000);
    rest %= 3600000;
    const int minute = int(rest / 60000);
    rest %= 60000;
    const int second = int(rest / 1000);
    const int milli = int(rest % 1000);
    if (year < 0 || year > 9999)
        return {};
    auto put = [&buffer](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            buffer[at + i] = char('0' + value % 10);
    };
    put(0, int(year), 4);
    buffer[4] = '-';
    put(5, month, 2);
    buffer[7] = '-';
    put(8, day, 2);
    buffer[10] = 'T';
    put(11, hour, 2);
    buffer[13] = ':';
    put(14, minute, 2);
    buffer[16] = ':';
    put(17, second, 2);
    buffer[19] = '.';
    put(20, milli, 3);
    buffer[23] = 'Z';
    return QLatin1StringView(buffer, 24);
}

QString isoUtc(const QDateTime &dt)
{
    char buffer[32];
    const QLatin1StringView text = isoUtc(dt, buffer);
    return text.isEmpty() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString(text);
}

QJsonValue fromDateTime(const QDateTime &dt)
{
    if (!dt.isValid())
        return QJsonValue(QJsonValue::Null);
    return isoUtc(dt);
}

namespace {

void time(Writer &w, QLatin1StringView name, const QDateTime &dt)
{
    w.key(name);
    if (dt.isValid())
        w.value(isoUtc(dt));
    else
        w.null();
}

void ids(Writer &w, QLatin1StringView name, const QStringList &list, IdKind kind)
{
    w.key(name).beginArray();
    for (const QString &id : list)
        w.value(displayId(id, kind));
    w.endArray();
}

} // namespace

void write(Writer &w, const Account &a)
{
    w.beginObject()
        .field("id"_L1, displayId(a.id, IdKind::Account))
        .field("name"_L1, a.name)
        .field("domain"_L1, a.domain);
    time(w, "created_at"_L1, a.createdAt);
    w.endObject();
}

void write(Writer &w, const User &u)
{
    w.beginObject()
        .field("id"_L1, displayId(u.id, IdKind::User))
        .field("email"_L1, u.email)
        .field("name"_L1, u.name)
        .field("state"_L1, u.state)
        .endObject();
}

void write(Writer &w, const Group &g)
{
    w.beginObject()
        .field("id"_L1, displayId(g.id, IdKind::Group))
        .field("name"_L1, g.name)
        .field("description"_L1, g.description)
        .field("builtin"_L1, g.builtin)
        .endObject();
}

void write(Writer &w, const Vault &v)
{
    w.beginObject()
        .field("id"_L1, displayId(v.id, IdKind::Vault))
        .field("name"_L1, v.name)
        .field("type"_L1, vaultTypeName(v.type))
        .field("grantable"_L1, v.grantable())
        .field("accessible"_L1, v.accessible);
    if (!v.grantable())
        w.field("not_grantable_reason"_L1, notGrantableReason(v.type, v.name));
    w.endObject();
}

void write(Writer &w, const Server &s)
{
    w.beginObject()
        .field("id"_L1, displayId(s.id, IdKind::Server))
        .field("name"_L1, s.name)
        .field("state"_L1, s.state);
    time(w, "created_at"_L1, s.createdAt);
    w.field("creator_id"_L1, displayId(s.creatorId, IdKind::User))
        .field("tokens_version"_L1, s.tokensVersion);
    ids(w, "vaults"_L1, s.vaults, IdKind::Vault);
    w.field("active_tokens"_L1, s.activeTokens);
    time(w, "credentials_issued_at"_L1, s.credentialsIssuedAt);
    w.key("credentials_fingerprint"_L1);
    if (s.credentialsFingerprint.isEmpty())
        w.null();
    else
        w.value(s.credentialsFingerprint);
    w.endObject();
}

void write(Writer &w, const Token &t, const QDateTime &now)
{
    w.beginObject()
        .field("id"_L1, displayId(t.id, IdKind::Token))
        .field("name"_L1, t.name)
        .field("integrationId"_L1, displayId(t.serverId, IdKind::Server))
        .field("state"_L1, tokenStateName(t.stateAt(now)));
    time(w, "created_at"_L1, t.createdAt);
    time(w, "expires_at"_L1, t.expiresAt);
    time(w, "revoked_at"_L1, t.revokedAt);
    if (t.revokesAt.isValid()) // only when scheduled: lists of tokens stay as short as they were
        time(w, "revokes_at"_L1, t.revokesAt);
    w.key("vaults"_L1).beginArray();
    for (const TokenVault &v : t.vaults)
        w.beginObject()
            .field("id"_L1, displayId(v.vaultId, IdKind::Vault))
            .field("access"_L1, accessName(v.access))
            .field("acl"_L1, aclBits(v.access))
            .endObject();
    w.endArray().endObject();
}

void write(Writer &w, const GroupGrant &g)
{
    w.beginObject()
        .field("group"_L1, displayId(g.groupId, IdKind::Group))
        .field("kind"_L1, groupGrantKindName(g.kind));
    w.key("server"_L1);
    if (g.serverId.isEmpty())
        w.null();
    else
        w.value(displayId(g.serverId, IdKind::Server));
    time(w, "created_at"_L1, g.createdAt);
    w.endObject();
}

void write(Writer &w, const GrantMatrix &m)
{
    w.beginObject().field("revision"_L1, m.revision).key("items"_L1).beginArray();
    for (const VaultGrant &g : m.grants)
        w.beginObject()
            .field("server"_L1, displayId(g.serverId, IdKind::Server))
            .field("vault"_L1, displayId(g.vaultId, IdKind::Vault))
            .endObject();
    w.endArray().endObject();
}

void write(Writer &w, const SessionInfo &s)
{
    w.beginObject();
    time(w, "expires_at"_L1, s.expiresAt);
    w.key("user"_L1);
    write(w, s.user);
    w.key("rights"_L1)
        .beginObject()
        .field("owner"_L1, s.rights.owner)
        .field("manager"_L1, s.rights.manager)
        .field("all_servers"_L1, s.rights.allServers);
    ids(w, "servers"_L1, s.rights.servers, IdKind::Server);
    w.endObject();
    if (!s.token.isEmpty())
        w.field("token"_L1, s.token);
    w.endObject();
}

void write(Writer &w, const AuditEvent &e)
{
    w.beginObject().field("id"_L1, e.id);
    time(w, "at"_L1, e.at);
    w.key("actor"_L1);
    if (e.actorId.isEmpty())
        w.null();
    else
        w.value(displayId(e.actorId, IdKind::User));
    w.field("action"_L1, e.action)
        .field("target_type"_L1, e.targetType)
        .field("target_id"_L1, e.targetId)
        .key("detail"_L1)
        .raw(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))
        .field("seq"_L1, e.seq)
        .field("hash"_L1, e.hash)
        .endObject();
}

void write(Writer &w, const GrantChange &c)
{
    w.beginObject()
        .field("server"_L1, displayId(c.serverId, IdKind::Server))
        .field("vault"_L1, displayId(c.vaultId, IdKind::Vault))
        .field("granted"_L1, c.granted)
        .endObject();
}

// ---- request bodies

void write(Writer &w, const SignInRequest &r)
{
    w.beginObject().field("email"_L1, r.email).field("password"_L1, r.password).endObject();
}

void write(Writer &w, const CreateServerRequest &r)
{
    w.beginObject().field("name"_L1, r.name).key("vaults"_L1).beginArray();
    for (const QString &vault : r.vaults)
        w.value(vault);
    w.endArray().endObject();
}

void write(Writer &w, const RenameRequest &r)
{
    w.beginObject().field("name"_L1, r.name).endObject();
}

void write(Writer &w, const GrantBatchRequest &r)
{
    w.beginObject().field("base_revision"_L1, r.baseRevision).key("changes"_L1).beginArray();
    for (const GrantChange &c : r.changes)
        write(w, c);
    w.endArray().endObject();
}

namespace {
// A new token's "vaults" (when any) and "expires_in" (when set): token create and plans.
void tokenScope(Writer &w, const QList<VaultPermission> &vaults,
                const std::optional<QString> &expiresIn)
{
    if (!vaults.isEmpty()) {
        w.key("vaults"_L1).beginArray();
        for (const VaultPermission &v : vaults)
            w.beginObject()
                .field("vault"_L1, v.vault)
                .field("access"_L1, accessName(v.access))
                .endObject();
        w.endArray();
    }
    if (expiresIn)
        w.field("expires_in"_L1, *expiresIn);
}
} // namespace

void write(Writer &w, const CreateTokenRequest &r)
{
    w.beginObject().field("name"_L1, r.name).field("server"_L1, r.server);
    tokenScope(w, r.vaults, r.expiresIn);
    w.endObject();
}

void write(Writer &w, const GroupGrantRequest &r)
{
    w.beginObject().field("group"_L1, r.group);
    if (!r.server.isEmpty())
        w.field("server"_L1, r.server);
    if (r.allServers)
        w.field("all_servers"_L1, true);
    w.endObject();
}

namespace {

void revocationTime(Writer &w, const RevocationTime &r)
{
    if (r.overlap)
        w.field("overlap"_L1, *r.overlap);
    if (r.at.isValid())
        time(w, "revokes_at"_L1, r.at);
}

void optionalName(Writer &w, const std::optional<QString> &name)
{
    if (name)
        w.field("name"_L1, *name);
}

} // namespace

void write(Writer &w, const RotateTokenRequest &r)
{
    w.beginObject();
    optionalName(w, r.name);
    revocationTime(w, r.revokeOld);
    w.endObject();
}

void write(Writer &w, const RotateTokensRequest &r)
{
    w.beginObject();
    if (!r.server.isEmpty())
        w.field("server"_L1, r.server);
    w.key("tokens"_L1).beginArray();
    for (const RotateTokenItem &item : r.tokens) {
        w.beginObject().field("token"_L1, item.token);
        optionalName(w, item.name);
        w.endObject();
    }
    w.endArray();
    revocationTime(w, r.revokeOld);
    w.endObject();
}

void write(Writer &w, const ScheduleRevocationRequest &r)
{
    w.beginObject();
    if (r.revokesIn)
        w.field("revokes_in"_L1, *r.revokesIn);
    if (r.revokesAt.isValid())
        time(w, "revokes_at"_L1, r.revokesAt);
    w.endObject();
}

void write(Writer &w, const RenewCredentialsRequest &r)
{
    w.beginObject().field("rotate_tokens"_L1, r.rotateTokens);
    revocationTime(w, r.revokeOld);
    w.endObject();
}

void write(Writer &w, const PlanChange &c)
{
    // Only the fields the change has: each op names what it needs.
    w.beginObject().field("op"_L1, planOpName(c.op));
    const std::pair<QLatin1StringView, const QString *> texts[] = {
        {"server"_L1, &c.server}, {"vault"_L1, &c.vault}, {"token"_L1, &c.token},
        {"group"_L1, &c.group},   {"name"_L1, &c.name},
    };
    for (const auto &[key, text] : texts) {
        if (!text->isEmpty())
            w.field(key, *text);
    }
    tokenScope(w, c.vaults, c.expiresIn);
    if (c.op == PlanOp::GroupGrant || c.op == PlanOp::GroupRevoke)
        w.field("kind"_L1, groupGrantKindName(c.kind));
    w.endObject();
}

void write(Writer &w, const PlanApplyRequest &r)
{
    w.beginObject().field("base_revision"_L1, r.baseRevision).key("changes"_L1).beginArray();
    for (const PlanChange &c : r.changes)
        write(w, c);
    w.endArray().endObject();
}

// ---- replies

void write(Writer &w, const CreatedServer &c)
{
    w.beginObject().key("server"_L1);
    write(w, c.server);
    w.key("credentials"_L1)
        .raw(QJsonDocument(c.credentials).toJson(QJsonDocument::Compact))
        .endObject();
}

void write(Writer &w, const CreatedToken &c, const QDateTime &now)
{
    w.beginObject().key("token"_L1);
    write(w, c.token, now);
    w.field("jwt"_L1, c.jwt).endObject();
}

void write(Writer &w, const GrantBatchResult &r)
{
    w.beginObject().field("revision"_L1, r.revision).field("applied"_L1, r.applied).endObject();
}

void write(Writer &w, const GroupGrantResult &r)
{
    w.beginObject().key("grant"_L1);
    write(w, r.grant);
    w.field("created"_L1, r.created).endObject();
}

void write(Writer &w, const RemovedCount &r)
{
    w.beginObject().field("removed"_L1, r.removed).endObject();
}

void write(Writer &w, const RotatedToken &r, const QDateTime &now)
{
    w.beginObject().key("token"_L1);
    write(w, r.created.token, now);
    w.field("jwt"_L1, r.created.jwt).key("previous"_L1);
    write(w, r.previous, now);
    ids(w, "dropped_vaults"_L1, r.droppedVaults, IdKind::Vault);
    w.endObject();
}

namespace {
void rotatedList(Writer &w, QLatin1StringView name, const QList<RotatedToken> &items,
                 const QDateTime &now)
{
    w.key(name).beginArray();
    for (const RotatedToken &r : items)
        write(w, r, now);
    w.endArray();
}
} // namespace

void write(Writer &w, const RotatedTokens &r, const QDateTime &now)
{
    w.beginObject();
    rotatedList(w, "items"_L1, r.items, now);
    w.endObject();
}

void write(Writer &w, const RenewedCredentials &r, const QDateTime &now)
{
    w.beginObject().key("server"_L1);
    write(w, r.server);
    w.key("credentials"_L1)
        .raw(QJsonDocument(r.credentials).toJson(QJsonDocument::Compact))
        .field("stale_tokens"_L1, r.staleTokens);
    rotatedList(w, "rotated"_L1, r.rotated, now);
    w.endObject();
}

void write(Writer &w, const AuditVerification &v)
{
    w.beginObject().field("whole"_L1, v.whole).field("count"_L1, v.count);
    if (!v.whole) {
        w.field("broken_seq"_L1, v.brokenSeq).key("broken_event_id"_L1);
        if (v.brokenEventId)
            w.value(v.brokenEventId);
        else
            w.null();
        w.field("problem"_L1, v.problem);
    }
    w.endObject();
}

void write(Writer &w, const VaultAccess &access, const QDateTime &now)
{
    w.beginObject().key("vault"_L1);
    write(w, access.vault);
    w.key("servers"_L1).beginArray();
    for (const VaultAccessServer &s : access.servers) {
        w.beginObject().key("server"_L1);
        write(w, s.server);
        w.key("tokens"_L1).beginArray();
        for (const Token &t : s.tokens)
            write(w, t, now);
        w.endArray().key("groups"_L1).beginArray();
        for (const VaultAccessGroup &g : s.groups) {
            w.beginObject()
                .field("id"_L1, displayId(g.group.id, IdKind::Group))
                .field("name"_L1, g.group.name)
                .field("kind"_L1, groupGrantKindName(g.kind))
                .endObject();
        }
        w.endArray().endObject();
    }
    w.endArray().endObject();
}

void write(Writer &w, const AppliedPlan &p, const QDateTime &now)
{
    w.beginObject()
        .field("revision"_L1, p.revision)
        .field("applied"_L1, p.applied)
        .key("servers"_L1)
        .beginArray();
    for (const CreatedServer &s : p.servers)
        write(w, s);
    w.endArray().key("tokens"_L1).beginArray();
    for (const CreatedToken &t : p.tokens)
        write(w, t, now);
    w.endArray().endObject();
}

} // namespace ca::json
