// connect token rotate | schedule-revoke | calendar: replacing tokens, revoking them later,
// and their end dates in a calendar.
#include "cli/Cli.h"
#include "cli/Commands.h"
#include "client/ExpiryCalendar.h"
#include "core/Duration.h"
#include "core/Ids.h"
#include "core/SecretFile.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace {

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

// A time the service can't misread: ISO 8601 with "Z" or an offset. nullopt after a usage
// error has been reported.
std::optional<QDateTime> zonedTime(Cli &cli, const QString &flag, const QString &text)
{
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime) {
        cli.fail(u"--%1: \"%2\" is not a time with its zone; write it like "
                 "2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00"_s.arg(flag, text),
                 ExitUsage);
        return std::nullopt;
    }
    return t.toUTC();
}

// --overlap or --revokes-at (not both); nullopt after a usage error has been reported.
std::optional<RevocationTime> revocationTime(Cli &cli, const Invocation &inv)
{
    RevocationTime when;
    if (inv.isSet(u"overlap"_s) && inv.isSet(u"revokes-at"_s)) {
        cli.fail(u"%1: give either --overlap or --revokes-at, not both"_s.arg(inv.command->path),
                 ExitUsage);
        return std::nullopt;
    }
    if (inv.isSet(u"overlap"_s)) {
        const QString text = inv.value(u"overlap"_s).trimmed();
        const DurationParse d = parseOverlap(text);
        if (!d.seconds) {
            cli.fail(u"--overlap: "_s + d.error, ExitUsage);
            return std::nullopt;
        }
        when.overlap = text;
    }
    if (inv.isSet(u"revokes-at"_s)) {
        const auto at = zonedTime(cli, u"revokes-at"_s, inv.value(u"revokes-at"_s));
        if (!at)
            return std::nullopt;
        when.at = *at;
    }
    return when;
}

// What became of the token a rotation replaced, for the person at the terminal.
QString previousFate(const RotatedToken &r)
{
    const QString old =
        u"%1 (ID %2)"_s.arg(quoted(r.previous.name), displayId(r.previous.id, IdKind::Token));
    QString text = r.previous.state == TokenState::Revoked
                       ? u"The old token %1 is revoked."_s.arg(old)
                       : u"The old token %1 keeps working until %2."_s.arg(
                             old, humanTime(r.previous.revokesAt));
    if (!r.droppedVaults.isEmpty()) {
        QStringList ids;
        for (const QString &id : r.droppedVaults)
            ids.append(displayId(id, IdKind::Vault));
        text += u" The new token leaves out %1, which its server no longer reaches."_s.arg(
            ids.join(u", "_s));
    }
    return text;
}

} // namespace

void tokenRotate(Cli &cli, const Invocation &inv)
{
    const QString ref = inv.args.first();
    const auto server = cli.requiredFlag(u"server"_s, u"the server of the token"_s);
    if (!server)
        return;
    const auto when = revocationTime(cli, inv);
    if (!when)
        return;
    RotateTokenRequest request;
    request.revokeOld = *when;
    if (inv.isSet(u"name"_s))
        request.name = inv.value(u"name"_s);
    cli.connected([&cli, ref, server = *server, request] {
        cli.api().rotateToken(ref, server, request, &cli, [&cli](const Result<RotatedToken> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            // The new token alone, in either format, so that $(...) captures exactly it.
            out::write(r->created.jwt.toLatin1() + '\n');
            out::note(previousFate(*r));
            cli.succeed();
        });
    });
}

