// connect server create | delete | edit | get | list
#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/CredentialsTarget.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/NameOrder.h"
#include "core/SecretFile.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace {

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

QString serverId(const Server &s)
{
    return displayId(s.id, IdKind::Server);
}

// The --vaults values: comma separated, the flag may be repeated.
std::optional<QStringList> vaultList(Cli &cli, const Invocation &inv)
{
    QStringList vaults;
    for (const QString &value : inv.all(u"vaults"_s)) {
        for (const QString &part : value.split(u',')) {
            if (part.trimmed().isEmpty()) {
                cli.fail(u"--vaults: a vault name or ID is missing in \"%1\""_s.arg(value),
                         ExitUsage);
                return std::nullopt;
            }
            vaults.append(part.trimmed());
        }
    }
    return vaults;
}

void printServer(Cli &cli, const Server &s, const QList<Vault> &vaults)
{
    QHash<QString, QString> names;
    for (const Vault &v : vaults)
        names.insert(v.id, v.name);
    QStringList vaultIds = s.vaults;
    NameOrder::current().sortBy(vaultIds,
                                [&names](const QString &id) { return names.value(id, id); });
    QStringList granted;
    for (const QString &id : std::as_const(vaultIds))
        granted.append(names.contains(id)
                           ? u"%1 (%2)"_s.arg(names.value(id), displayId(id, IdKind::Vault))
                           : displayId(id, IdKind::Vault));
    out::write(keyValues({{u"ID"_s, serverId(s)},
                          {u"Name"_s, s.name},
                          {u"State"_s, s.state},
                          {u"Created"_s, humanTime(s.createdAt)},
                          {u"Creator"_s, displayId(s.creatorId, IdKind::User)},
                          {u"Vaults"_s, granted.isEmpty() ? u"none"_s : granted.join(u", "_s)},
                          {u"Active tokens"_s, QString::number(s.activeTokens)},
                          {u"Tokens version"_s, QString::number(s.tokensVersion)}})
                   .toUtf8());
    cli.succeed();
}

} // namespace

void serverCreate(Cli &cli, const Invocation &inv)
{
    const QString name = inv.args.first();
    const auto vaults = vaultList(cli, inv);
    if (!vaults)
        return;
    // Everything about the file is settled before the server exists: a refusal creates
    // nothing, and the credentials (shown once) are not lost to a file in the way.
    const auto target = credentialsTarget(cli, inv, u"no server was created"_s);
    if (!target)
        return;
    cli.connected([&cli, name, vaults = *vaults, path = *target] {
        cli.api().createServer(name, vaults, &cli, [&cli, path](const Result<NewServerReply> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            const QString problem = writeSecretFile(
                path, QJsonDocument(r->credentials).toJson(QJsonDocument::Indented));
            if (!problem.isEmpty())
                return cli.fail(
                    u"The Connect server %1 (%2) was created, but its credentials could not be "
                    "saved: %3 They can't be shown again: delete the server (%4 connect server "
                    "delete %2) and create it anew."_s.arg(
                        quoted(r->server.name), serverId(r->server), problem, programName()));
            if (cli.json()) {
                out::json(wire(r->server));
            } else {
                out::line(u"Set up the Connect server %1 (ID %2) with access to %3 vault(s)."_s
                              .arg(quoted(r->server.name), serverId(r->server))
                              .arg(r->server.vaults.size()));
                out::line(u"Saved its credentials to %1 (readable by you only)."_s.arg(path));
            }
            cli.succeed();
        });
    });
}

void serverDelete(Cli &cli, const Invocation &)
{
    const auto ref = cli.reference(u"server"_s);
    if (!ref)
        return;
    cli.connected([&cli, ref = *ref] {
        cli.api().deleteServer(ref, &cli, [&cli](const Result<Server> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            if (cli.json())
                out::json(wire(*r));
            else
                out::line(u"Removed the Connect server %1 (ID %2); its credentials file and "
                          "tokens are no longer valid."_s.arg(quoted(r->name), serverId(*r)));
            cli.succeed();
        });
    });
}

void serverEdit(Cli &cli, const Invocation &inv)
{
    const QString ref = inv.args.first();
    const auto name = cli.requiredFlag(u"name"_s, u"the server's new name"_s);
    if (!name)
        return;
    cli.connected([&cli, ref, name = *name] {
        cli.api().renameServer(ref, name, &cli, [&cli, ref](const Result<Server> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            if (cli.json())
                out::json(wire(*r));
            else
                out::line(u"Renamed the Connect server %1 (ID %2) to %3."_s.arg(
                    quoted(ref), serverId(*r), quoted(r->name)));
            cli.succeed();
        });
    });
}

void serverGet(Cli &cli, const Invocation &)
{
    const auto ref = cli.reference(u"server"_s);
    if (!ref)
        return;
    cli.connected([&cli, ref = *ref] {
        cli.api().server(ref, &cli, [&cli](const Result<Server> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            if (cli.json()) {
                out::json(wire(*r));
                return cli.succeed();
            }
            // People read vault names; the server only knows IDs.
            cli.fetchAll<Vault>(
                [&cli](PageHandler<Vault> h) { cli.api().vaults(&cli, std::move(h)); },
                [&cli, s = *r](const QList<Vault> &vaults) { printServer(cli, s, vaults); });
        });
    });
}

void serverList(Cli &cli, const Invocation &)
{
    cli.connected([&cli] {
        cli.fetchAll<Server>(
            [&cli](PageHandler<Server> h) { cli.api().servers(&cli, std::move(h)); },
            [&cli](const QList<Server> &servers) {
                if (cli.json()) {
                    QList<QByteArray> items;
                    items.reserve(servers.size());
                    for (const Server &s : servers)
                        items.append(wire(s));
                    out::jsonArray(items);
                    return cli.succeed();
                }
                // By name, as the desktop program lists them.
                QList<Server> sorted = servers;
                NameOrder::current().sort(sorted);
                Table table(
                    {u"ID"_s, u"NAME"_s, u"STATE"_s, u"VAULTS"_s, u"TOKENS"_s, u"CREATED"_s});
                for (const Server &s : std::as_const(sorted))
                    table.addRow({serverId(s), s.name, s.state, QString::number(s.vaults.size()),
                                  QString::number(s.activeTokens), humanTime(s.createdAt)});
                out::write(table.render().toUtf8());
                cli.succeed();
            });
    });
}

} // namespace ca::cli
