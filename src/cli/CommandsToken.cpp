// connect token create | delete | edit | list
#include "cli/Cli.h"
#include "cli/Commands.h"
#include "client/ExpiryCalendar.h"
#include "core/Duration.h"
#include "core/Ids.h"
#include "core/NameOrder.h"

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
    QString expires = humanTime(t.expiresAt, u"never"_s);
    if (!t.revokesAt.isValid() || t.state == TokenState::Revoked)
        return expires;
    return expires + u"; revokes "_s + humanTime(t.revokesAt);
}

// The human table: by server, then by token name, in the order the desktop program uses. A
// vault the token's server no longer reaches is marked with a * and a note under the table:
// the token names it but can't reach it.
void printTokens(QList<Token> tokens, const QList<Server> &servers, const QList<Vault> &vaults,
                 const QDateTime &at)
{
    QHash<QString, const Server *> serversById;
    for (const Server &s : servers)
        serversById.insert(s.id, &s);
    QHash<QString, QString> vaultNames;
    for (const Vault &v : vaults)
        vaultNames.insert(v.id, v.name);
    auto serverName = [&serversById](const QString &id) {
        const Server *s = serversById.value(id);
        return s ? s->name : displayId(id, IdKind::Server);
    };
    auto vaultName = [&vaultNames](const QString &id) {
        return vaultNames.value(id, displayId(id, IdKind::Vault));
    };
    auto lost = [&serversById](const Token &t, const TokenVault &v) {
        const Server *s = serversById.value(t.serverId);
        return s && !s->vaults.contains(v.vaultId);
    };
    const NameOrder &order = NameOrder::current();
    std::stable_sort(tokens.begin(), tokens.end(), [&](const Token &a, const Token &b) {
        const int byServer = order.compare(serverName(a.serverId), serverName(b.serverId));
        if (byServer != 0)
            return byServer < 0;
        const int byName = order.compare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    Table table(
        {u"ID"_s, u"NAME"_s, u"SERVER"_s, u"STATE"_s, u"VAULTS"_s, u"CREATED"_s, u"EXPIRES"_s});
    bool anyLost = false;
    for (const Token &t : std::as_const(tokens)) {
        QList<TokenVault> scopes = t.vaults;
        order.sortBy(scopes, [&](const TokenVault &v) { return vaultName(v.vaultId); });
        QStringList access;
        for (const TokenVault &v : std::as_const(scopes)) {
            const bool gone = lost(t, v);
            anyLost |= gone;
            access.append(vaultName(v.vaultId) + u',' + accessSuffix(v.access) +
                          (gone ? u"*"_s : QString()));
        }
        table.addRow({tokenId(t), t.name, serverName(t.serverId), tokenStateName(t.stateAt(at)),
                      access.join(u' '), humanTime(t.createdAt), expiryCell(t)});
    }
    out::write(table.render().toUtf8());
    if (anyLost)
        out::line(u"* The token's server no longer has access to this vault, so the token can't "
                  "reach it either."_s);
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
            [&cli, server](PageHandler<Token> h) { cli.api().tokens(server, &cli, std::move(h)); },
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
                    [&cli](PageHandler<Server> h) { cli.api().servers(&cli, std::move(h)); },
                    [&cli, tokens, at](const QList<Server> &servers) {
                        cli.fetchAll<Vault>(
                            [&cli](PageHandler<Vault> h) { cli.api().vaults(&cli, std::move(h)); },
                            [&cli, tokens, at, servers](const QList<Vault> &vaults) {
                                printTokens(tokens, servers, vaults, at);
                                cli.succeed();
                            });
                    });
            });
    });
}

} // namespace ca::cli
