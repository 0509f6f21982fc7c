#include "client/AuditDiff.h"

#include "core/Ids.h"
#include "core/JsonCodec.h"

#include <QJsonArray>
#include <memory>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// Oldest to newest, every change to one key: its first and last direction make the net change.
struct Trail
{
    DiffEntry first;
    DiffEntry last;
};

class DiffBuilder
{
public:
    void change(DiffEntry entry, const QString &key)
    {
        auto it = m_trails.find(key);
        if (it == m_trails.end()) {
            m_order.append(key);
            m_trails.insert(key, {entry, entry});
        } else {
            it->last = std::move(entry);
        }
    }

    // A deleted server loses every vault it still had as far as this window knows.
    void revokeCellsOf(const QString &server, const DiffEntry &like)
    {
        const QString prefix = u"cell:"_s + server + u':';
        for (const QString &key : std::as_const(m_order)) {
            if (!key.startsWith(prefix) || !m_trails.value(key).last.added)
                continue;
            DiffEntry revoked = m_trails.value(key).last;
            revoked.added = false;
            revoked.at = like.at;
            revoked.actorId = like.actorId;
            change(revoked, key);
        }
    }

    QList<DiffEntry> net() const
    {
        QList<DiffEntry> out;
        for (const QString &key : m_order) {
            const Trail &t = m_trails.value(key);
            // Before the window the key was the opposite of its first change.
            if (t.first.added == t.last.added)
                out.append(t.last);
        }
        return out;
    }

private:
    QHash<QString, Trail> m_trails;
    QStringList m_order;
};

QString id(const QJsonValue &v)
{
    return canonicalId(v.toString().section(u',', 0, 0));
}

void readEvent(const AuditEvent &e, DiffBuilder &b, AuditDiff &diff)
{
    const QJsonObject &d = e.detail;
    const QString target = canonicalId(e.targetId);
    auto entry = [&e](DiffEntry::Kind kind, bool added, const QString &subject,
                      const QString &object = {}, const QString &name = {}) {
        DiffEntry x;
        x.kind = kind;
        x.added = added;
        x.subjectId = subject;
        x.objectId = object;
        x.name = name;
        x.at = e.at;
        x.actorId = e.actorId;
        return x;
    };
    auto cell = [&](const QString &server, const QString &vault, bool granted) {
        b.change(entry(DiffEntry::Kind::Cell, granted, server, vault),
                 u"cell:"_s + server + u':' + vault);
    };
    const QString &a = e.action;
    if (a == u"server.create") {
        diff.names.insert(target, d.value(u"name").toString());
        b.change(entry(DiffEntry::Kind::Server, true, target, {}, d.value(u"name").toString()),
                 u"server:"_s + target);
        for (const QJsonValue &v : d.value(u"vaults").toArray())
            cell(target, id(v), true);
    } else if (a == u"server.delete") {
        diff.names.insert(target, d.value(u"name").toString());
        const DiffEntry gone =
            entry(DiffEntry::Kind::Server, false, target, {}, d.value(u"name").toString());
        b.revokeCellsOf(target, gone);
        b.change(gone, u"server:"_s + target);
    } else if (a == u"server.rename") {
        diff.names.insert(target, d.value(u"to").toString());
    } else if (a == u"vault.grant" || a == u"vault.revoke") {
        cell(target, id(d.value(u"vault")), a == u"vault.grant");
    } else if (a == u"grants.batch") {
        const QJsonArray listed = e.batchCells();
        for (const QJsonValue &v : listed) {
            const QJsonObject c = v.toObject();
            cell(id(c.value(u"server")), id(c.value(u"vault")), c.value(u"granted").toBool());
        }
        const qint64 applied = d.value(u"applied").toInteger();
        if (applied > listed.size()) // an event from before every cell was kept
            diff.incomplete.append(
                QObject::tr("The vault access batch at revision %1 (%2) changed %3 cells; the "
                            "log lists only the first %4.")
                    .arg(e.targetId, json::isoUtc(e.at))
                    .arg(applied)
                    .arg(listed.size()));
    } else if (a == u"token.create") {
        b.change(entry(DiffEntry::Kind::Token, true, target, id(d.value(u"server")),
                       d.value(u"name").toString()),
                 u"token:"_s + target);
    } else if (a == u"token.revoke") {
        b.change(entry(DiffEntry::Kind::Token, false, target, id(d.value(u"server")),
                       d.value(u"name").toString()),
                 u"token:"_s + target);
    } else if (a == u"token.rotate") {
        const QString server = id(d.value(u"server"));
        const QString created = id(d.value(u"new_token"));
        b.change(
            entry(DiffEntry::Kind::Token, true, created, server, d.value(u"new_name").toString()),
            u"token:"_s + created);
        if (d.contains(u"revoked_at"))
            b.change(
                entry(DiffEntry::Kind::Token, false, target, server, d.value(u"name").toString()),
                u"token:"_s + target);
    } else if (a == u"group.grant" || a == u"group.revoke") {
        const bool granted = a == u"group.grant";
        const QString server = d.value(u"server").isString() ? id(d.value(u"server")) : QString();
        QString kind = d.value(u"kind").toString();
        if (kind.isEmpty()) // a revoke written before revokes named their kind
            kind = d.value(u"all_servers").toBool() ? u"all_servers"_s
                   : server.isEmpty()               ? u"manager"_s
                                                    : u"server"_s;
        DiffEntry x = entry(DiffEntry::Kind::GroupGrant, granted, target, server,
                            d.value(u"group_name").toString());
        x.detail = kind;
        b.change(x, u"group:"_s + target + u':' + kind + u':' + server);
    }
}

} // namespace

