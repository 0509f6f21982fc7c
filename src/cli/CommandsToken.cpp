// connect token create | delete | edit | list
#include "cli/Cli.h"
#include "cli/Commands.h"
#include "client/ExpiryCalendar.h"
#include "core/Duration.h"
#include "core/Ids.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace {

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

QString tokenId(const Token &t)
{
    return displayId(t.id, IdKind::Token);
}

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

// When the token stops working: its expiry, and a scheduled revocation after "revokes".
QString expiryCell(const Token &t)
{
    const QString expires = humanTime(t.expiresAt, u"never"_s);
    if (!t.revokesAt.isValid() || t.state == TokenState::Revoked)
        return expires;
    return expires + u"; revokes "_s + humanTime(t.revokesAt);
}

} // namespace

void tokenCreate(Cli &cli, const Invocation &inv)
{
    NewTokenRequest request;
    request.name = inv.args.first();
    const auto server = cli.requiredFlag(u"server"_s, u"the server to issue the token for"_s);
    if (!server)
        return;
    request.server = *server;
    // Each --vault is one vault with an optional ",r" ",w" ",rw"; each --vaults a comma
    // separated list where r, w or rw applies to the vault before it.
    for (const QString &value : inv.all(u"vault"_s)) {
        const VaultPermissionParse p = parseVaultPermission(value);
        if (!p.error.isEmpty())
            return cli.fail(u"--vault: "_s + p.error, ExitUsage);
        request.vaults += p.permissions;
    }
    for (const QString &value : inv.all(u"vaults"_s)) {
        const VaultPermissionParse p = parseVaultPermissionList(value);
        if (!p.error.isEmpty())
            return cli.fail(u"--vaults: "_s + p.error, ExitUsage);
        request.vaults += p.permissions;
    }
    if (inv.isSet(u"expires-in"_s)) {
        // Checked here so that a bad duration never reaches the service.
        const QString text = inv.value(u"expires-in"_s).trimmed();
        const DurationParse d = parseDuration(text);
        if (!d.seconds)
            return cli.fail(u"--expires-in: "_s + d.error, ExitUsage);
        request.expiresIn = text;
    }
    cli.connected([&cli, request] {
        cli.api().createToken(request, &cli, [&cli](const Result<NewTokenReply> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            // The token alone, in either format, so that $(...) captures exactly it.
            out::write(r->jwt.toLatin1() + '\n');
            cli.succeed();
        });
    });
}

void tokenDelete(Cli &cli, const Invocation &inv)
{
    const auto ref = cli.reference(u"token"_s);
    if (!ref)
        return;
    const QString server = inv.value(u"server"_s);
    cli.connected([&cli, ref = *ref, server] {
        cli.api().revokeToken(ref, server, &cli, [&cli](const Result<Token> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            if (cli.json())
                out::json(wire(*r, now()));
            else
                out::line(u"Revoked the token %1 (ID %2) of the Connect server %3."_s.arg(
                    quoted(r->name), tokenId(*r), displayId(r->serverId, IdKind::Server)));
            cli.succeed();
        });
    });
}

void tokenEdit(Cli &cli, const Invocation &inv)
{
    const QString ref = inv.args.first();
    const auto name = cli.requiredFlag(u"name"_s, u"the token's new name"_s);
    if (!name)
        return;
    const QString server = inv.value(u"server"_s);
    cli.connected([&cli, ref, server, name = *name] {
        cli.api().renameToken(ref, server, name, &cli, [&cli, ref](const Result<Token> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            if (cli.json())
                out::json(wire(*r, now()));
            else
                out::line(u"Renamed the token %1 (ID %2) to %3."_s.arg(quoted(ref), tokenId(*r),
                                                                       quoted(r->name)));
            cli.succeed();
        });
    });
}

void tokenList(Cli &cli, const Invocation &inv)
{
    const QString server = inv.value(u"server"_s);
    std::optional<qint64> within;
    if (inv.isSet(u"expiring-within"_s)) {
        const DurationParse d = parseDuration(inv.value(u"expiring-within"_s));
        if (!d.seconds)
            return cli.fail(u"--expiring-within: "_s + d.error, ExitUsage);
        within = d.seconds;
    }
    cli.connected([&cli, server, within] {
        cli.fetchAll<Token>(
            [&cli, server](PageHandler<Token> h) { cli.api().tokens(server, &cli, h); },
            [&cli, within](const QList<Token> &all) {
                const QDateTime at = now();
                const QList<Token> tokens = within ? tokensEndingWithin(all, at, *within) : all;
                if (cli.json()) {
                    QList<QByteArray> items;
                    items.reserve(tokens.size());
                    for (const Token &t : tokens)
                        items.append(wire(t, at));
                    out::jsonArray(items);
                    return cli.succeed();
                }
                // People read server and vault names; tokens carry IDs.
                cli.fetchAll<Server>(
                    [&cli](PageHandler<Server> h) { cli.api().servers(&cli, h); },
                    [&cli, tokens, at](const QList<Server> &servers) {
                        cli.fetchAll<Vault>(
                            [&cli](PageHandler<Vault> h) { cli.api().vaults(&cli, h); },
                            [&cli, tokens, at, servers](const QList<Vault> &vaults) {
                                QHash<QString, QString> serverNames, vaultNames;
                                for (const Server &s : servers)
                                    serverNames.insert(s.id, s.name);
                                for (const Vault &v : vaults)
                                    vaultNames.insert(v.id, v.name);
                                Table table({u"ID"_s, u"NAME"_s, u"SERVER"_s, u"STATE"_s,
                                             u"VAULTS"_s, u"CREATED"_s, u"EXPIRES"_s});
                                for (const Token &t : tokens) {
                                    QStringList access;
                                    for (const TokenVault &v : t.vaults)
                                        access.append(
                                            vaultNames.value(v.vaultId,
                                                             displayId(v.vaultId, IdKind::Vault)) +
                                            u',' + accessSuffix(v.access));
                                    table.addRow(
                                        {tokenId(t), t.name,
                                         serverNames.value(t.serverId,
                                                           displayId(t.serverId, IdKind::Server)),
                                         tokenStateName(t.stateAt(at)), access.join(u' '),
                                         humanTime(t.createdAt), expiryCell(t)});
                                }
                                out::write(table.render().toUtf8());
                                cli.succeed();
                            });
                    });
            });
    });
}

} // namespace ca::cli
