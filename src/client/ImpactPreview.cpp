// ImpactPreview: which active tokens lose which vault when vault access is revoked.
#include "client/ImpactPreview.h"

#include "core/Ids.h"
#include "core/Resolve.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// Translatable strings of this file, in the context "ca::ImpactPreview".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::ImpactPreview)
};

bool isActive(const Token &t, const QDateTime &now)
{
    return t.stateAt(now) == TokenState::Active;
}

} // namespace

VaultRevokeImpact revokeImpact(const QString &serverId, const QString &vaultId,
                               const QList<Token> &tokens, const QDateTime &now)
{
    VaultRevokeImpact impact{serverId, vaultId, {}};
    for (const Token &t : tokens) {
        if (t.serverId != serverId || !isActive(t, now))
            continue;
        for (const TokenVault &v : t.vaults) {
            if (v.vaultId == vaultId)
                impact.tokens.append(TokenLoss{t.id, t.name, v.access});
        }
    }
    std::sort(impact.tokens.begin(), impact.tokens.end(),
              [](const TokenLoss &a, const TokenLoss &b) {
                  const int byName = a.tokenName.compare(b.tokenName, Qt::CaseInsensitive);
                  return byName != 0 ? byName < 0 : a.tokenId < b.tokenId;
              });
    return impact;
}

BatchImpact batchImpact(const QList<GrantChange> &changes, const QList<Token> &tokens,
                        const QDateTime &now)
{
    // Index the active tokens by server once: a batch may revoke thousands of cells.
    QHash<QString, QList<Token>> byServer;
    for (const Token &t : tokens) {
        if (isActive(t, now))
            byServer[t.serverId].append(t);
    }
    BatchImpact out;
    QSet<QString> losing;
    for (const GrantChange &c : changes) {
        if (c.granted)
            continue;
        VaultRevokeImpact impact =
            revokeImpact(c.serverId, c.vaultId, byServer.value(c.serverId), now);
        for (const TokenLoss &loss : std::as_const(impact.tokens))
            losing.insert(loss.tokenId);
        out.revokes.append(std::move(impact));
    }
    out.tokensLosingAccess = int(losing.size());
    return out;
}

// English singular and plural are separate sources (the program ships no English .qm that
// would resolve "%n token(s)"); a translation may use its own numerus forms for the plural.
QString describeImpact(const VaultRevokeImpact &impact, const QString &vaultName)
{
    if (impact.tokens.isEmpty())
        return Text::tr("No active token uses %1.").arg(vaultName);
    QStringList names;
    for (const TokenLoss &loss : impact.tokens)
        names.append(u"%1 (%2)"_s.arg(loss.tokenName, accessSuffix(loss.access)));
    const int n = int(impact.tokens.size());
    const QString sentence =
        n == 1 ? Text::tr("1 token loses %1: %2") : Text::tr("%n tokens lose %1: %2", nullptr, n);
    return sentence.arg(vaultName, names.join(u", "_s));
}

QString describeBatch(int changes, const BatchImpact &impact)
{
    QString apply =
        changes == 1 ? Text::tr("Apply 1 change") : Text::tr("Apply %n changes", nullptr, changes);
    const int n = impact.tokensLosingAccess;
    if (n == 0)
        return apply;
    return (n == 1 ? Text::tr("%1 — 1 token loses access")
                   : Text::tr("%1 — %n tokens lose access", nullptr, n))
        .arg(apply);
}

void previewVaultRevoke(ApiClient &api, const QString &server, const QString &vault,
                        QObject *context, const Callback<VaultRevokePreview> &done)
{
    auto preview = std::make_shared<VaultRevokePreview>();
    auto vaults = std::make_shared<QList<Vault>>();
    auto tokens = std::make_shared<QList<Token>>();
    ApiClient *client = &api;
    // 3. the server's tokens, then the answer
    auto fetchTokens = [client, context, preview, tokens, done] {
        client->tokens(preview->server.id, context,
                       {[preview, tokens, done](const QList<Token> &page, bool last) {
                            *tokens += page;
                            if (!last)
                                return;
                            preview->impact =
                                revokeImpact(preview->server.id, preview->vault.id, *tokens,
                                             QDateTime::currentDateTimeUtc());
                            done(*preview);
                        },
                        [done](const ApiError &e) { done(e); }});
    };
    // 2. the vault by name or ID among those the caller can see
    auto fetchVaults = [client, context, preview, vaults, vault, fetchTokens, done] {
        client->vaults(
            context,
            {[preview, vaults, vault, fetchTokens, done](const QList<Vault> &page, bool last) {
                 *vaults += page;
                 if (!last)
                     return;
                 const auto r = resolveByIdOrName(
                     QStringView(vault), *vaults, IdKind::Vault,
                     [](const Vault &v) { return v.id; }, [](const Vault &v) { return v.name; });
                 if (r.status == ResolveStatus::Ambiguous)
                     return done(ApiError::badRequest(
                         Text::tr("More than one vault is named \"%1\": %2. Use the ID instead.")
                             .arg(vault, r.candidateIds.join(u", "_s)),
                         u"ambiguous"_s));
                 if (r.status == ResolveStatus::NotFound)
                     return done(ApiError::notFound(
                         Text::tr("No vault is named or has the ID \"%1\".").arg(vault)));
                 preview->vault = r.value;
                 preview->granted = preview->server.vaults.contains(r.value.id);
                 fetchTokens();
             },
             [done](const ApiError &e) { done(e); }});
    };
    // 1. the server, as the service resolves it (and refuses it when the caller may not)
    api.server(server, context, [preview, fetchVaults, done](const Result<Server> &r) {
        if (!r.ok())
            return done(r.error());
        preview->server = *r;
        fetchVaults();
    });
}

} // namespace ca
