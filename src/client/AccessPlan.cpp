#include "client/AccessPlan.h"

#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/Resolve.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// Translatable strings of this file, in the context "ca::AccessPlan".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::AccessPlan)
};

QString q(const QString &name)
{
    return u'"' + name + u'"';
}

// The order changes are applied in: what goes first makes room (a deleted server's name, a
// revoked vault), what comes later needs what came before (a token needs its server's
// vaults, a group grant its server).
int applyOrder(PlanOp op)
{
    switch (op) {
    case PlanOp::ServerDelete:
        return 0;
    case PlanOp::ServerCreate:
        return 1;
    case PlanOp::ServerRename:
        return 2;
    case PlanOp::VaultRevoke:
        return 3;
    case PlanOp::VaultGrant:
        return 4;
    case PlanOp::TokenRevoke:
        return 5;
    case PlanOp::TokenRename:
        return 6;
    case PlanOp::TokenCreate:
        return 7;
    case PlanOp::GroupRevoke:
        return 8;
    case PlanOp::GroupGrant:
        return 9;
    }
    return 10;
}

QString actionName(PlanAction a)
{
    switch (a) {
    case PlanAction::Add:
        return u"add"_s;
    case PlanAction::Change:
        return u"change"_s;
    case PlanAction::Remove:
        break;
    }
    return u"remove"_s;
}

QChar actionSymbol(PlanAction a)
{
    switch (a) {
    case PlanAction::Add:
        return u'+';
    case PlanAction::Change:
        return u'~';
    case PlanAction::Remove:
        break;
    }
    return u'-';
}

// One group grant as the plan compares them: group ID, kind, and the server (an ID, or the
// name of a server the plan creates).
struct GrantKey
{
    QString groupId;
    GroupGrantKind kind;
    QString server;
    bool operator<(const GrantKey &o) const
    {
        return std::tie(groupId, kind, server) < std::tie(o.groupId, o.kind, o.server);
    }
};

class Planner
{
public:
    Planner(const AccessConfig &config, const AccountSnapshot &snapshot)
        : m_config(config)
        , m_s(snapshot)
    {
        for (const Vault &v : m_s.vaults)
            m_vaults.insert(v.id, v);
        for (const Group &g : m_s.groups)
            m_groups.insert(g.id, g);
        // By server once: a plan looks at every server's tokens (1,000 × 100,000).
        for (const Token &t : m_s.tokens)
            m_tokensByServer[t.serverId].append(&t);
        for (const Server &s : m_s.servers)
            m_serverNames.insert(displayId(s.id, IdKind::Server), s.name);
    }

    AccessPlan run()
    {
        m_plan.baseRevision = m_s.revision;
        matchServers();
        for (const Match &m : std::as_const(m_matches))
            planServer(m);
        for (const Server &s : m_s.servers) {
            if (!m_claimed.contains(s.id))
                add(PlanAction::Remove,
                    Text::tr("delete the server %1 (ID %2): its credentials file and its %n "
                             "active token(s) stop working",
                             nullptr, s.activeTokens)
                        .arg(q(s.name), displayId(s.id, IdKind::Server)),
                    {PlanOp::ServerDelete, displayId(s.id, IdKind::Server)});
        }
        planGroups();
        std::stable_sort(m_plan.items.begin(), m_plan.items.end(),
                         [](const PlanItem &a, const PlanItem &b) {
                             return applyOrder(a.change.op) < applyOrder(b.change.op);
                         });
        if (!m_plan.errors.isEmpty())
            m_plan.items.clear(); // a file with errors plans nothing
        std::sort(m_plan.errors.begin(), m_plan.errors.end(),
                  [](const ConfigError &a, const ConfigError &b) {
                      return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
                  });
        return m_plan;
    }

private:
    struct Match
    {
        const ConfigServer *config = nullptr;
        const Server *existing = nullptr; // null: the plan creates it
    };

    void error(const ConfigPos &at, const QString &message) { m_plan.errors.append({at, message}); }

    void add(PlanAction action, const QString &description, PlanChange change)
    {
        m_plan.items.append({action, description, std::move(change)});
    }

    // ---- servers

