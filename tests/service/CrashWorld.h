// What the crash-safety test's client knows about the service's data: the grant cells it
// changes in batches, the tokens it created and revoked, and which of those operations were
// acknowledged and which were still in flight when the service was killed.
#pragma once

#include <QBitArray>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <optional>

namespace ca::test {

struct CrashToken
{
    QString server;              // lower-case ID
    QString id;                  // lower-case; empty while its creation is unacknowledged
    bool revoked = false;        // acknowledged (or found revoked after a restart)
    bool revokeInFlight = false; // sent, no answer yet
};

struct CrashWorld
{
    // The cells the batches change: batchServers × vaults, cell = server * vaults + vault.
    QStringList batchServers; // lower-case IDs
    QStringList vaults;       // lower-case IDs of the grantable vaults
    QHash<QString, int> serverIndex;
    QHash<QString, int> vaultIndex;
    QBitArray cells; // granted cells as of the last acknowledged (or observed) batch
    qint64 revision = 0;
    std::optional<QBitArray> batchInFlight; // the cells the unanswered batch flips

    // Tokens are created on these servers (each has a vault no batch touches).
    QStringList tokenServers;                 // lower-case IDs
    QHash<QString, qint64> tokensVersionBase; // tokens_version of each token server at the start
    QMap<QString, CrashToken> tokens;         // by name (names are unique)

    // Everything else, which no round changes: grants of other servers, the sandbox's tokens.
    QSet<QString> otherGrants; // "server/vault", lower-case
    QSet<QString> otherTokens; // lower-case IDs

    qsizetype cellCount() const { return batchServers.size() * vaults.size(); }
    qsizetype cell(int server, int vault) const { return server * vaults.size() + vault; }
};

} // namespace ca::test