QString AuditDiff::kindName(DiffEntry::Kind kind)
{
    switch (kind) {
    case DiffEntry::Kind::Cell:
        return u"cell"_s;
    case DiffEntry::Kind::Server:
        return u"server"_s;
    case DiffEntry::Kind::Token:
        return u"token"_s;
    case DiffEntry::Kind::GroupGrant:
        return u"group_grant"_s;
    }
    return {};
}

AuditDiff diffFromEvents(const QList<AuditEvent> &newestFirst, const QDateTime &since,
                         const QDateTime &until)
{
    AuditDiff diff;
    diff.since = since;
    diff.until = until;
    diff.events = newestFirst.size();
    DiffBuilder builder;
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
        readEvent(*it, builder, diff);
    diff.entries = builder.net();
    return diff;
}

void fetchAuditDiff(ApiClient *client, const QDateTime &since, const QDateTime &until,
                    QObject *context, const Callback<AuditDiff> &done,
                    const std::function<void(qint64)> &progress)
{
    AuditListQuery query;
    query.since = since;
    query.until = until;
    query.limit = 1000;
    auto events = std::make_shared<QList<AuditEvent>>();
    client->auditEvents(
        query, context,
        {[events, since, until, done, progress](const QList<AuditEvent> &page, bool last) {
             *events += page;
             if (progress)
                 progress(events->size());
             if (last)
                 done(diffFromEvents(*events, since, until));
         },
         [done](const ApiError &e) { done(e); }});
}

QJsonObject diffToJson(const AuditDiff &diff, const std::function<QString(const QString &)> &nameOf)
{
    QJsonArray cells, servers, tokens, groups;
    for (const DiffEntry &e : diff.entries) {
        switch (e.kind) {
        case DiffEntry::Kind::Cell:
            cells.append(QJsonObject{{u"server"_s, displayId(e.subjectId, IdKind::Server)},
                                     {u"server_name"_s, nameOf(e.subjectId)},
                                     {u"vault"_s, displayId(e.objectId, IdKind::Vault)},
                                     {u"vault_name"_s, nameOf(e.objectId)},
                                     {u"change"_s, e.added ? u"granted"_s : u"revoked"_s},
                                     {u"at"_s, json::isoUtc(e.at)}});
            break;
        case DiffEntry::Kind::Server:
            servers.append(QJsonObject{{u"server"_s, displayId(e.subjectId, IdKind::Server)},
                                       {u"name"_s, e.name},
                                       {u"change"_s, e.added ? u"created"_s : u"deleted"_s},
                                       {u"at"_s, json::isoUtc(e.at)}});
            break;
        case DiffEntry::Kind::Token:
            tokens.append(QJsonObject{{u"token"_s, displayId(e.subjectId, IdKind::Token)},
                                      {u"name"_s, e.name},
                                      {u"server"_s, displayId(e.objectId, IdKind::Server)},
                                      {u"server_name"_s, nameOf(e.objectId)},
                                      {u"change"_s, e.added ? u"created"_s : u"revoked"_s},
                                      {u"at"_s, json::isoUtc(e.at)}});
            break;
        case DiffEntry::Kind::GroupGrant:
            groups.append(
                QJsonObject{{u"group"_s, displayId(e.subjectId, IdKind::Group)},
                            {u"name"_s, e.name},
                            {u"kind"_s, e.detail},
                            {u"server"_s, e.objectId.isEmpty()
                                              ? QJsonValue()
                                              : QJsonValue(displayId(e.objectId, IdKind::Server))},
                            {u"change"_s, e.added ? u"granted"_s : u"revoked"_s},
                            {u"at"_s, json::isoUtc(e.at)}});
            break;
        }
    }
    return {{u"since"_s, json::fromDateTime(diff.since)},
            {u"until"_s, json::fromDateTime(diff.until)},
            {u"events"_s, diff.events},
            {u"cells"_s, cells},
            {u"servers"_s, servers},
            {u"tokens"_s, tokens},
            {u"group_grants"_s, groups},
            {u"incomplete"_s, QJsonArray::fromStringList(diff.incomplete)}};
}

} // namespace ca