    void matchServers()
    {
        QHash<QString, const Server *> byId;
        for (const Server &s : m_s.servers)
            byId.insert(s.id, &s);
        // IDs first, so that a name can't claim a server the file names by ID elsewhere.
        for (const ConfigServer &c : m_config.servers) {
            if (!c.id)
                continue;
            const Server *s = byId.value(canonicalId(c.id->value));
            if (!s) {
                error(c.id->at, Text::tr("no Connect server has the ID %1 (deleted? remove the "
                                         "id line to create a new server)")
                                    .arg(c.id->value));
                continue;
            }
            m_claimed.insert(s->id);
            m_matches.append({&c, s});
        }
        for (const ConfigServer &c : m_config.servers) {
            if (c.id)
                continue;
            QList<const Server *> named;
            for (const Server &s : m_s.servers) {
                if (s.name == c.name.value && !m_claimed.contains(s.id))
                    named.append(&s);
            }
            if (named.size() > 1) {
                QStringList ids;
                for (const Server *s : std::as_const(named))
                    ids.append(displayId(s->id, IdKind::Server));
                error(c.name.at, Text::tr("more than one Connect server is named %1 (%2): add "
                                          "an id line to say which")
                                     .arg(q(c.name.value), ids.join(u", "_s)));
                continue;
            }
            const Server *s = named.isEmpty() ? nullptr : named.first();
            if (s)
                m_claimed.insert(s->id);
            m_matches.append({&c, s});
        }
    }

    // How later changes name this server: its ID, or the name a new one gets.
    static QString serverRef(const Match &m)
    {
        return m.existing ? displayId(m.existing->id, IdKind::Server) : m.config->name.value;
    }

    void planServer(const Match &m)
    {
        const ConfigServer &c = *m.config;
        const QString ref = serverRef(m);
        if (!m.existing) {
            add(PlanAction::Add,
                Text::tr("create the server %1 (its credentials file is saved once)")
                    .arg(q(c.name.value)),
                {PlanOp::ServerCreate, {}, {}, {}, {}, c.name.value});
        } else if (m.existing->name != c.name.value) {
            add(PlanAction::Change,
                Text::tr("rename the server %1 to %2 (ID %3)")
                    .arg(q(m.existing->name), q(c.name.value), ref),
                {PlanOp::ServerRename, ref, {}, {}, {}, c.name.value});
        }
        const QSet<QString> vaults = planVaults(m, ref);
        planTokens(m, ref, vaults);
    }

    // A vault by name or ID. An ID of a vault not listed to the caller stands for itself
    // when already there (a grant or token scope the export wrote by ID): nothing asks to
    // change it, so nothing needs to be known about it.
    std::optional<Vault> vault(const ConfigText &ref, const QSet<QString> &alreadyThere = {})
    {
        if (isValidId(ref.value) && !m_vaults.contains(canonicalId(ref.value)) &&
            alreadyThere.contains(canonicalId(ref.value)))
            return Vault{canonicalId(ref.value), displayId(canonicalId(ref.value), IdKind::Vault),
                         VaultType::UserCreated, false};
        const Resolution<Vault> r = resolveByIdOrName(
            ref.value, m_s.vaults, IdKind::Vault, [](const Vault &v) { return v.id; },
            [](const Vault &v) { return v.name; });
        if (r.status == ResolveStatus::Found)
            return r.value;
        if (r.status == ResolveStatus::Ambiguous)
            error(ref.at, Text::tr("more than one vault is named %1 (%2): use the ID")
                              .arg(q(ref.value), r.candidateIds.join(u", "_s)));
        else
            error(ref.at, Text::tr("unknown vault %1").arg(q(ref.value)));
        return std::nullopt;
    }

    std::optional<Group> group(const ConfigText &ref)
    {
        const Resolution<Group> r = resolveByIdOrName(
            ref.value, m_s.groups, IdKind::Group, [](const Group &g) { return g.id; },
            [](const Group &g) { return g.name; });
        if (r.status == ResolveStatus::Found)
            return r.value;
        if (r.status == ResolveStatus::Ambiguous)
            error(ref.at, Text::tr("more than one group is named %1 (%2): use the ID")
                              .arg(q(ref.value), r.candidateIds.join(u", "_s)));
        else
            error(ref.at, Text::tr("unknown group %1").arg(q(ref.value)));
        return std::nullopt;
    }

    QString vaultName(const QString &id) const
    {
        const auto it = m_vaults.constFind(id);
        return it != m_vaults.constEnd() ? it->name : displayId(id, IdKind::Vault);
    }

