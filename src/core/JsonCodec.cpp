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
    w.field("active_tokens"_L1, s.activeTokens).endObject();
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

void write(Writer &w, const CreateTokenRequest &r)
{
    w.beginObject().field("name"_L1, r.name).field("server"_L1, r.server);
    if (!r.vaults.isEmpty()) {
        w.key("vaults"_L1).beginArray();
        for (const VaultPermission &v : r.vaults)
            w.beginObject()
                .field("vault"_L1, v.vault)
                .field("access"_L1, accessName(v.access))
                .endObject();
        w.endArray();
    }
    if (r.expiresIn)
        w.field("expires_in"_L1, *r.expiresIn);
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

// ---- the QJsonObject decoders, until their callers move to core/JsonDecoder

namespace {

QLatin1String key(const char *k)
{
    return QLatin1String(k);
}

// Small helpers that read one field and explain what is wrong with it.
class Reader
{
public:
    Reader(const QJsonObject &o, const char *what, QString *error)
        : m_o(o)
        , m_what(what)
        , m_error(error)
    {}

    bool string(const char *name, QString &out, bool required = true)
    {
        const QJsonValue v = m_o.value(key(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(name, "is missing");
            out.clear();
            return true;
        }
        if (!v.isString())
            return fail(name, "is not a string");
        out = v.toString();
        return true;
    }

    bool id(const char *name, QString &out, bool required = true)
    {
        QString text;
        if (!string(name, text, required))
            return false;
        if (text.isEmpty() && !required) {
            out.clear();
            return true;
        }
        if (!isValidId(text))
            return fail(name, "is not a valid ID");
        out = canonicalId(text);
        return true;
    }

    bool dateTime(const char *name, QDateTime &out, bool required = true)
    {
        const QJsonValue v = m_o.value(key(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(name, "is missing");
            out = QDateTime();
            return true;
        }
        out = toDateTime(v);
        if (!out.isValid())
            return fail(name, "is not an ISO 8601 time");
        return true;
    }

    bool integer(const char *name, qint64 &out, bool required = true)
    {
        const QJsonValue v = m_o.value(key(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(name, "is missing");
            out = 0;
            return true;
        }
        if (!v.isDouble())
            return fail(name, "is not a number");
        const double d = v.toDouble();
        if (d != double(qint64(d)))
            return fail(name, "is not a whole number");
        out = qint64(d);
        return true;
    }

    bool boolean(const char *name, bool &out, bool required = true)
    {
        const QJsonValue v = m_o.value(key(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(name, "is missing");
            out = false;
            return true;
        }
        if (!v.isBool())
            return fail(name, "is not true or false");
        out = v.toBool();
        return true;
    }

    bool array(const char *name, QJsonArray &out, bool required = true)
    {
        const QJsonValue v = m_o.value(key(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(name, "is missing");
            out = QJsonArray();
            return true;
        }
        if (!v.isArray())
            return fail(name, "is not a list");
        out = v.toArray();
        return true;
    }

    bool object(const char *name, QJsonObject &out, bool required = true)
    {
        const QJsonValue v = m_o.value(key(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(name, "is missing");
            out = QJsonObject();
            return true;
        }
        if (!v.isObject())
            return fail(name, "is not an object");
        out = v.toObject();
        return true;
    }

    bool fail(const char *name, const char *problem)
    {
        if (m_error)
            *m_error = QStringLiteral("%1 field \"%2\" %3")
                           .arg(QLatin1String(m_what), QLatin1String(name), QLatin1String(problem));
        return false;
    }

private:
    const QJsonObject &m_o;
    const char *m_what;
    QString *m_error;
};

} // namespace

QDateTime toDateTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(value.toString(), Qt::ISODate);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

bool decode(const QJsonObject &o, Account &out, QString *error)
{
    Reader r(o, "account", error);
    return r.id("id", out.id) && r.string("name", out.name) &&
           r.string("domain", out.domain, false) && r.dateTime("created_at", out.createdAt, false);
}

bool decode(const QJsonObject &o, User &out, QString *error)
{
    Reader r(o, "user", error);
    return r.id("id", out.id) && r.string("email", out.email) && r.string("name", out.name) &&
           r.string("state", out.state, false);
}

bool decode(const QJsonObject &o, Group &out, QString *error)
{
    Reader r(o, "group", error);
    return r.id("id", out.id) && r.string("name", out.name) &&
           r.string("description", out.description, false) &&
           r.boolean("builtin", out.builtin, false);
}

bool decode(const QJsonObject &o, Vault &out, QString *error)
{
    Reader r(o, "vault", error);
    QString type;
    if (!r.id("id", out.id) || !r.string("name", out.name) || !r.string("type", type) ||
        !r.boolean("accessible", out.accessible, false))
        return false;
    const auto t = vaultTypeFromName(type);
    if (!t)
        return r.fail("type", "is not a known vault type");
    out.type = *t;
    return true;
}

bool decode(const QJsonObject &o, Server &out, QString *error)
{
    Reader r(o, "server", error);
    QJsonArray vaults;
    qint64 active = 0;
    if (!r.id("id", out.id) || !r.string("name", out.name) || !r.string("state", out.state) ||
        !r.dateTime("created_at", out.createdAt) || !r.id("creator_id", out.creatorId, false) ||
        !r.integer("tokens_version", out.tokensVersion) || !r.array("vaults", vaults) ||
        !r.integer("active_tokens", active, false))
        return false;
    out.activeTokens = int(active);
    out.vaults.clear();
    for (const QJsonValue &v : vaults) {
        if (!v.isString() || !isValidId(v.toString()))
            return r.fail("vaults", "holds something that is not a vault ID");
        out.vaults.append(canonicalId(v.toString()));
    }
    return true;
}

bool decode(const QJsonObject &o, Token &out, QString *error)
{
    Reader r(o, "token", error);
    QString state;
    QJsonArray vaults;
    if (!r.id("id", out.id) || !r.string("name", out.name) ||
        !r.id("integrationId", out.serverId) || !r.string("state", state) ||
        !r.dateTime("created_at", out.createdAt) ||
        !r.dateTime("expires_at", out.expiresAt, false) ||
        !r.dateTime("revoked_at", out.revokedAt, false) || !r.array("vaults", vaults))
        return false;
    const auto s = tokenStateFromName(state);
    if (!s)
        return r.fail("state", "is not ACTIVE, REVOKED or EXPIRED");
    // EXPIRED is derived from the clock; keep what the service stored (active or revoked).
    out.state = *s == TokenState::Revoked ? TokenState::Revoked : TokenState::Active;
    out.vaults.clear();
    for (const QJsonValue &v : vaults) {
        const QJsonObject vo = v.toObject();
        const QString id = vo.value(key("id")).toString();
        const auto access = accessFromName(vo.value(key("access")).toString());
        if (!v.isObject() || !isValidId(id) || !access)
            return r.fail("vaults", "holds an entry without a vault ID and access");
        out.vaults.append(TokenVault{canonicalId(id), *access});
    }
    return true;
}

bool decode(const QJsonObject &o, GroupGrant &out, QString *error)
{
    Reader r(o, "group grant", error);
    QString kind;
    if (!r.id("group", out.groupId) || !r.string("kind", kind) ||
        !r.id("server", out.serverId, false) || !r.dateTime("created_at", out.createdAt, false))
        return false;
    const auto k = groupGrantKindFromName(kind);
    if (!k)
        return r.fail("kind", "is not manager, server or all_servers");
    out.kind = *k;
    if ((out.kind == GroupGrantKind::Server) == out.serverId.isEmpty())
        return r.fail("server", "does not match the kind of grant");
    return true;
}

bool decode(const QJsonObject &o, GrantMatrix &out, QString *error)
{
    Reader r(o, "grants", error);
    QJsonArray items;
    if (!r.integer("revision", out.revision) || !r.array("items", items))
        return false;
    out.grants.clear();
    out.grants.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject g = v.toObject();
        const QString server = g.value(key("server")).toString();
        const QString vault = g.value(key("vault")).toString();
        if (!isValidId(server) || !isValidId(vault))
            return r.fail("items", "holds an entry without a server and a vault ID");
        out.grants.append(VaultGrant{canonicalId(server), canonicalId(vault)});
    }
    return true;
}

bool decode(const QJsonObject &o, SessionInfo &out, QString *error)
{
    Reader r(o, "session", error);
    QJsonObject user, rights;
    if (!r.string("token", out.token, false) || !r.dateTime("expires_at", out.expiresAt) ||
        !r.object("user", user) || !r.object("rights", rights, false))
        return false;
    if (!decode(user, out.user, error))
        return false;
    Reader rr(rights, "rights", error);
    QJsonArray servers;
    if (!rr.boolean("owner", out.rights.owner, false) ||
        !rr.boolean("manager", out.rights.manager, false) ||
        !rr.boolean("all_servers", out.rights.allServers, false) ||
        !rr.array("servers", servers, false))
        return false;
    out.rights.servers.clear();
    for (const QJsonValue &v : servers) {
        if (!isValidId(v.toString()))
            return rr.fail("servers", "holds something that is not a server ID");
        out.rights.servers.append(canonicalId(v.toString()));
    }
    return true;
}

bool decode(const QJsonObject &o, AuditEvent &out, QString *error)
{
    Reader r(o, "audit event", error);
    return r.integer("id", out.id) && r.dateTime("at", out.at) &&
           r.id("actor", out.actorId, false) && r.string("action", out.action) &&
           r.string("target_type", out.targetType, false) &&
           r.string("target_id", out.targetId, false) && r.object("detail", out.detail, false);
}

QString typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::Bool:
        return QStringLiteral("true or false");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

FieldCheck checkFields(const QJsonObject &o, std::initializer_list<Field> fields,
                       const QString &what)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const Field *spec = nullptr;
        for (const Field &f : fields) {
            if (it.key() == QLatin1String(f.name))
                spec = &f;
        }
        if (!spec) {
            QStringList allowed;
            for (const Field &f : fields)
                allowed.append(QLatin1String(f.name));
            return {QStringLiteral("The %1 has an unknown field \"%2\"; allowed: %3.")
                        .arg(what, it.key(), allowed.join(QStringLiteral(", "))),
                    QStringLiteral("unknown_field")};
        }
        const QJsonValue v = it.value();
        if (v.isNull() && spec->nullable)
            continue;
        if (v.type() != spec->type)
            return {QStringLiteral("In the %1, \"%2\" must be %3, not %4.")
                        .arg(what, it.key(), typeName(spec->type), typeName(v.type())),
                    QStringLiteral("wrong_type")};
    }
    for (const Field &f : fields) {
        if (f.required && !o.contains(QLatin1String(f.name)))
            return {QStringLiteral("The %1 is missing the field \"%2\".")
                        .arg(what, QLatin1String(f.name)),
                    QStringLiteral("missing_field")};
    }
    return {};
}

} // namespace ca::json
