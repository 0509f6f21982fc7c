// connect server check-credentials | renew-credentials: is a credentials file (and a token)
// good, and a new file for a server without recreating it.
#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/CredentialsTarget.h"
#include "cli/Terminal.h"
#include "client/CredentialsCheck.h"
#include "core/Duration.h"
#include "core/Ids.h"
#include "core/SecretFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace {

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

QString yesNo(bool yes)
{
    return yes ? u"yes"_s : u"no"_s;
}

QString vaultList(const QList<TokenVault> &vaults, const QHash<QString, QString> &names)
{
    QStringList parts;
    for (const TokenVault &v : vaults)
        parts.append(names.value(v.vaultId, displayId(v.vaultId, IdKind::Vault)) + u',' +
                     accessSuffix(v.access));
    return parts.join(u' ');
}

QList<std::pair<QString, QString>> fileRows(const QString &path, const CredentialsReport &r)
{
    const credentials::Opened &f = r.file;
    QList<std::pair<QString, QString>> rows{{u"File"_s, path}};
    if (!f.ok())
        return rows;
    QString server = displayId(f.identity.serverId, IdKind::Server);
    if (r.server)
        server += u" %1 (%2)"_s.arg(quoted(r.server->name), r.server->state);
    rows += {{u"Account"_s, displayId(f.identity.accountId, IdKind::Account)},
             {u"Server"_s, server},
             {u"Service"_s, f.identity.serviceUrl},
             {u"Issued"_s, humanTime(f.identity.issuedAt, u"unknown (an older file)"_s)},
             {u"Fingerprint"_s, f.fingerprint}};
    if (r.server)
        rows.append({u"In force"_s,
                     r.server->credentialsFingerprint.isEmpty()
                         ? u"unknown (the service has no fingerprint of it)"_s
                     : r.server->credentialsFingerprint == f.fingerprint
                         ? u"yes"_s
                         : u"no: renewed %1"_s.arg(humanTime(r.server->credentialsIssuedAt))});
    if (!r.askedService && !r.notAsked.isEmpty())
        rows.append({u"Not checked"_s, r.notAsked});
    return rows;
}

QList<std::pair<QString, QString>> tokenRows(const CredentialsReport &r)
{
    if (!r.token || !r.token->readable)
        return {};
    const credentials::TokenCheck &t = *r.token;
    QString id = displayId(t.tokenId, IdKind::Token);
    if (r.tokenOnService)
        id += u" %1 (%2)"_s.arg(
            quoted(r.tokenOnService->name),
            tokenStateName(r.tokenOnService->stateAt(QDateTime::currentDateTimeUtc())));
    return {{u"Token"_s, id},
            {u"Matches file"_s, yesNo(t.matchesFile)},
            {u"Signature"_s, t.signatureValid ? u"valid (key %1)"_s.arg(t.keyId)
                             : t.matchesFile  ? u"not valid"_s
                                              : u"not checked"_s},
            {u"Vaults"_s, vaultList(t.vaults, r.vaultNames)},
            {u"Issued at"_s, humanTime(t.issuedAt)},
            {u"Expires"_s, humanTime(t.expiresAt, u"never"_s)}};
}

QJsonValue time(const QDateTime &t)
{
    return json::fromDateTime(t);
}

QJsonObject reportJson(const QString &path, const CredentialsReport &r)
{
    const credentials::Opened &f = r.file;
    QJsonObject file{{u"path"_s, path}, {u"ok"_s, f.ok()}};
    if (f.ok()) {
        file.insert(u"account"_s, displayId(f.identity.accountId, IdKind::Account));
        file.insert(u"server"_s, displayId(f.identity.serverId, IdKind::Server));
        file.insert(u"service_url"_s, f.identity.serviceUrl);
        file.insert(u"issued_at"_s, time(f.identity.issuedAt));
        file.insert(u"fingerprint"_s, f.fingerprint);
    }
    QJsonObject o{{u"ok"_s, r.ok()},
                  {u"problem"_s, r.ok() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.problem)},
                  {u"file"_s, file}};
    if (r.token) {
        const credentials::TokenCheck &t = *r.token;
        QJsonArray vaults;
        for (const TokenVault &v : t.vaults)
            vaults.append(QJsonObject{{u"id"_s, displayId(v.vaultId, IdKind::Vault)},
                                      {u"access"_s, accessName(v.access)}});
        o.insert(u"token"_s, QJsonObject{{u"id"_s, displayId(t.tokenId, IdKind::Token)},
                                         {u"matches_file"_s, t.matchesFile},
                                         {u"signature_valid"_s, t.signatureValid},
                                         {u"expired"_s, t.expired},
                                         {u"issued_at"_s, time(t.issuedAt)},
                                         {u"expires_at"_s, time(t.expiresAt)},
                                         {u"vaults"_s, vaults}});
    }
    QJsonObject service{{u"asked"_s, r.askedService}};
    if (!r.askedService)
        service.insert(u"reason"_s, r.notAsked);
    if (r.askedService)
        service.insert(u"server"_s, r.server ? json::encode(*r.server) : QJsonValue());
    if (r.tokenOnService)
        service.insert(u"token"_s,
                       json::encode(*r.tokenOnService, QDateTime::currentDateTimeUtc()));
    o.insert(u"service"_s, service);
    return o;
}

} // namespace