    // The server's vaults as the file wants them (IDs); grants and revokes for the difference.
    QSet<QString> planVaults(const Match &m, const QString &ref)
    {
        const ConfigServer &c = *m.config;
        const QSet<QString> existing =
            m.existing ? QSet<QString>(m.existing->vaults.cbegin(), m.existing->vaults.cend())
                       : QSet<QString>();
        QSet<QString> wanted;
        QList<QString> toGrant;
        for (const ConfigText &vaultRef : c.vaults) {
            const auto v = vault(vaultRef, existing);
            if (!v)
                continue;
            if (wanted.contains(v->id)) {
                error(vaultRef.at, Text::tr("the vault %1 is listed twice").arg(q(vaultRef.value)));
                continue;
            }
            wanted.insert(v->id);
            if (existing.contains(v->id))
                continue;
            if (!v->grantable()) {
                error(vaultRef.at, Text::tr("the vault %1 can't be granted: %2")
                                       .arg(q(v->name), notGrantableReason(v->type, v->name)));
                continue;
            }
            if (!v->accessible) {
                error(vaultRef.at, Text::tr("the vault %1 can't be granted by you: you don't have "
                                            "access to it yourself")
                                       .arg(q(v->name)));
                continue;
            }
            toGrant.append(v->id);
        }
        for (const QString &id : std::as_const(toGrant))
            add(PlanAction::Add,
                Text::tr("grant the vault %1 to the server %2")
                    .arg(q(vaultName(id)), q(c.name.value)),
                {PlanOp::VaultGrant, ref, displayId(id, IdKind::Vault)});
        QStringList revoked(existing.cbegin(), existing.cend());
        revoked.sort();
        for (const QString &id : std::as_const(revoked)) {
            if (!wanted.contains(id))
                add(PlanAction::Remove,
                    Text::tr("revoke the vault %1 from the server %2")
                        .arg(q(vaultName(id)), q(c.name.value)),
                    {PlanOp::VaultRevoke, ref, displayId(id, IdKind::Vault)});
        }
        return wanted;
    }

    // ---- tokens

    QList<const Token *> tokensOf(const Server *server) const
    {
        return server ? m_tokensByServer.value(server->id) : QList<const Token *>();
    }

    // The token's vaults as the file gives them (IDs and access); nullopt after an error.
    // For an issued token (current set), its scope as it is: the vaults its server has since
    // lost included. A new token may name only vaults its server has in the file.
    std::optional<QList<TokenVault>> tokenVaults(const ConfigToken &t, const QString &serverName,
                                                 const QSet<QString> &serverVaults,
                                                 const Token *current = nullptr)
    {
        QSet<QString> scope;
        if (current) {
            for (const TokenVault &v : current->vaults)
                scope.insert(v.vaultId);
        }
        QList<TokenVault> out;
        bool ok = true;
        for (const ConfigTokenVault &tv : t.vaults) {
            const auto v = vault(tv.vault, scope);
            if (!v) {
                ok = false;
                continue;
            }
            if (!current && !serverVaults.contains(v->id)) {
                error(tv.vault.at, Text::tr("the token %1 names the vault %2, which its server "
                                            "%3 doesn't have in this file")
                                       .arg(q(t.name.value), q(v->name), q(serverName)));
                ok = false;
                continue;
            }
            out.append({v->id, tv.access});
        }
        if (!ok)
            return std::nullopt;
        std::sort(out.begin(), out.end(),
                  [](const TokenVault &a, const TokenVault &b) { return a.vaultId < b.vaultId; });
        return out;
    }

