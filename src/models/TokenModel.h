// The Tokens page's table (100,000 rows, see docs/ARCHITECTURE.md; data() is O(1)). State and
// expiry are computed against a clock, so a token turns EXPIRED without a refresh. Tokens are
// kept compactly (server and vault IDs and whole vault lists shared between tokens) with
// their vaults in the order shown, and a folded copy of each name for the text filter.
#pragma once

#include "core/Domain.h"
#include "models/Clock.h"
#include "models/Directory.h"
#include "models/KeyedTableModel.h"

#include <QHash>
#include <QSet>

namespace ca {

// One vault of a token as shown: "Kubernetes (r)", and whether the token's server lost the
// vault since (then the token reaches nothing there, whatever it names).
struct TokenScope
{
    QString text;
    bool lost = false;
};

class TokenModel : public KeyedTableModel<Token, QString>
{
    Q_OBJECT
public:
    enum Column { Name, Server, Vaults, Expires, State, Created, Id, ColumnCount };
    Q_ENUM(Column)

    // Tokens due within this many days are marked.
    static constexpr int kDueSoonDays = 7;

    explicit TokenModel(const Directory *directory, QObject *parent = nullptr);
    void setClock(Clock clock);
    QDateTime now() const { return m_clock(); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // A token as this model holds it (item()), its vaults in the order of their names.
    QString permissions(const Token &token) const;      // "Kubernetes (r), Customers (rw)"
    QList<TokenScope> scopes(const Token &token) const; // by vault name
    QString scopeDescription(const Token &token) const; // one line per vault, lost ones say so
    QString serverName(const QString &serverId) const { return m_directory->serverName(serverId); }
    QString vaultName(const QString &vaultId) const { return m_directory->vaultName(vaultId); }
    static QString relativeExpiry(const QDateTime &expiresAt, const QDateTime &now);
    static QString stateText(TokenState state); // "Active", "Revoked", "Expired"

    // Text as the filter compares it: case folded.
    static QString folded(const QString &text) { return text.toCaseFolded(); }
    // Whether the row's name, ID, server name or one of its vault names contains `text`,
    // which folded() made. Names were folded when the row arrived; server and vault names are
    // matched once per text, not once per row.
    bool rowContains(int row, const QString &text) const;

protected:
    QString prepare(Token &token) override;

signals:
    void renameRequested(const QString &tokenId, const QString &serverId, const QString &newName);

private:
    QString shared(QSet<QString> &strings, const QString &text);
    void orderVaults(QList<TokenVault> &vaults) const;
    void vaultNamesChanged();
    void forgetMatches() const { m_matchText.clear(); }
    void matchNames(const QString &text) const;
    bool serverMatches(const QString &serverId) const;
    bool vaultsMatch(const QList<TokenVault> &vaults) const;

    const Directory *m_directory;
    Clock m_clock = systemClock();
    // One copy of each server and vault ID, and of each list of vaults, for all tokens.
    QSet<QString> m_serverIds;
    QSet<QString> m_vaultIds;
    QSet<QList<TokenVault>> m_vaultLists;
    QHash<QList<TokenVault>, QList<TokenVault>> m_sharedLists; // as sent -> shared, in order
    // For the text m_matchText: which servers' names contain it (by the shared ID's
    // characters), which shared vault lists name a vault whose name does (by the list's
    // data), and whether any does at all (most texts match no server and no vault).
    mutable QString m_matchText;
    mutable QHash<const QChar *, bool> m_serverMatches;
    mutable QHash<const TokenVault *, bool> m_listMatches;
    mutable QSet<QString> m_matchingVaults;
    mutable bool m_anyServerMatches = false;
    mutable bool m_anyVaultMatches = false;
};

} // namespace ca

Q_DECLARE_METATYPE(ca::TokenScope)
