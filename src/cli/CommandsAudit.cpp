// audit list | verify and connect vault get: what changed, whether the log is whole, and who
// can reach a vault.
#include "cli/Cli.h"
#include "cli/Commands.h"
#include "client/AuditDiff.h"
#include "core/Access.h"
#include "core/Duration.h"
#include "core/Ids.h"

#include <QJsonDocument>
#include <memory>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace {

constexpr int kMaxPage = 1000;

// --since / --until: a duration back from now (7d, 12h), a date (2026-11-01, midnight UTC)
// or an RFC 3339 time. An empty text is no bound; nullopt after a usage error.
std::optional<QDateTime> timeFlag(Cli &cli, const Invocation &inv, const QString &flag)
{
    const QString text = inv.value(flag).trimmed();
    if (text.isEmpty())
        return QDateTime();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (text.size() == 10)
        t = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (t.isValid())
        return t.toUTC();
    const DurationParse back = parseDuration(text);
    if (back.seconds)
        return QDateTime::currentDateTimeUtc().addSecs(-*back.seconds);
    cli.fail(u"--%1: \"%2\" is neither a duration back from now (7d, 12h) nor a date "
             "(2026-11-01) or time (2026-11-01T09:00:00Z)"_s.arg(flag, text),
             ExitUsage);
    return std::nullopt;
}

// --server, --vault, --token or --group: the one object the events must concern.
std::optional<QString> objectFlag(Cli &cli, const Invocation &inv)
{
    QString object;
    for (const QString &kind : {u"server"_s, u"vault"_s, u"token"_s, u"group"_s}) {
        if (!inv.isSet(kind))
            continue;
        if (!object.isEmpty()) {
            cli.fail(u"audit list: give one of --server, --vault, --token or --group"_s, ExitUsage);
            return std::nullopt;
        }
        const QString ref = inv.value(kind).trimmed();
        if (ref.isEmpty()) {
            cli.fail(u"--%1 needs a name or ID"_s.arg(kind), ExitUsage);
            return std::nullopt;
        }
        object = kind + u':' + ref;
    }
    return object;
}

std::optional<int> limitFlag(Cli &cli, const Invocation &inv)
{
    if (!inv.isSet(u"limit"_s))
        return 100;
    bool ok = false;
    const int limit = inv.value(u"limit"_s).toInt(&ok);
    if (!ok || limit < 1) {
        cli.fail(u"--limit: \"%1\" is not a positive whole number"_s.arg(inv.value(u"limit"_s)),
                 ExitUsage);
        return std::nullopt;
    }
    return limit;
}

void printEvents(const QList<AuditEvent> &events, const QHash<QString, QString> &emails)
{
    Table table({u"TIME"_s, u"ACTOR"_s, u"ACTION"_s, u"TARGET"_s, u"DETAIL"_s});
    for (const AuditEvent &e : events) {
        const QString actor = e.actorId.isEmpty()
                                  ? u"(service)"_s
                                  : emails.value(e.actorId, displayId(e.actorId, IdKind::User));
        table.addRow({humanTime(e.at), actor, e.action, e.targetType + u' ' + e.targetId,
                      QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))});
    }
    out::write(table.render().toUtf8());
}

// Pages of the filtered log until `wanted` events or the end, then done(events).
void fetchEvents(Cli &cli, AuditListQuery query, int wanted,
                 const std::shared_ptr<QList<AuditEvent>> &events,
                 const std::function<void(const QList<AuditEvent> &)> &done)
{
    query.limit = std::min(kMaxPage, int(wanted - events->size()));
    cli.api().auditPage(query, &cli,
                        [&cli, query, wanted, events, done](const Result<Page<AuditEvent>> &r) {
                            if (!r.ok())
                                return cli.fail(r.error());
                            *events += r->items;
                            if (r->nextCursor.isEmpty() || events->size() >= wanted)
                                return done(*events);
                            AuditListQuery next = query;
                            next.cursor = r->nextCursor;
                            fetchEvents(cli, next, wanted, events, done);
                        });
}

