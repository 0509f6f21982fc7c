// connect export | plan | apply: the account's Connect configuration as a YAML file, what
// applying a file would change, and applying it in one step (access as code, issue 14).
#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/Terminal.h"
#include "client/AccessPlan.h"
#include "client/AccountSnapshotLoader.h"
#include "core/Ids.h"
#include "core/SecretFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace {

// plan's exit status when there are changes (as terraform plan -detailed-exitcode).
constexpr int kExitChanges = 2;

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

// Each error as "FILE:LINE:COL: ...", then the command fails (exit 1).
void failWithErrors(Cli &cli, const QString &path, const QList<ConfigError> &errors)
{
    for (const ConfigError &e : errors)
        out::error(e.text(path));
    cli.fail(u"%1 has %2 error(s); nothing was planned or applied."_s.arg(path).arg(errors.size()));
}

// The file, parsed; nullopt after its problems were reported.
std::optional<AccessConfig> readConfig(Cli &cli, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        cli.fail(u"Cannot read %1: %2"_s.arg(path, file.errorString()));
        return std::nullopt;
    }
    const ConfigParse parsed = parseAccessConfig(file.readAll());
    if (parsed.errors.isEmpty())
        return parsed.config;
    failWithErrors(cli, path, parsed.errors);
    return std::nullopt;
}

// The snapshot and the plan, then next(plan); errors of the file against the account end the
// command (exit 1).
void planFile(Cli &cli, const QString &path, std::function<void(const AccessPlan &)> next)
{
    const auto config = readConfig(cli, path);
    if (!config)
        return;
    cli.connected([&cli, path, config = *config, next = std::move(next)] {
        loadAccountSnapshot(cli.api(), &cli,
                            [&cli, path, config, next](const Result<AccountSnapshot> &r) {
                                if (!r.ok())
                                    return cli.fail(r.error());
                                const AccessPlan plan = makeAccessPlan(config, *r);
                                if (!plan.ok())
                                    return failWithErrors(cli, path, plan.errors);
                                next(plan);
                            });
    });
}

// A file name for a new server's credentials: its name in safe characters.
QString credentialsFileName(const QString &serverName)
{
    QString safe;
    for (const QChar c : serverName)
        safe += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' || c == u'_' ? c : u'-';
    return safe + u".1password-credentials.json"_s;
}

// Where each new server's credentials file goes (server name -> path), settled before
// anything is applied: a file in the way stops the apply unless --force.
std::optional<QHash<QString, QString>> credentialsTargets(Cli &cli, const Invocation &inv,
                                                          const AccessPlan &plan)
{
    QHash<QString, QString> targets;
    const QString dir = inv.value(u"credentials-dir"_s).isEmpty() ? QDir::currentPath()
                                                                  : inv.value(u"credentials-dir"_s);
    QSet<QString> paths;
    for (const PlanItem &i : plan.items) {
        if (i.change.op != PlanOp::ServerCreate)
            continue;
        const QString path = QDir(dir).absoluteFilePath(credentialsFileName(i.change.name));
        if (paths.contains(path) || (QFileInfo::exists(path) && !inv.isOn(u"force"_s))) {
            cli.fail(u"%1 exists already (or two new servers would share it); pass --force to "
                     "overwrite it, or --credentials-dir. Nothing was applied."_s.arg(path));
            return std::nullopt;
        }
        paths.insert(path);
        targets.insert(i.change.name, path);
    }
    if (!targets.isEmpty() && !QFileInfo(dir).isWritable()) {
        cli.fail(
            u"Can't write the new servers' credentials files in %1; nothing was applied."_s.arg(
                dir));
        return std::nullopt;
    }
    return targets;
}

// Asks on the terminal unless --auto-approve; without a terminal that is a refusal.
bool approved(Cli &cli, const Invocation &inv, const AccessPlan &plan)
{
    if (inv.isOn(u"auto-approve"_s))
        return true;
    if (!terminal::stdinIsTerminal() || !terminal::stderrIsTerminal()) {
        cli.fail(u"There is no terminal to ask whether to apply; pass --auto-approve to apply "
                 "without asking. Nothing was applied."_s);
        return false;
    }
    const auto answer = terminal::ask(
        u"Apply these %1 change(s)? Only \"yes\" applies them: "_s.arg(plan.items.size()));
    if (answer.value_or(QString()).trimmed() != u"yes") {
        cli.fail(u"Apply cancelled; nothing was applied."_s);
        return false;
    }
    return true;
}

