// connect vault grant | revoke and connect group grant | revoke: who reaches which vault, and
// which groups administer Secrets Automation.
#include "cli/Cli.h"
#include "cli/Commands.h"
#include "client/ImpactPreview.h"
#include "core/Ids.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace {

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

// --group, and --server or --all-servers (not both); nullopt after a usage error.
struct GroupTarget
{
    QString group;
    QString server;
    bool allServers = false;
};

std::optional<GroupTarget> groupTarget(Cli &cli, const Invocation &inv, const QString &what)
{
    const auto group = cli.requiredFlag(u"group"_s, what);
    if (!group)
        return std::nullopt;
    GroupTarget t{*group, inv.value(u"server"_s), inv.isOn(u"all-servers"_s)};
    if (t.allServers && inv.isSet(u"server"_s)) {
        cli.fail(u"%1: give either --server or --all-servers, not both"_s.arg(inv.command->path),
                 ExitUsage);
        return std::nullopt;
    }
    if (inv.isSet(u"server"_s) && t.server.trimmed().isEmpty()) {
        cli.fail(u"%1: --server needs a server name or ID"_s.arg(inv.command->path), ExitUsage);
        return std::nullopt;
    }
    return t;
}

QJsonObject impactJson(const VaultRevokePreview &p)
{
    QJsonArray tokens;
    for (const TokenLoss &loss : p.impact.tokens)
        tokens.append(QJsonObject{{u"id"_s, displayId(loss.tokenId, IdKind::Token)},
                                  {u"name"_s, loss.tokenName},
                                  {u"access"_s, accessName(loss.access)}});
    return {{u"server"_s, displayId(p.server.id, IdKind::Server)},
            {u"vault"_s, displayId(p.vault.id, IdKind::Vault)},
            {u"vault_name"_s, p.vault.name},
            {u"tokens"_s, tokens}};
}

// The revoke itself, by ID: the preview has resolved both names.
void revoke(Cli &cli, const Server &server, const Vault &vault)
{
    cli.api().revokeVault(server.id, vault.id, &cli, [&cli, vault](const Result<Server> &r) {
        if (!r.ok())
            return cli.fail(r.error());
        if (cli.json())
            out::json(wire(*r));
        else
            out::line(u"Revoked the access of the Connect server %1 (ID %2) to the vault %3."_s.arg(
                quoted(r->name), displayId(r->id, IdKind::Server), quoted(vault.name)));
        cli.succeed();
    });
}

} // namespace

void vaultGrant(Cli &cli, const Invocation &)
{
    const auto server = cli.requiredFlag(u"server"_s, u"the server to be granted access"_s);
    if (!server)
        return;
    const auto vault = cli.requiredFlag(u"vault"_s, u"the vault to grant access to"_s);
    if (!vault)
        return;
    cli.connected([&cli, server = *server, vault = *vault] {
        cli.api().grantVault(server, vault, &cli, [&cli, vault](const Result<Server> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            if (cli.json())
                out::json(wire(*r));
            else
                out::line(u"Granted the Connect server %1 (ID %2) access to the vault %3."_s.arg(
                    quoted(r->name), displayId(r->id, IdKind::Server), quoted(vault)));
            cli.succeed();
        });
    });
}

void vaultRevoke(Cli &cli, const Invocation &inv)
{
    const auto server = cli.requiredFlag(u"server"_s, u"the server to revoke access from"_s);
    if (!server)
        return;
    const auto vault = cli.requiredFlag(u"vault"_s, u"the vault to revoke access to"_s);
    if (!vault)
        return;
    const bool dryRun = inv.isOn(u"dry-run"_s);
    cli.connected([&cli, server = *server, vault = *vault, dryRun] {
        // What the revoke takes away is said before it happens (and only said with --dry-run).
        previewVaultRevoke(
            cli.api(), server, vault, &cli, [&cli, dryRun](const Result<VaultRevokePreview> &p) {
                if (!p.ok())
                    return cli.fail(p.error());
                if (!p->granted)
                    return cli.fail(u"The Connect server %1 has no access to the vault %2."_s.arg(
                        quoted(p->server.name), quoted(p->vault.name)));
                if (cli.json() && dryRun) {
                    out::json(impactJson(*p));
                    return cli.succeed();
                }
                if (!cli.json())
                    out::line(describeImpact(p->impact, p->vault.name));
                if (dryRun)
                    return cli.succeed();
                revoke(cli, p->server, p->vault);
            });
    });
}

void groupGrant(Cli &cli, const Invocation &inv)
{
    const auto t = groupTarget(cli, inv, u"the group to receive access"_s);
    if (!t)
        return;
    cli.connected([&cli, t = *t] {
        cli.api().grantGroup(
            t.group, t.server, t.allServers, &cli, [&cli, t](const Result<GroupGrant> &r) {
                if (!r.ok())
                    return cli.fail(r.error());
                if (cli.json()) {
                    out::json(wire(*r));
                } else {
                    const QString group = quoted(t.group);
                    switch (r->kind) {
                    case GroupGrantKind::Manager:
                        out::line(u"The group %1 manages Secrets Automation."_s.arg(group));
                        break;
                    case GroupGrantKind::AllServers:
                        out::line(u"The group %1 manages all current and future Connect "
                                  "servers."_s.arg(group));
                        break;
                    case GroupGrantKind::Server:
                        out::line(u"The group %1 manages the Connect server %2 (ID %3)."_s.arg(
                            group, quoted(t.server), displayId(r->serverId, IdKind::Server)));
                        break;
                    }
                }
                cli.succeed();
            });
    });
}

void groupRevoke(Cli &cli, const Invocation &inv)
{
    const auto t = groupTarget(cli, inv, u"the group to revoke access from"_s);
    if (!t)
        return;
    cli.connected([&cli, t = *t] {
        cli.api().revokeGroup(
            t.group, t.server, t.allServers, &cli, [&cli, t](const Result<int> &r) {
                if (!r.ok())
                    return cli.fail(r.error());
                if (cli.json()) {
                    out::json(QJsonObject{{u"removed"_s, *r}});
                } else {
                    const QString what = t.allServers ? u"all Connect servers"_s
                                         : t.server.isEmpty()
                                             ? u"Secrets Automation"_s
                                             : u"the Connect server %1"_s.arg(quoted(t.server));
                    out::line(u"Revoked the access of the group %1 to manage %2 (%3 grant(s) "
                              "removed)."_s.arg(quoted(t.group), what)
                                  .arg(*r));
                }
                cli.succeed();
            });
    });
}

} // namespace ca::cli
