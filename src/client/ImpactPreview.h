// What revoking a vault from a server takes away: the server's active tokens that name the
// vault lose it (a token can't reach what its server can't). Pure functions for a review
// panel that has the tokens loaded, and previewVaultRevoke() for a caller that has not.
#pragma once

#include "client/ApiClient.h"
#include "core/Domain.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace ca {

// One token that would lose a vault, with the access it loses.
struct TokenLoss
{
    QString tokenId;
    QString tokenName;
    Access access = Access::ReadWrite;
};

// What one revoke (server, vault) takes away; tokens sorted by name.
struct VaultRevokeImpact
{
    QString serverId;
    QString vaultId;
    QList<TokenLoss> tokens;
};

// The tokens (of any servers; the others are ignored) that are active at now.
VaultRevokeImpact revokeImpact(const QString &serverId, const QString &vaultId,
                               const QList<Token> &tokens, const QDateTime &now);

// A batch of staged changes: the impact of each revoke in it (grants take nothing away), in
// the batch's order, and how many distinct tokens lose access to at least one vault.
struct BatchImpact
{
    QList<VaultRevokeImpact> revokes;
    int tokensLosingAccess = 0;
};
BatchImpact batchImpact(const QList<GrantChange> &changes, const QList<Token> &tokens,
                        const QDateTime &now);

// "2 tokens lose Kubernetes: deploy (rw), monitor (r)", "No active token uses Kubernetes."
QString describeImpact(const VaultRevokeImpact &impact, const QString &vaultName);
// "Apply 12 changes — 5 tokens lose access" (or without the dash part when none does).
QString describeBatch(int changes, const BatchImpact &impact);

// What previewVaultRevoke() found: the server and vault as the service resolved them,
// whether the server has the vault now, and what revoking it takes away.
struct VaultRevokePreview
{
    Server server;
    Vault vault;
    bool granted = false;
    VaultRevokeImpact impact;
};

// Fetches the server, resolves the vault (name or ID, as the service does) and the server's
// tokens, and computes the impact at the service's idea of now (the local clock).
void previewVaultRevoke(ApiClient &api, const QString &server, const QString &vault,
                        QObject *context, const Callback<VaultRevokePreview> &done);

} // namespace ca