void serverCheckCredentials(Cli &cli, const Invocation &inv)
{
    const QString path = inv.args.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return cli.fail(u"Can't read %1: %2"_s.arg(path, file.errorString()));
    const QByteArray text = file.read(1024 * 1024);
    std::optional<QByteArray> jwt;
    if (inv.isSet(u"token"_s)) {
        const QString value = inv.value(u"token"_s);
        jwt = (value == u"-" ? terminal::readAll() : value).trimmed().toLatin1();
        if (jwt->isEmpty())
            return cli.fail(u"--token: no token given"_s, ExitUsage);
    }
    cli.optionallyConnected([&cli, path, text, jwt](bool signedIn) {
        checkCredentials(&cli.network(), signedIn ? &cli.api() : nullptr, text, jwt, &cli,
                         [&cli, path](const CredentialsReport &r) {
                             if (cli.json()) {
                                 out::json(reportJson(path, r));
                             } else {
                                 out::write(keyValues(fileRows(path, r) + tokenRows(r)).toUtf8());
                                 if (r.ok())
                                     out::line(r.token ? u"The file and the token are good."_s
                                                       : u"The file is good."_s);
                             }
                             if (r.ok())
                                 return cli.succeed();
                             cli.fail(r.problem);
                         });
    });
}

void serverRenewCredentials(Cli &cli, const Invocation &inv)
{
    const QString ref = inv.args.first();
    RenewCredentialsRequest request;
    request.rotateTokens = inv.isOn(u"rotate-tokens"_s);
    if (inv.isSet(u"overlap"_s)) {
        if (!request.rotateTokens)
            return cli.fail(u"--overlap says when rotated tokens' predecessors go; it needs "
                            "--rotate-tokens"_s,
                            ExitUsage);
        const QString text = inv.value(u"overlap"_s).trimmed();
        const DurationParse d = parseOverlap(text);
        if (!d.seconds)
            return cli.fail(u"--overlap: "_s + d.error, ExitUsage);
        request.revokeOld.overlap = text;
    }
    const auto target = credentialsTarget(cli, inv, u"the credentials were not renewed"_s);
    if (!target)
        return;
    cli.connected([&cli, ref, request, path = *target] {
        cli.api().renewCredentials(
            ref, request, &cli, [&cli, path](const Result<RenewedCredentials> &r) {
                if (!r.ok())
                    return cli.fail(r.error());
                const QString id = displayId(r->server.id, IdKind::Server);
                const QString problem = writeSecretFile(
                    path, QJsonDocument(r->credentials).toJson(QJsonDocument::Indented));
                if (!problem.isEmpty())
                    return cli.fail(
                        u"The credentials of the Connect server %1 (%2) were renewed, but "
                        "the new file could not be saved: %3 It can't be shown again: "
                        "renew the credentials once more (%4 connect server "
                        "renew-credentials %2)."_s.arg(quoted(r->server.name), id, problem,
                                                       programName()));
                if (cli.json()) {
                    QJsonObject o = json::encode(*r, QDateTime::currentDateTimeUtc());
                    o.remove(u"credentials"_s); // in the file only, never on the screen
                    o.insert(u"file"_s, path);
                    out::json(o);
                    return cli.succeed();
                }
                out::line(u"Renewed the credentials of the Connect server %1 (ID %2)."_s.arg(
                    quoted(r->server.name), id));
                out::line(u"Saved the new credentials file to %1 (readable by you only); the old "
                          "file no longer works."_s.arg(path));
                if (r->rotated.isEmpty()) {
                    out::line(u"%1 active token(s) were issued against the old credentials and "
                              "don't match the new file."_s.arg(r->staleTokens));
                    return cli.succeed();
                }
                const Token &old = r->rotated.first().previous;
                out::line(u"Replaced %1 token(s); the old ones %2. The new tokens, shown once:"_s
                              .arg(r->rotated.size())
                              .arg(old.state == TokenState::Revoked
                                       ? u"are revoked"_s
                                       : u"keep working until "_s + humanTime(old.revokesAt)));
                for (const RotatedToken &t : r->rotated) {
                    out::line(u"%1 (ID %2, replaces %3):"_s.arg(
                        quoted(t.created.token.name), displayId(t.created.token.id, IdKind::Token),
                        displayId(t.previous.id, IdKind::Token)));
                    out::line(t.created.jwt);
                }
                cli.succeed();
            });
    });
}

} // namespace ca::cli
