#include "core/JsonCodec.h"

#include "core/Ids.h"

#include <QTimeZone>

namespace ca::json {

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

QJsonArray displayIds(const QStringList &ids, IdKind kind)
{
    QJsonArray a;
    for (const QString &id : ids)
        a.append(displayId(id, kind));
    return a;
}

} // namespace

QJsonValue fromDateTime(const QDateTime &dt)
{
    if (!dt.isValid())
        return QJsonValue(QJsonValue::Null);
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime toDateTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(value.toString(), Qt::ISODate);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QJsonObject encode(const Account &a)
{
    return {{key("id"), displayId(a.id, IdKind::Account)},
            {key("name"), a.name},
            {key("domain"), a.domain},
            {key("created_at"), fromDateTime(a.createdAt)}};
}

QJsonObject encode(const User &u)
{
    return {{key("id"), displayId(u.id, IdKind::User)},
            {key("email"), u.email},
            {key("name"), u.name},
            {key("state"), u.state}};
}

QJsonObject encode(const Group &g)
{
    return {{key("id"), displayId(g.id, IdKind::Group)},
            {key("name"), g.name},
            {key("description"), g.description},
            {key("builtin"), g.builtin}};
}

QJsonObject encode(const Vault &v)
{
    QJsonObject o{{key("id"), displayId(v.id, IdKind::Vault)},
                  {key("name"), v.name},
                  {key("type"), vaultTypeName(v.type)},
                  {key("grantable"), v.grantable()},
                  {key("accessible"), v.accessible}};
    if (!v.grantable())
        o.insert(key("not_grantable_reason"), notGrantableReason(v.type, v.name));
    return o;
}

QJsonObject encode(const Server &s)
{
    return {{key("id"), displayId(s.id, IdKind::Server)},
            {key("name"), s.name},
            {key("state"), s.state},
            {key("created_at"), fromDateTime(s.createdAt)},
            {key("creator_id"), displayId(s.creatorId, IdKind::User)},
            {key("tokens_version"), s.tokensVersion},
            {key("vaults"), displayIds(s.vaults, IdKind::Vault)},
            {key("active_tokens"), s.activeTokens}};
}

QJsonObject encode(const Token &t, const QDateTime &now)
{
    QJsonArray vaults;
    for (const TokenVault &v : t.vaults)
        vaults.append(QJsonObject{{key("id"), displayId(v.vaultId, IdKind::Vault)},
                                  {key("access"), accessName(v.access)},
                                  {key("acl"), aclBits(v.access)}});
    return {{key("id"), displayId(t.id, IdKind::Token)},
            {key("name"), t.name},
            {key("integrationId"), displayId(t.serverId, IdKind::Server)},
            {key("state"), tokenStateName(t.stateAt(now))},
            {key("created_at"), fromDateTime(t.createdAt)},
            {key("expires_at"), fromDateTime(t.expiresAt)},
            {key("revoked_at"), fromDateTime(t.revokedAt)},
            {key("vaults"), vaults}};
}

QJsonObject encode(const GroupGrant &g)
{
    return {{key("group"), displayId(g.groupId, IdKind::Group)},
            {key("kind"), groupGrantKindName(g.kind)},
            {key("server"), g.serverId.isEmpty()
                                ? QJsonValue(QJsonValue::Null)
                                : QJsonValue(displayId(g.serverId, IdKind::Server))},
            {key("created_at"), fromDateTime(g.createdAt)}};
}

QJsonObject encode(const GrantMatrix &m)
{
    QJsonArray items;
    for (const VaultGrant &g : m.grants)
        items.append(QJsonObject{{key("server"), displayId(g.serverId, IdKind::Server)},
                                 {key("vault"), displayId(g.vaultId, IdKind::Vault)}});
    return {{key("revision"), m.revision}, {key("items"), items}};
}

QJsonObject encode(const SessionInfo &s)
{
    QJsonObject rights{{key("owner"), s.rights.owner},
                       {key("manager"), s.rights.manager},
                       {key("all_servers"), s.rights.allServers},
                       {key("servers"), displayIds(s.rights.servers, IdKind::Server)}};
    QJsonObject o{{key("expires_at"), fromDateTime(s.expiresAt)},
                  {key("user"), encode(s.user)},
                  {key("rights"), rights}};
    if (!s.token.isEmpty())
        o.insert(key("token"), s.token);
    return o;
}

QJsonObject encode(const AuditEvent &e)
{
    return {{key("id"), e.id},
            {key("at"), fromDateTime(e.at)},
            {key("actor"), e.actorId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                               : QJsonValue(displayId(e.actorId, IdKind::User))},
            {key("action"), e.action},
            {key("target_type"), e.targetType},
            {key("target_id"), e.targetId},
            {key("detail"), e.detail}};
}

QJsonObject encode(const GrantChange &c)
{
    return {{key("server"), displayId(c.serverId, IdKind::Server)},
            {key("vault"), displayId(c.vaultId, IdKind::Vault)},
            {key("granted"), c.granted}};
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