void tokenScheduleRevoke(Cli &cli, const Invocation &inv)
{
    const QString ref = inv.args.first();
    const QString server = inv.value(u"server"_s);
    const int given =
        int(inv.isSet(u"in"_s)) + int(inv.isSet(u"at"_s)) + int(inv.isOn(u"cancel"_s));
    if (given != 1)
        return cli.fail(u"%1: give exactly one of --in, --at and --cancel"_s.arg(inv.command->path),
                        ExitUsage);
    ScheduleRevocationRequest request;
    if (inv.isSet(u"in"_s)) {
        const QString text = inv.value(u"in"_s).trimmed();
        const DurationParse d = parseDuration(text);
        if (!d.seconds)
            return cli.fail(u"--in: "_s + d.error, ExitUsage);
        request.revokesIn = text;
    } else if (inv.isSet(u"at"_s)) {
        const auto at = zonedTime(cli, u"at"_s, inv.value(u"at"_s));
        if (!at)
            return;
        request.revokesAt = *at;
    }
    const bool cancel = inv.isOn(u"cancel"_s);
    cli.connected([&cli, ref, server, request, cancel] {
        auto done = [&cli, cancel](const Result<Token> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            if (cli.json())
                out::json(wire(*r, now()));
            else if (cancel)
                out::line(u"The token %1 (ID %2) is not scheduled to be revoked."_s.arg(
                    quoted(r->name), displayId(r->id, IdKind::Token)));
            else
                out::line(u"The token %1 (ID %2) will be revoked at %3."_s.arg(
                    quoted(r->name), displayId(r->id, IdKind::Token), humanTime(r->revokesAt)));
            cli.succeed();
        };
        if (cancel)
            cli.api().cancelRevocation(ref, server, &cli, done);
        else
            cli.api().scheduleRevocation(ref, server, request, &cli, done);
    });
}

void tokenCalendar(Cli &cli, const Invocation &inv)
{
    const QString server = inv.value(u"server"_s);
    const QString within = inv.isSet(u"within"_s) ? inv.value(u"within"_s) : u"90d"_s;
    const DurationParse window = parseDuration(within);
    if (!window.seconds)
        return cli.fail(u"--within: "_s + window.error, ExitUsage);
    const QString output = inv.value(u"output"_s);
    if (inv.isSet(u"output"_s) && output.trimmed().isEmpty())
        return cli.fail(u"--output needs a file name"_s, ExitUsage);
    const qint64 seconds = *window.seconds;
    cli.connected([&cli, server, seconds, output] {
        // People read server and vault names in their calendar; tokens carry IDs.
        auto names = std::make_shared<CalendarNames>();
        cli.fetchAll<Token>(
            [&cli, server](PageHandler<Token> h) { cli.api().tokens(server, &cli, std::move(h)); },
            [&cli, names, seconds, output](const QList<Token> &tokens) {
                cli.fetchAll<Server>(
                    [&cli](PageHandler<Server> h) { cli.api().servers(&cli, std::move(h)); },
                    [&cli, names, seconds, output, tokens](const QList<Server> &servers) {
                        for (const Server &s : servers)
                            names->servers.insert(s.id, s.name);
                        cli.fetchAll<Vault>(
                            [&cli](PageHandler<Vault> h) { cli.api().vaults(&cli, std::move(h)); },
                            [&cli, names, seconds, output, tokens](const QList<Vault> &vaults) {
                                for (const Vault &v : vaults)
                                    names->vaults.insert(v.id, v.name);
                                const QDateTime at = now();
                                const QByteArray ics = expiryCalendar(tokens, *names, at, seconds);
                                if (output.isEmpty() || output == u"-") {
                                    out::write(ics);
                                    return cli.succeed();
                                }
                                if (const QString problem = writeSecretFile(output, ics);
                                    !problem.isEmpty())
                                    return cli.fail(problem);
                                const int events =
                                    int(tokensEndingWithin(tokens, at, seconds).size());
                                if (cli.json())
                                    out::json(
                                        QJsonObject{{u"file"_s, output}, {u"events"_s, events}});
                                else
                                    out::line(
                                        u"Wrote %1 event(s) to %2."_s.arg(events).arg(output));
                                cli.succeed();
                            });
                    });
            });
    });
}

} // namespace ca::cli