// The secrets the apply returned, shown this once: credentials files written 0600, JWTs to
// --tokens-out (0600) or standard output. False when something could not be saved.
bool handOverSecrets(const Invocation &inv, const AppliedPlan &applied,
                     const QHash<QString, QString> &credentials)
{
    bool saved = true;
    for (const CreatedServer &s : applied.servers) {
        const QString path = credentials.value(s.server.name);
        const QString problem =
            writeSecretFile(path, QJsonDocument(s.credentials).toJson(QJsonDocument::Indented));
        if (!problem.isEmpty()) {
            out::error(u"The credentials of the new server %1 (%2) could not be saved: %3"_s.arg(
                quoted(s.server.name), displayId(s.server.id, IdKind::Server), problem));
            saved = false;
            continue;
        }
        out::line(
            u"Saved the credentials of the new server %1 (ID %2) to %3 (readable by you "
            "only)."_s.arg(quoted(s.server.name), displayId(s.server.id, IdKind::Server), path));
    }
    if (applied.tokens.isEmpty())
        return saved;
    const QString tokensOut = inv.value(u"tokens-out"_s);
    if (!tokensOut.isEmpty()) {
        QJsonArray tokens;
        for (const CreatedToken &t : applied.tokens)
            tokens.append(QJsonObject{{u"id"_s, displayId(t.token.id, IdKind::Token)},
                                      {u"name"_s, t.token.name},
                                      {u"server"_s, displayId(t.token.serverId, IdKind::Server)},
                                      {u"jwt"_s, t.jwt}});
        const QString problem =
            writeSecretFile(tokensOut, QJsonDocument(QJsonObject{{u"tokens"_s, tokens}}).toJson());
        if (problem.isEmpty()) {
            out::line(u"Wrote the %1 new token(s) to %2 (readable by you only)."_s
                          .arg(applied.tokens.size())
                          .arg(tokensOut));
            return saved;
        }
        out::error(problem + u" The new tokens follow here instead; they are shown once."_s);
        saved = false;
    }
    out::line(u"The new tokens, shown once:"_s);
    for (const CreatedToken &t : applied.tokens) {
        out::line(u"%1 (ID %2, server %3):"_s.arg(quoted(t.token.name),
                                                  displayId(t.token.id, IdKind::Token),
                                                  displayId(t.token.serverId, IdKind::Server)));
        out::line(t.jwt);
    }
    return saved;
}

} // namespace

void connectExport(Cli &cli, const Invocation &inv)
{
    const QString output = inv.value(u"output"_s);
    if (inv.isSet(u"output"_s) && output.trimmed().isEmpty())
        return cli.fail(u"--output needs a file name"_s, ExitUsage);
    cli.connected([&cli, output] {
        loadAccountSnapshot(cli.api(), &cli, [&cli, output](const Result<AccountSnapshot> &r) {
            if (!r.ok())
                return cli.fail(r.error());
            const QByteArray yaml = exportAccessConfig(*r);
            if (output.isEmpty() || output == u"-") {
                out::write(yaml);
                return cli.succeed();
            }
            // No secret in it, but written whole or not at all.
            QSaveFile file(output);
            if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size() ||
                !file.commit())
                return cli.fail(u"Cannot write %1: %2"_s.arg(output, file.errorString()));
            out::line(u"Wrote the configuration of %1 server(s) and %2 token(s) at revision %3 "
                      "to %4."_s.arg(r->servers.size())
                          .arg(r->tokens.size())
                          .arg(r->revision)
                          .arg(output));
            cli.succeed();
        });
    });
}

void connectPlan(Cli &cli, const Invocation &inv)
{
    planFile(cli, inv.args.first(), [&cli](const AccessPlan &plan) {
        if (cli.json())
            out::json(plan.json());
        else
            out::write(plan.text().toUtf8());
        cli.succeed(plan.empty() ? ExitOk : kExitChanges);
    });
}

void connectApply(Cli &cli, const Invocation &inv)
{
    const QString tokensOut = inv.value(u"tokens-out"_s);
    if (inv.isSet(u"tokens-out"_s) && tokensOut.trimmed().isEmpty())
        return cli.fail(u"--tokens-out needs a file name"_s, ExitUsage);
    planFile(cli, inv.args.first(), [&cli, &inv](const AccessPlan &plan) {
        out::write(plan.text().toUtf8());
        if (plan.empty())
            return cli.succeed();
        const auto credentials = credentialsTargets(cli, inv, plan);
        if (!credentials || !approved(cli, inv, plan))
            return;
        cli.api().applyPlan(
            plan.request(), &cli,
            [&cli, &inv, credentials = *credentials](const Result<AppliedPlan> &r) {
                if (!r.ok()) {
                    if (r.error().code == u"stale_revision")
                        return cli.fail(u"the account changed since the plan; run plan again "
                                        "(nothing was applied)"_s);
                    return cli.fail(r.error());
                }
                const bool saved = handOverSecrets(inv, *r, credentials);
                out::line(u"Applied %1 change(s); the account is at revision %2."_s.arg(r->applied)
                              .arg(r->revision));
                if (!saved)
                    return cli.fail(u"Applied, but not every secret could be saved (see above)."_s);
                cli.succeed();
            });
    });
}

} // namespace ca::cli
