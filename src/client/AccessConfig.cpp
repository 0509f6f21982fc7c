#include "client/AccessConfig.h"

#include "core/Duration.h"
#include "core/Ids.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// Translatable strings of this file, in the context "ca::AccessConfig".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::AccessConfig)
};

ConfigPos posOf(const YAML::Mark &mark)
{
    if (mark.is_null())
        return {};
    return {mark.line + 1, mark.column + 1};
}

ConfigPos posOf(const YAML::Node &node)
{
    return posOf(node.Mark());
}

QString typeName(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return Text::tr("a mapping");
    case YAML::NodeType::Sequence:
        return Text::tr("a list");
    case YAML::NodeType::Null:
        return Text::tr("nothing");
    default:
        break;
    }
    return Text::tr("a single value");
}

// Reads the nodes of the file into an AccessConfig, collecting every error on the way.
class Reader
{
public:
    ConfigParse read(const YAML::Node &root)
    {
        if (root.IsNull())
            return std::move(m_parse); // an empty file: nothing is configured
        if (!expectMap(root, u"the file"_s))
            return std::move(m_parse);
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QString key = QString::fromStdString(it->first.Scalar());
            const YAML::Node value = it->second;
            if (key == u"version")
                readVersion(value);
            else if (key == u"servers")
                readServers(value);
            else if (key == u"groups")
                readGroups(value);
            else
                unknownKey(it->first, u"version, servers, groups"_s);
        }
        return std::move(m_parse);
    }