    void planTokens(const Match &m, const QString &ref, const QSet<QString> &serverVaults)
    {
        const ConfigServer &c = *m.config;
        const QList<const Token *> existing = tokensOf(m.existing);
        QSet<QString> claimed;
        QList<std::pair<const ConfigToken *, const Token *>> pairs;
        for (const ConfigToken &t : c.tokens) {
            if (!t.id)
                continue;
            const auto it = std::find_if(existing.cbegin(), existing.cend(), [&](const Token *e) {
                return e->id == canonicalId(t.id->value);
            });
            if (it == existing.cend()) {
                error(t.id->at, Text::tr("the server %1 has no token with the ID %2 (remove the "
                                         "id line to issue a new token)")
                                    .arg(q(c.name.value), t.id->value));
                continue;
            }
            claimed.insert((*it)->id);
            pairs.append({&t, *it});
        }
        for (const ConfigToken &t : c.tokens) {
            if (t.id)
                continue;
            QList<const Token *> named;
            for (const Token *e : existing) {
                if (e->name == t.name.value && !claimed.contains(e->id) &&
                    (e->state != TokenState::Revoked || t.state == TokenState::Revoked))
                    named.append(e);
            }
            if (named.size() > 1) {
                error(t.name.at, Text::tr("the server %1 has more than one token named %2: add "
                                          "an id line to say which")
                                     .arg(q(c.name.value), q(t.name.value)));
                continue;
            }
            if (named.size() == 1)
                claimed.insert(named.first()->id);
            pairs.append({&t, named.isEmpty() ? nullptr : named.first()});
        }
        for (const auto &[config, token] : std::as_const(pairs)) {
            if (token)
                planExistingToken(c, *config, *token, serverVaults);
            else
                planNewToken(c, *config, ref, serverVaults);
        }
        for (const Token *e : existing) {
            if (!claimed.contains(e->id) && e->stateAt(m_s.now) == TokenState::Active)
                add(PlanAction::Remove,
                    Text::tr("revoke the token %1 of the server %2 (ID %3; not in the file)")
                        .arg(q(e->name), q(c.name.value), displayId(e->id, IdKind::Token)),
                    {PlanOp::TokenRevoke, {}, {}, displayId(e->id, IdKind::Token)});
        }
    }

    void planExistingToken(const ConfigServer &c, const ConfigToken &t, const Token &e,
                           const QSet<QString> &serverVaults)
    {
        const QString id = displayId(e.id, IdKind::Token);
        // Tokens are renamed and revoked, never re-scoped: anything else is an error.
        const auto vaults = tokenVaults(t, c.name.value, serverVaults, &e);
        QList<TokenVault> current = e.vaults;
        std::sort(current.begin(), current.end(),
                  [](const TokenVault &a, const TokenVault &b) { return a.vaultId < b.vaultId; });
        if (vaults && *vaults != current)
            error(t.at, Text::tr("the token %1 (ID %2) can't change its vaults or access: "
                                 "tokens are renamed and revoked, never re-scoped; to replace "
                                 "it, remove it and add a token without an id")
                            .arg(q(t.name.value), id));
        // expires_in says how long a new token lives; once issued, a token's expiry is what
        // "expires" shows, so the file that issued it plans nothing more.
        if (t.expires) {
            const QDateTime wanted = t.expires->value == u"never"
                                         ? QDateTime()
                                         : QDateTime::fromString(t.expires->value, Qt::ISODate);
            const bool same =
                wanted.isValid() == e.expiresAt.isValid() &&
                (!wanted.isValid() || wanted.toSecsSinceEpoch() == e.expiresAt.toSecsSinceEpoch());
            if (!same)
                error(t.expires->at,
                      Text::tr("the token %1 expires %2; its expiry can't change")
                          .arg(q(t.name.value), e.expiresAt.isValid()
                                                    ? e.expiresAt.toUTC().toString(Qt::ISODate)
                                                    : u"never"_s));
        }
        if (t.state != TokenState::Revoked && e.state == TokenState::Revoked)
            error(t.stateAt.line ? t.stateAt : t.at,
                  Text::tr("the token %1 (ID %2) is revoked and can't be brought back; say "
                           "state: revoked, or add a new token without an id")
                      .arg(q(t.name.value), id));
        if (e.name != t.name.value && e.state != TokenState::Revoked)
            add(PlanAction::Change,
                Text::tr("rename the token %1 of the server %2 to %3 (ID %4)")
                    .arg(q(e.name), q(c.name.value), q(t.name.value), id),
                {PlanOp::TokenRename, {}, {}, id, {}, t.name.value});
        if (t.state == TokenState::Revoked && e.state != TokenState::Revoked)
            add(PlanAction::Remove,
                Text::tr("revoke the token %1 of the server %2 (ID %3)")
                    .arg(q(e.name), q(c.name.value), id),
                {PlanOp::TokenRevoke, {}, {}, id});
    }