void printAccess(const VaultAccess &a)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    out::write(keyValues({{u"Vault"_s, a.vault.name},
                          {u"ID"_s, displayId(a.vault.id, IdKind::Vault)},
                          {u"Servers"_s, QString::number(a.servers.size())}})
                   .toUtf8());
    Table tokens({u"SERVER"_s, u"TOKEN"_s, u"ACCESS"_s, u"EXPIRES"_s, u"STATE"_s});
    Table groups({u"SERVER"_s, u"GROUP"_s, u"MANAGES AS"_s});
    for (const VaultAccessServer &s : a.servers) {
        const QString server =
            u"%1 (%2)"_s.arg(s.server.name, displayId(s.server.id, IdKind::Server));
        if (s.tokens.isEmpty())
            tokens.addRow({server, u"-"_s, u"-"_s, u"-"_s, u"-"_s});
        for (const Token &t : s.tokens) {
            QString access;
            for (const TokenVault &v : t.vaults) {
                if (v.vaultId == a.vault.id)
                    access = accessName(v.access);
            }
            tokens.addRow({server, t.name, access, humanTime(t.expiresAt, u"never"_s),
                           tokenStateName(t.stateAt(now))});
        }
        for (const VaultAccessGroup &g : s.groups)
            groups.addRow({server, g.group.name, groupGrantKindName(g.kind)});
    }
    out::write("\n");
    out::write(tokens.render().toUtf8());
    out::write("\n");
    out::write(groups.render().toUtf8());
    out::line(u"Owners and Administrators manage every server as well."_s);
}

void printDiff(const AuditDiff &diff, const std::function<QString(const QString &)> &nameOf)
{
    out::write(keyValues({{u"Since"_s, humanTime(diff.since)},
                          {u"Until"_s, humanTime(diff.until, u"now"_s)},
                          {u"Events read"_s, QString::number(diff.events)}})
                   .toUtf8());
    Table cells({u"CHANGE"_s, u"SERVER"_s, u"VAULT"_s, u"WHEN"_s});
    Table others({u"CHANGE"_s, u"KIND"_s, u"NAME"_s, u"WHERE"_s, u"WHEN"_s});
    int cellCount = 0, otherCount = 0;
    for (const DiffEntry &e : diff.entries) {
        if (e.kind == DiffEntry::Kind::Cell) {
            cells.addRow({e.added ? u"+ granted"_s : u"- revoked"_s, nameOf(e.subjectId),
                          nameOf(e.objectId), humanTime(e.at)});
            ++cellCount;
            continue;
        }
        QString change, where;
        switch (e.kind) {
        case DiffEntry::Kind::Server:
            change = e.added ? u"+ created"_s : u"- deleted"_s;
            break;
        case DiffEntry::Kind::Token:
            change = e.added ? u"+ created"_s : u"- revoked"_s;
            where = nameOf(e.objectId);
            break;
        default:
            change = e.added ? u"+ granted"_s : u"- revoked"_s;
            where = e.detail == u"server" ? nameOf(e.objectId) : e.detail;
            break;
        }
        others.addRow({change, AuditDiff::kindName(e.kind), e.name,
                       where.isEmpty() ? u"-"_s : where, humanTime(e.at)});
        ++otherCount;
    }
    out::write("\n");
    if (cellCount > 0)
        out::write(cells.render().toUtf8());
    else
        out::line(u"No vault access changed."_s);
    out::write("\n");
    if (otherCount > 0)
        out::write(others.render().toUtf8());
    else
        out::line(u"No servers, tokens or group grants changed."_s);
    for (const QString &note : diff.incomplete)
        out::line(u"Note: "_s + note);
}

} // namespace