private:
    void error(const ConfigPos &at, const QString &message)
    {
        m_parse.errors.append({at, message});
    }

    void unknownKey(const YAML::Node &key, const QString &expected)
    {
        error(posOf(key), Text::tr("unknown key \"%1\" (expected %2)")
                              .arg(QString::fromStdString(key.Scalar()), expected));
    }

    bool expectMap(const YAML::Node &node, const QString &what)
    {
        if (node.IsMap())
            return true;
        error(
            posOf(node),
            Text::tr("%1 must be a mapping (key: value lines), not %2").arg(what, typeName(node)));
        return false;
    }

    bool expectList(const YAML::Node &node, const QString &what)
    {
        if (node.IsSequence())
            return true;
        if (node.IsNull())
            return false; // "vaults:" with nothing after it: an empty list
        error(posOf(node), Text::tr("%1 must be a list (lines starting with \"- \"), not %2")
                               .arg(what, typeName(node)));
        return false;
    }

    std::optional<ConfigText> text(const YAML::Node &node, const QString &what)
    {
        if (!node.IsScalar()) {
            error(posOf(node),
                  Text::tr("%1 must be a single value, not %2").arg(what, typeName(node)));
            return std::nullopt;
        }
        const QString value = QString::fromStdString(node.Scalar()).trimmed();
        if (value.isEmpty()) {
            error(posOf(node), Text::tr("%1 is empty").arg(what));
            return std::nullopt;
        }
        return ConfigText{value, posOf(node)};
    }

    QList<ConfigText> texts(const YAML::Node &node, const QString &what)
    {
        QList<ConfigText> out;
        if (!expectList(node, what))
            return out;
        for (const YAML::Node &item : node) {
            if (auto t = text(item, what))
                out.append(*t);
        }
        return out;
    }

    std::optional<ConfigText> id(const YAML::Node &node, IdKind kind)
    {
        auto t = text(node, u"id"_s);
        if (!t)
            return std::nullopt;
        if (!isValidId(t->value)) {
            error(t->at,
                  Text::tr("\"%1\" is not an ID (26 characters of a-z and 2-7)").arg(t->value));
            return std::nullopt;
        }
        t->value = displayId(canonicalId(t->value), kind);
        return t;
    }

    void readVersion(const YAML::Node &node)
    {
        const auto t = text(node, u"version"_s);
        if (t && t->value != QString::number(kAccessConfigVersion))
            error(t->at, Text::tr("version %1 is not known; this program reads version %2")
                             .arg(t->value)
                             .arg(kAccessConfigVersion));
    }

    void readServers(const YAML::Node &node)
    {
        if (!expectList(node, u"servers"_s))
            return;
        QHash<QString, std::pair<ConfigPos, bool>> names; // folded name -> place, has an id
        QHash<QString, ConfigPos> ids;
        for (const YAML::Node &item : node) {
            if (!expectMap(item, u"a server"_s))
                continue;
            ConfigServer s = readServer(item);
            if (s.name.value.isEmpty())
                continue;
            // Servers may share a name in an account; in the file, entries that share one
            // must each say by their id which server they are.
            const QString key = s.name.value.toCaseFolded();
            if (const auto seen = names.constFind(key); seen != names.constEnd()) {
                if (!s.id || !seen->second)
                    error(s.name.at, Text::tr("duplicate server \"%1\" (also at line %2); give "
                                              "each an id line, or another name")
                                         .arg(s.name.value)
                                         .arg(seen->first.line));
            } else {
                names.insert(key, {s.name.at, s.id.has_value()});
            }
            if (s.id) {
                if (const auto seen = ids.constFind(s.id->value); seen != ids.constEnd())
                    error(s.id->at, Text::tr("the server ID %1 is used twice (also at line %2)")
                                        .arg(s.id->value)
                                        .arg(seen->line));
                else
                    ids.insert(s.id->value, s.id->at);
            }
            m_parse.config.servers.append(s);
        }
    }

    ConfigServer readServer(const YAML::Node &node)
    {
        ConfigServer s;
        s.at = posOf(node);
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.Scalar());
            const YAML::Node value = it->second;
            if (key == u"name") {
                if (auto t = text(value, u"a server's name"_s))
                    s.name = *t;
            } else if (key == u"id") {
                s.id = id(value, IdKind::Server);
            } else if (key == u"vaults") {
                s.vaults = texts(value, u"a server's vaults"_s);
            } else if (key == u"groups") {
                s.groups = texts(value, u"a server's groups"_s);
            } else if (key == u"tokens") {
                readTokens(value, s);
            } else {
                unknownKey(it->first, u"name, id, vaults, groups, tokens"_s);
            }
        }
        if (s.name.value.isEmpty() && !node["name"])
            error(s.at, Text::tr("a server needs a name"));
        return s;
    }

    void readTokens(const YAML::Node &node, ConfigServer &server)
    {
        if (!expectList(node, u"a server's tokens"_s))
            return;
        for (const YAML::Node &item : node) {
            if (!expectMap(item, u"a token"_s))
                continue;
            ConfigToken t = readToken(item);
            for (const ConfigToken &other : std::as_const(server.tokens)) {
                if (t.id && other.id && t.id->value == other.id->value)
                    error(t.id->at, Text::tr("the token ID %1 is used twice (also at line %2)")
                                        .arg(t.id->value)
                                        .arg(other.id->at.line));
            }
            server.tokens.append(t);
        }
    }

    ConfigToken readToken(const YAML::Node &node)
    {
        ConfigToken t;
        t.at = posOf(node);
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.Scalar());
            const YAML::Node value = it->second;
            if (key == u"name") {
                if (auto v = text(value, u"a token's name"_s))
                    t.name = *v;
            } else if (key == u"id") {
                t.id = id(value, IdKind::Token);
            } else if (key == u"vaults") {
                readTokenVaults(value, t);
            } else if (key == u"expires_in") {
                readExpiresIn(value, t);
            } else if (key == u"expires") {
                readExpires(value, t);
            } else if (key == u"state") {
                readState(value, t);
            } else {
                unknownKey(it->first, u"name, id, vaults, expires_in, expires, state"_s);
            }
        }
        if (t.name.value.isEmpty() && !node["name"])
            error(t.at, Text::tr("a token needs a name"));
        if (t.expiresIn && t.expires)
            error(t.expiresIn->at,
                  Text::tr("give either expires_in (a new token's lifetime) or expires (an "
                           "existing token's expiry), not both"));
        return t;
    }

    void readTokenVaults(const YAML::Node &node, ConfigToken &t)
    {
        if (node.IsNull())
            return;
        if (!expectMap(node, u"a token's vaults"_s))
            return;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const auto vault = text(it->first, u"a vault"_s);
            const auto word = text(it->second, u"an access"_s);
            if (!vault || !word)
                continue;
            // The op-style suffix, read by the same parser as --vault's.
            const std::optional<Access> access = accessFromSuffix(word->value);
            if (!access) {
                error(word->at, Text::tr("bad access \"%1\" for the vault \"%2\": use r, w or rw")
                                    .arg(word->value, vault->value));
                continue;
            }
            t.vaults.append({*vault, *access});
        }
    }

    void readExpiresIn(const YAML::Node &node, ConfigToken &t)
    {
        auto v = text(node, u"expires_in"_s);
        if (!v)
            return;
        const DurationParse d = parseDuration(v->value);
        if (!d.seconds) {
            error(v->at, Text::tr("bad duration: %1").arg(d.error));
            return;
        }
        t.expiresIn = v;
    }

    void readExpires(const YAML::Node &node, ConfigToken &t)
    {
        auto v = text(node, u"expires"_s);
        if (!v)
            return;
        if (v->value != u"never" && !QDateTime::fromString(v->value, Qt::ISODate).isValid()) {
            error(v->at, Text::tr("\"%1\" is not a time like 2026-12-31T18:00:00Z (or never)")
                             .arg(v->value));
            return;
        }
        t.expires = v;
    }

    void readState(const YAML::Node &node, ConfigToken &t)
    {
        const auto v = text(node, u"state"_s);
        if (!v)
            return;
        const auto state = tokenStateFromName(v->value.toUpper());
        if (!state) {
            error(v->at, Text::tr("unknown state \"%1\" (expected active, revoked or expired)")
                             .arg(v->value));
            return;
        }
        t.state = *state;
        t.stateAt = v->at;
    }

    void readGroups(const YAML::Node &node)
    {
        m_parse.config.hasGroups = true;
        if (node.IsNull())
            return;
        if (!expectMap(node, u"groups"_s))
            return;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.Scalar());
            if (key == u"managers")
                m_parse.config.managers = texts(it->second, u"managers"_s);
            else if (key == u"all_servers")
                m_parse.config.allServers = texts(it->second, u"all_servers"_s);
            else
                unknownKey(it->first, u"managers, all_servers"_s);
        }
    }

    ConfigParse m_parse;
};