    void planNewToken(const ConfigServer &c, const ConfigToken &t, const QString &ref,
                      const QSet<QString> &serverVaults)
    {
        if (t.state == TokenState::Revoked)
            return; // nothing to issue and nothing to revoke
        if (t.expires && t.expires->value != u"never") {
            error(t.expires->at, Text::tr("the token %1 is new: give its lifetime as "
                                          "expires_in (e.g. 30d), not a time")
                                     .arg(q(t.name.value)));
            return;
        }
        const auto vaults = tokenVaults(t, c.name.value, serverVaults);
        if (!vaults)
            return;
        if (vaults->isEmpty()) {
            error(t.at, Text::tr("the token %1 names no vaults").arg(q(t.name.value)));
            return;
        }
        PlanChange change{PlanOp::TokenCreate, ref, {}, {}, {}, t.name.value};
        QStringList scope;
        for (const TokenVault &v : *vaults) {
            change.vaults.append({displayId(v.vaultId, IdKind::Vault), v.access});
            scope.append(vaultName(v.vaultId) + u',' + accessSuffix(v.access));
        }
        if (t.expiresIn)
            change.expiresIn = t.expiresIn->value;
        add(PlanAction::Add,
            Text::tr("issue the token %1 on the server %2 (%3; %4): its JWT is shown once")
                .arg(q(t.name.value), q(c.name.value), scope.join(u' '),
                     t.expiresIn ? Text::tr("expires in %1").arg(t.expiresIn->value)
                                 : Text::tr("never expires")),
            change);
    }

    // ---- group grants

    QString serverName(const QString &ref) const { return m_serverNames.value(ref, ref); }

    QString grantText(const GrantKey &k) const
    {
        const QString group = q(m_groups.value(k.groupId).name);
        switch (k.kind) {
        case GroupGrantKind::Manager:
            return Text::tr("the group %1 as a Secrets Automation manager").arg(group);
        case GroupGrantKind::AllServers:
            return Text::tr("the group %1 managing all servers").arg(group);
        case GroupGrantKind::Server:
            break;
        }
        return Text::tr("the group %1 managing the server %2").arg(group, q(serverName(k.server)));
    }

    void wantGroups(const QList<ConfigText> &refs, GroupGrantKind kind, const QString &server,
                    std::map<GrantKey, ConfigPos> &wanted)
    {
        for (const ConfigText &ref : refs) {
            const auto g = group(ref);
            if (!g)
                continue;
            if (!wanted.emplace(GrantKey{g->id, kind, server}, ref.at).second)
                error(ref.at, Text::tr("the group %1 is listed twice").arg(q(ref.value)));
        }
    }

    void planGroups()
    {
        const bool fileHasGroups =
            m_config.hasGroups ||
            std::any_of(m_config.servers.cbegin(), m_config.servers.cend(),
                        [](const ConfigServer &c) { return !c.groups.isEmpty(); });
        if (!m_s.groupGrantsVisible) {
            if (fileHasGroups)
                error({}, Text::tr("the file sets group grants, but seeing and changing them "
                                   "needs manager rights"));
            return;
        }
        std::map<GrantKey, ConfigPos> wanted;
        if (m_config.hasGroups) {
            wantGroups(m_config.managers, GroupGrantKind::Manager, {}, wanted);
            wantGroups(m_config.allServers, GroupGrantKind::AllServers, {}, wanted);
        }
        QHash<QString, QString> refOfServer; // server ID -> how changes name it
        for (const Match &m : std::as_const(m_matches)) {
            wantGroups(m.config->groups, GroupGrantKind::Server, serverRef(m), wanted);
            if (m.existing)
                refOfServer.insert(m.existing->id, serverRef(m));
        }
        std::map<GrantKey, bool> existing;
        for (const GroupGrant &g : m_s.groupGrants) {
            if (g.kind != GroupGrantKind::Server && !m_config.hasGroups)
                continue; // no "groups" section: the account-wide grants stay as they are
            if (g.kind == GroupGrantKind::Server && !refOfServer.contains(g.serverId))
                continue; // its server is deleted, and the grant with it
            existing.emplace(GrantKey{g.groupId, g.kind, refOfServer.value(g.serverId)}, true);
        }
        for (const auto &[key, at] : wanted) {
            Q_UNUSED(at)
            if (!existing.count(key))
                add(PlanAction::Add, Text::tr("add %1").arg(grantText(key)),
                    {PlanOp::GroupGrant,
                     key.server,
                     {},
                     {},
                     displayId(key.groupId, IdKind::Group),
                     {},
                     {},
                     std::nullopt,
                     key.kind});
        }
        for (const auto &[key, present] : existing) {
            Q_UNUSED(present)
            if (!wanted.count(key))
                add(PlanAction::Remove, Text::tr("remove %1").arg(grantText(key)),
                    {PlanOp::GroupRevoke,
                     key.server,
                     {},
                     {},
                     displayId(key.groupId, IdKind::Group),
                     {},
                     {},
                     std::nullopt,
                     key.kind});
        }
    }

