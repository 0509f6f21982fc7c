// The Tokens page's table (100,000 rows, see docs/ARCHITECTURE.md; data() is O(1)). State and
// expiry are computed against a clock, so a token turns EXPIRED without a refresh.
#pragma once

#include "core/Domain.h"
#include "models/Clock.h"
#include "models/Directory.h"
#include "models/KeyedTableModel.h"

namespace ca {

class TokenModel : public KeyedTableModel<Token>
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

    QString permissions(const Token &token) const; // "Kubernetes (r), Customers (rw)"
    QString serverName(const QString &serverId) const { return m_directory->serverName(serverId); }
    QString vaultName(const QString &vaultId) const { return m_directory->vaultName(vaultId); }
    static QString relativeExpiry(const QDateTime &expiresAt, const QDateTime &now);

signals:
    void renameRequested(const QString &tokenId, const QString &serverId, const QString &newName);

private:
    const Directory *m_directory;
    Clock m_clock = systemClock();
};

} // namespace ca