void connectDiff(Cli &cli, const Invocation &inv)
{
    if (inv.value(u"since"_s).trimmed().isEmpty())
        return cli.fail(u"connect diff: --since is required (a date like 2026-11-01, or 7d)"_s,
                        ExitUsage);
    const auto since = timeFlag(cli, inv, u"since"_s);
    if (!since)
        return;
    const auto until = timeFlag(cli, inv, u"until"_s);
    if (!until)
        return;
    if (until->isValid() && *until <= *since)
        return cli.fail(u"connect diff: --until must be later than --since"_s, ExitUsage);
    cli.connected([&cli, since = *since, until = *until] {
        fetchAuditDiff(&cli.api(), since, until, &cli, [&cli](const Result<AuditDiff> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            // Names now for what still exists; the log's names for what was deleted since.
            cli.fetchAll<Vault>(
                [&cli](PageHandler<Vault> h) { cli.api().vaults(&cli, std::move(h)); },
                [&cli, diff = *r](const QList<Vault> &vaults) {
                    cli.fetchAll<Server>(
                        [&cli](PageHandler<Server> h) { cli.api().servers(&cli, std::move(h)); },
                        [&cli, diff, vaults](const QList<Server> &servers) {
                            QHash<QString, QString> names = diff.names;
                            for (const Vault &v : vaults)
                                names.insert(v.id, v.name);
                            for (const Server &s : servers)
                                names.insert(s.id, s.name);
                            auto nameOf = [&names](const QString &id) {
                                return names.value(id, id.toUpper());
                            };
                            if (cli.json())
                                out::json(diffToJson(diff, nameOf));
                            else
                                printDiff(diff, nameOf);
                            cli.succeed();
                        });
                });
        });
    });
}

void auditList(Cli &cli, const Invocation &inv)
{
    const auto since = timeFlag(cli, inv, u"since"_s);
    if (!since)
        return;
    const auto until = timeFlag(cli, inv, u"until"_s);
    if (!until)
        return;
    const auto object = objectFlag(cli, inv);
    if (!object)
        return;
    const auto limit = limitFlag(cli, inv);
    if (!limit)
        return;
    AuditListQuery query;
    query.actor = inv.value(u"actor"_s);
    query.action = inv.value(u"action"_s);
    query.object = *object;
    query.since = *since;
    query.until = *until;
    query.text = inv.value(u"search"_s);
    cli.connected([&cli, query, wanted = *limit] {
        fetchEvents(cli, query, wanted, std::make_shared<QList<AuditEvent>>(),
                    [&cli](const QList<AuditEvent> &events) {
                        if (cli.json()) {
                            QList<QByteArray> items;
                            for (const AuditEvent &e : events)
                                items.append(wire(e));
                            out::jsonArray(items);
                            return cli.succeed();
                        }
                        // People read email addresses; events carry user IDs.
                        cli.fetchAll<User>(
                            [&cli](PageHandler<User> h) { cli.api().users(&cli, std::move(h)); },
                            [&cli, events](const QList<User> &users) {
                                QHash<QString, QString> emails;
                                for (const User &u : users)
                                    emails.insert(u.id, u.email);
                                printEvents(events, emails);
                                cli.succeed();
                            });
                    });
    });
}

void auditVerify(Cli &cli, const Invocation &)
{
    cli.connected([&cli] {
        cli.api().verifyAudit(&cli, [&cli](const Result<AuditVerification> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            if (cli.json())
                out::json(wire(*r));
            else if (r->whole)
                out::line(u"The audit log's hash chain is whole: %1 events."_s.arg(r->count));
            if (r->whole)
                return cli.succeed();
            cli.fail(u"The audit log's hash chain is broken at event %1: %2."_s.arg(
                QString::number(r->brokenSeq), r->problem));
        });
    });
}

void vaultGet(Cli &cli, const Invocation &inv)
{
    const QString vault = inv.args.value(0).trimmed();
    if (vault.isEmpty())
        return cli.fail(u"connect vault get: name a vault (by name or ID)"_s, ExitUsage);
    cli.connected([&cli, vault] {
        cli.api().vaultAccess(vault, &cli, [&cli](const Result<VaultAccess> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            if (cli.json())
                out::json(wire(*r, QDateTime::currentDateTimeUtc()));
            else
                printAccess(*r);
            cli.succeed();
        });
    });
}

} // namespace ca::cli
