// What each token of one server may do in each vault (read-only: tokens can't be re-scoped;
// a new token is the way to change scope). Columns are the server's vaults by name, then
// vaults its tokens name that the server no longer reaches, struck through: such a scope
// gives the token nothing.
#pragma once

#include "core/Domain.h"
#include "models/Clock.h"

#include <QAbstractTableModel>

namespace ca {

class Directory;

class TokenScopeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit TokenScopeModel(const Directory *directory, QObject *parent = nullptr);

    void setServer(const Server &server, const QList<Token> &allTokens);
    void setClock(Clock clock) { m_clock = std::move(clock); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant lostFont() const;
    const Directory *m_directory;
    struct Column
    {
        QString vaultId;
        bool lost; // the server no longer reaches it
    };
    QList<Column> m_columns;
    QList<Token> m_tokens;
    Clock m_clock = systemClock();
};

} // namespace ca