// ---- export

// A name where it names one object, else the ID (so that the file reads back the same).
template <typename T>
QHash<QString, QString> referenceNames(const QList<T> &items, IdKind kind)
{
    QHash<QString, int> count;
    for (const T &item : items)
        ++count[item.name.toCaseFolded()];
    QHash<QString, QString> out;
    for (const T &item : items) {
        const bool unique = count.value(item.name.toCaseFolded()) == 1 && !isValidId(item.name);
        out.insert(item.id, unique ? item.name : displayId(item.id, kind));
    }
    return out;
}

// Names sorted in the program's name order, then by the text itself, so that the order
// never depends on the order the service listed them in.
void sortNames(QStringList &names)
{
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        const int c = QString::compare(a, b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
}

template <typename T>
void sortByNameThenId(QList<T> &items)
{
    std::sort(items.begin(), items.end(), [](const T &a, const T &b) {
        const int c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
        if (a.name != b.name)
            return a.name < b.name;
        return a.id < b.id;
    });
}

// Text that a YAML reader would take for something else (true, null, 12, 1e3, ~) is quoted,
// so that any YAML tool reads every name as text; yaml-cpp quotes what it must on its own.
YAML::Emitter &operator<<(YAML::Emitter &out, const QString &text)
{
    static const QRegularExpression other(
        u"^(?:true|false|yes|no|on|off|y|n|null|~|\\.inf|[-+]\\.inf|\\.nan"
        "|[-+]?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9]+)(?:e[-+]?[0-9]+)?"
        "|0x[0-9a-f]+|0o[0-7]+|[0-9]{4}-[0-9]{2}-[0-9]{2}.*)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (other.match(text).hasMatch())
        return out << YAML::DoubleQuoted << text.toStdString();
    return out << text.toStdString();
}

// A sorted list under key; nothing when it is empty. Without a key: only the list, for a
// caller that wrote the key.
void emitList(YAML::Emitter &out, const char *key, QStringList values)
{
    if (values.isEmpty() && key)
        return;
    sortNames(values);
    if (key)
        out << YAML::Key << key << YAML::Value;
    out << YAML::BeginSeq;
    for (const QString &v : std::as_const(values))
        out << v;
    out << YAML::EndSeq;
}

QString exportTime(const QDateTime &t)
{
    if (!t.isValid())
        return u"never"_s;
    return t.toUTC().toString(Qt::ISODate); // seconds: the file is read by people
}

class Exporter
{
public:
    explicit Exporter(const AccountSnapshot &s)
        : m_s(s)
        , m_vaultNames(referenceNames(s.vaults, IdKind::Vault))
        , m_groupNames(referenceNames(s.groups, IdKind::Group))
    {
        // By server once: the export walks every server (1,000 of them × 100,000 tokens).
        for (const Token &t : s.tokens)
            m_tokensByServer[t.serverId].append(t);
        for (const GroupGrant &g : s.groupGrants) {
            if (g.kind == GroupGrantKind::Server)
                m_groupsByServer[g.serverId].append(g.groupId);
        }
    }

    QByteArray run()
    {
        YAML::Emitter out;
        out.SetIndent(2);
        out << YAML::BeginMap;
        out << YAML::Key << "version" << YAML::Value << kAccessConfigVersion;
        QList<Server> servers = m_s.servers;
        sortByNameThenId(servers);
        out << YAML::Key << "servers" << YAML::Value << YAML::BeginSeq;
        for (const Server &server : std::as_const(servers))
            emitServer(out, server);
        out << YAML::EndSeq;
        if (m_s.groupGrantsVisible)
            emitGroups(out);
        out << YAML::EndMap;
        QByteArray bytes(out.c_str(), qsizetype(out.size()));
        bytes += '\n';
        return bytes;
    }

private:
    QString vaultName(const QString &id) const
    {
        return m_vaultNames.value(id, displayId(id, IdKind::Vault));
    }
    QString groupName(const QString &id) const
    {
        return m_groupNames.value(id, displayId(id, IdKind::Group));
    }

    void emitServer(YAML::Emitter &out, const Server &server)
    {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << server.name;
        out << YAML::Key << "id" << YAML::Value << displayId(server.id, IdKind::Server);
        QStringList vaults;
        for (const QString &v : server.vaults)
            vaults.append(vaultName(v));
        emitList(out, "vaults", vaults);
        if (m_s.groupGrantsVisible) {
            QStringList groups;
            for (const QString &groupId : m_groupsByServer.value(server.id))
                groups.append(groupName(groupId));
            emitList(out, "groups", groups);
        }
        QList<Token> tokens = m_tokensByServer.value(server.id);
        sortByNameThenId(tokens);
        if (!tokens.isEmpty()) {
            out << YAML::Key << "tokens" << YAML::Value << YAML::BeginSeq;
            for (const Token &t : std::as_const(tokens))
                emitToken(out, t);
            out << YAML::EndSeq;
        }
        out << YAML::EndMap;
    }

    void emitToken(YAML::Emitter &out, const Token &t)
    {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << t.name;
        out << YAML::Key << "id" << YAML::Value << displayId(t.id, IdKind::Token);
        QList<std::pair<QString, Access>> vaults;
        for (const TokenVault &v : t.vaults)
            vaults.append({vaultName(v.vaultId), v.access});
        std::sort(vaults.begin(), vaults.end(), [](const auto &a, const auto &b) {
            const int c = QString::compare(a.first, b.first, Qt::CaseInsensitive);
            return c != 0 ? c < 0 : a.first < b.first;
        });
        out << YAML::Key << "vaults" << YAML::Value << YAML::BeginMap;
        for (const auto &[name, access] : std::as_const(vaults))
            out << YAML::Key << name << YAML::Value << accessSuffix(access);
        out << YAML::EndMap;
        out << YAML::Key << "expires" << YAML::Value << exportTime(t.expiresAt);
        out << YAML::Key << "state" << YAML::Value << tokenStateName(t.stateAt(m_s.now)).toLower();
        out << YAML::EndMap;
    }

    void emitGroups(YAML::Emitter &out)
    {
        QStringList managers, all;
        for (const GroupGrant &g : m_s.groupGrants) {
            if (g.kind == GroupGrantKind::Manager)
                managers.append(groupName(g.groupId));
            else if (g.kind == GroupGrantKind::AllServers)
                all.append(groupName(g.groupId));
        }
        // Both lists always: an empty one says "none" (without the section, the plan leaves
        // these grants alone).
        out << YAML::Key << "groups" << YAML::Value << YAML::BeginMap;
        emitGroupList(out, "managers", managers);
        emitGroupList(out, "all_servers", all);
        out << YAML::EndMap;
    }

    static void emitGroupList(YAML::Emitter &out, const char *key, QStringList names)
    {
        out << YAML::Key << key << YAML::Value;
        if (names.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq; // "key: []"
            return;
        }
        emitList(out, nullptr, std::move(names));
    }

    const AccountSnapshot &m_s;
    QHash<QString, QString> m_vaultNames;
    QHash<QString, QString> m_groupNames;
    QHash<QString, QList<Token>> m_tokensByServer;
    QHash<QString, QStringList> m_groupsByServer; // group IDs with a grant for the server
};

} // namespace

QString ConfigError::text(const QString &fileName) const
{
    if (at.line <= 0)
        return u"%1: %2"_s.arg(fileName, message);
    return u"%1:%2:%3: %4"_s.arg(fileName).arg(at.line).arg(at.column).arg(message);
}

ConfigParse parseAccessConfig(const QByteArray &yaml)
{
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        ConfigParse failed;
        failed.errors.append(
            {posOf(e.mark), Text::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg))});
        return failed;
    }
    try {
        return Reader().read(root);
    } catch (const YAML::Exception &e) {
        ConfigParse failed;
        failed.errors.append({posOf(e.mark), QString::fromStdString(e.msg)});
        return failed;
    }
}

QByteArray exportAccessConfig(const AccountSnapshot &snapshot)
{
    return Exporter(snapshot).run();
}

} // namespace ca