    const AccessConfig &m_config;
    const AccountSnapshot &m_s;
    QHash<QString, Vault> m_vaults;
    QHash<QString, Group> m_groups;
    QHash<QString, QList<const Token *>> m_tokensByServer;
    QHash<QString, QString> m_serverNames; // by displayed ID
    QList<Match> m_matches;
    QSet<QString> m_claimed;
    AccessPlan m_plan;
};

} // namespace

QString PlanItem::line() const
{
    return actionSymbol(action) + u' ' + description;
}

int AccessPlan::count(PlanAction action) const
{
    return int(std::count_if(items.cbegin(), items.cend(),
                             [action](const PlanItem &i) { return i.action == action; }));
}

QString AccessPlan::summary() const
{
    if (items.isEmpty())
        return Text::tr("No changes: the account matches the file (revision %1).")
            .arg(baseRevision);
    return Text::tr("Plan: %1 to add, %2 to change, %3 to remove (against revision %4).")
        .arg(count(PlanAction::Add))
        .arg(count(PlanAction::Change))
        .arg(count(PlanAction::Remove))
        .arg(baseRevision);
}

QString AccessPlan::text() const
{
    QString out;
    for (const PlanItem &i : items)
        out += i.line() + u'\n';
    if (!items.isEmpty())
        out += u'\n';
    out += summary() + u'\n';
    return out;
}

QByteArray AccessPlan::json() const
{
    json::Writer w;
    w.beginObject().field(QLatin1StringView("base_revision"), baseRevision);
    w.key(QLatin1StringView("changes")).beginArray();
    for (const PlanItem &i : items) {
        w.beginObject()
            .field(QLatin1StringView("action"), actionName(i.action))
            .field(QLatin1StringView("description"), i.description)
            .key(QLatin1StringView("change"));
        json::write(w, i.change);
        w.endObject();
    }
    w.endArray()
        .key(QLatin1StringView("summary"))
        .beginObject()
        .field(QLatin1StringView("add"), qint64(count(PlanAction::Add)))
        .field(QLatin1StringView("change"), qint64(count(PlanAction::Change)))
        .field(QLatin1StringView("remove"), qint64(count(PlanAction::Remove)))
        .endObject()
        .endObject();
    return w.take();
}

PlanApplyRequest AccessPlan::request() const
{
    PlanApplyRequest r;
    r.baseRevision = baseRevision;
    for (const PlanItem &i : items)
        r.changes.append(i.change);
    return r;
}

DividedPlan divideForMatrix(const AccessPlan &plan,
                            const std::function<bool(const GrantChange &)> &canStage)
{
    QSet<QString> created;                    // names of the servers the plan creates
    QSet<std::pair<QString, QString>> needed; // (server, vault) a new token names
    for (const PlanItem &i : plan.items) {
        if (i.change.op == PlanOp::ServerCreate)
            created.insert(i.change.name);
        else if (i.change.op == PlanOp::TokenCreate)
            for (const VaultPermission &v : i.change.vaults)
                needed.insert({i.change.server, v.vault});
    }
    DividedPlan divided;
    divided.rest.baseRevision = plan.baseRevision;
    divided.rest.errors = plan.errors;
    for (const PlanItem &i : plan.items) {
        const PlanChange &c = i.change;
        const bool cell = c.op == PlanOp::VaultGrant || c.op == PlanOp::VaultRevoke;
        // The matrix names servers and vaults by their canonical IDs, the plan by display IDs.
        const GrantChange change{canonicalId(c.server), canonicalId(c.vault),
                                 c.op == PlanOp::VaultGrant};
        if (cell && !created.contains(c.server) &&
            !(change.granted && needed.contains({c.server, c.vault})) && canStage(change))
            divided.staged.append(change);
        else
            divided.rest.items.append(i);
    }
    return divided;
}

AccessPlan makeAccessPlan(const AccessConfig &config, const AccountSnapshot &snapshot)
{
    return Planner(config, snapshot).run();
}

} // namespace ca
