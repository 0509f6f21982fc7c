// What each token of one server may do in each of the server's vaults (read-only: tokens
// can't be re-scoped; a new token is the way to change scope).
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
    const Directory *m_directory;
    QStringList m_vaults;
    QList<Token> m_tokens;
    Clock m_clock = systemClock();
};

} // namespace ca
